using Hemisphere.Platform.Audit;

namespace Hemisphere.Features.Academy;

/// <summary>How an edition is taught: in a classroom, at the learner's own pace, or as a cohort with dates.</summary>
public enum EditionMode { OnSite, SelfPaced, Cohort }

/// <summary>
/// A run of a course that learners enrol in. On-site editions have a venue, dates, seats, instructors and
/// sessions with attendance; self-paced ones an enrolment window; cohorts start and end together and may
/// have a private forum category.
/// </summary>
public sealed class Edition : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CourseId { get; set; }

    /// <summary>A short name shown beside the course's, e.g. "Bogotá, March 2027" or "Cohort 3".</summary>
    public string Name { get; set; } = "";
    public EditionMode Mode { get; set; }

    /// <summary>The language the edition is taught in (en, es, pt, fr).</summary>
    public string Language { get; set; } = "es";

    public string? Venue { get; set; }
    public string? City { get; set; }
    public string? CountryCode { get; set; }

    /// <summary>IANA id: sessions and dates are shown in the venue's (or the cohort's) local time.</summary>
    public string TimeZone { get; set; } = "America/New_York";
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public DateTimeOffset? EnrolmentOpensAt { get; set; }
    public DateTimeOffset? EnrolmentClosesAt { get; set; }

    /// <summary>Null: no limit. When full, new enrolments go on the waiting list.</summary>
    public int? Seats { get; set; }

    /// <summary>Learners may enrol themselves while enrolment is open.</summary>
    public bool SelfEnrolment { get; set; }

    /// <summary>Self-enrolments wait for a manager of the learner's institution to approve them.</summary>
    public bool RequiresApproval { get; set; }

    /// <summary>The cohort's private forum category, when the community feature made one.</summary>
    public Guid? ForumCategoryId { get; set; }
    public bool Cancelled { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}

public sealed class EditionInstructor
{
    public Guid EditionId { get; set; }
    public Guid UserId { get; set; }
}

/// <summary>A class meeting of an on-site (or cohort) edition, at a UTC instant shown in the edition's zone.</summary>
public sealed class EditionSession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EditionId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string Title { get; set; } = "";
}

public enum AttendanceMark { Present, Late, Excused, Absent }

/// <summary>The instructor's mark for one learner at one session.</summary>
public sealed class Attendance
{
    public Guid SessionId { get; set; }
    public Guid EnrolmentId { get; set; }
    public AttendanceMark Mark { get; set; }
    public Guid RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; } = DateTimeOffset.UtcNow;
}
