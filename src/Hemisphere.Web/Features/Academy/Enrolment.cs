using Hemisphere.Platform.Audit;

namespace Hemisphere.Features.Academy;

/// <summary>
/// An officer as a learner. Officers are enrolled by their institution (one by one or by CSV) before
/// they have an account; the record is linked to an account (<see cref="UserId"/>) when they sign in with
/// the same confirmed e-mail, or when they enrol themselves. A learner is known by e-mail or by national
/// id within their country; both are unique.
/// </summary>
public sealed class Learner : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? UserId { get; set; }

    /// <summary>Lower-case; unique when present.</summary>
    public string? Email { get; set; }

    /// <summary>Unique within <see cref="CountryCode"/> when present.</summary>
    public string? NationalId { get; set; }
    public string CountryCode { get; set; } = "";
    public string FullName { get; set; } = "";
    public Guid? InstitutionId { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}

public enum EnrolmentStatus { PendingApproval, Waitlisted, Enrolled, Completed, Withdrawn, Rejected }

public enum EnrolmentSource { Self, Manager, Bulk, Api }

/// <summary>
/// A learner in an edition. Country, institution, course and year are copied in at enrolment so the
/// dashboards count a million rows without joins.
/// </summary>
public sealed class Enrolment : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EditionId { get; set; }
    public Guid CourseId { get; set; }
    public Guid LearnerId { get; set; }
    public string CountryCode { get; set; } = "";
    public Guid? InstitutionId { get; set; }
    public int Year { get; set; }

    public EnrolmentStatus Status { get; set; }
    public EnrolmentSource Source { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? EnrolledAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>Who approved (or rejected) a pending self-enrolment, or enrolled the learner.</summary>
    public Guid? DecidedBy { get; set; }

    /// <summary>Share of required lessons viewed and quizzes passed, 0–100.</summary>
    public int ProgressPercent { get; set; }

    /// <summary>The final grade, 0–100, from the quizzes (or an instructor's override).</summary>
    public decimal? Grade { get; set; }
    public string? GradeOverrideReason { get; set; }

    /// <summary>Where the learner stopped: the dashboard resumes there.</summary>
    public Guid? LastLessonId { get; set; }
    public DateTimeOffset? LastActivityAt { get; set; }

    /// <summary>
    /// When the enrolment's live certificate was issued; cleared when it is revoked (a reissue keeps it). Copied here, in the
    /// same write as the certificate, so the dashboards count certified officers from the enrolments' own indexes.
    /// </summary>
    public DateTimeOffset? CertifiedAt { get; set; }

    /// <summary>The bulk import that created it, if any.</summary>
    public Guid? ImportId { get; set; }
}

/// <summary>A learner opened a lesson (the first time counts).</summary>
public sealed class LessonView
{
    public Guid EnrolmentId { get; set; }
    public Guid LessonId { get; set; }
    public DateTimeOffset ViewedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>A bulk enrolment file and its outcome; the report of rejected rows is kept for download.</summary>
public sealed class EnrolmentImport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? By { get; set; }
    public DateTimeOffset At { get; set; } = DateTimeOffset.UtcNow;
    public string FileName { get; set; } = "";
    public int Rows { get; set; }
    public int Enrolled { get; set; }
    public int Waitlisted { get; set; }
    public int Rejected { get; set; }

    /// <summary>CSV: row number, the row's fields and the reason, for every rejected row.</summary>
    public string RejectedReport { get; set; } = "";
}

/// <summary>Raised (through the outbox, "academy.completed") when an enrolment reaches Completed: certificates and learning records consume it.</summary>
public sealed record CourseCompleted(Guid EnrolmentId, Guid LearnerId, Guid? UserId, Guid CourseId, Guid EditionId, decimal Hours, decimal? Grade, DateTimeOffset CompletedAt)
{
    public const string Kind = "academy.completed";
}
