namespace Hemisphere.Features.Academy.Editions;

public sealed record EditionInput(
    Guid? CourseId, string? Name, string? Mode, string? Language, string? Venue, string? City, string? CountryCode, string? TimeZone,
    DateOnly? StartsOn, DateOnly? EndsOn, DateTimeOffset? EnrolmentOpensAt, DateTimeOffset? EnrolmentClosesAt, int? Seats,
    bool? SelfEnrolment, bool? RequiresApproval, List<Guid>? Instructors, bool? Cancelled);

public sealed record PersonRef(Guid UserId, string Name);

public sealed record EditionDto(
    Guid Id, Guid CourseId, string CourseCode, string CourseSlug, string CourseTitle, string Name, EditionMode Mode, string Language,
    string? Venue, string? City, string? CountryCode, string TimeZone, DateOnly? StartsOn, DateOnly? EndsOn,
    DateTimeOffset? EnrolmentOpensAt, DateTimeOffset? EnrolmentClosesAt, int? Seats, int Enrolled, int Waitlisted, bool SelfEnrolment,
    bool RequiresApproval, bool Cancelled, bool EnrolmentOpen, IReadOnlyList<PersonRef> Instructors, Guid? ForumCategoryId, string? ForumUrl,
    int Sessions, string Url);

/// <summary>A session's start and end as local times of the edition's zone (no offset), e.g. 2027-03-10T09:00.</summary>
public sealed record SessionInput(DateTime? Start, DateTime? End, string? Title);

public sealed record SessionDto(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string LocalStart, string LocalEnd, string TimeZone, string Title);

public sealed record AttendanceMarkInput(Guid EnrolmentId, string? Mark);

public sealed record AttendanceInput(List<AttendanceMarkInput>? Marks);

public sealed record AttendanceRowDto(Guid EnrolmentId, Guid LearnerId, string LearnerName, string? Mark, int? AttendancePercent);

public sealed record AttendanceSheetDto(SessionDto Session, IReadOnlyList<AttendanceRowDto> Rows);
