namespace Hemisphere.Features.Academy.Enrolments;

/// <summary>An officer named by a manager: an existing learner by id, or by e-mail / national id (created when new).</summary>
public sealed record LearnerInput(Guid? LearnerId, string? Email, string? NationalId, string? Name, Guid? InstitutionId, string? CountryCode);

public sealed record EnrolInput(Guid? EditionId, LearnerInput? Learner);

public sealed record DecisionInput(string? Reason);

public sealed record LearnerDto(Guid Id, string FullName, string? Email, string? NationalId, string CountryCode, Guid? InstitutionId,
    string? InstitutionName, bool HasAccount);

public sealed record EnrolmentDto(
    Guid Id, Guid EditionId, string EditionName, EditionMode Mode, Guid CourseId, string CourseCode, string CourseSlug, string CourseTitle,
    Guid LearnerId, string LearnerName, string CountryCode, Guid? InstitutionId, EnrolmentStatus Status, EnrolmentSource Source,
    DateTimeOffset CreatedAt, DateTimeOffset? EnrolledAt, DateTimeOffset? CompletedAt, int ProgressPercent, decimal? Grade,
    int? WaitlistPosition, string Url);

/// <summary>The learner's dashboard: each enrolment with what to do next and where they stopped.</summary>
public sealed record MyCourseDto(EnrolmentDto Enrolment, string? NextTitle, string? NextUrl, string? ResumeTitle, string? ResumeUrl, DateTimeOffset? LastActivityAt);

public sealed record LearnerQuery(string? Q, Guid? Institution, string? Country, Guid? Edition, int? Page, int? PageSize);
