namespace Hemisphere.Features.Community.Events;

/// <summary>A text in the official languages; at least one is required for a title.</summary>
public sealed record EventText(string? En, string? Es, string? Pt, string? Fr);

/// <summary>A new event, or the full replacement of one (PUT).</summary>
public sealed record EventInput(
    EventText? Title,
    EventText? Description,
    string? Kind,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? TimeZone,
    string? Venue,
    string? Address,
    string? City,
    string? CountryCode,
    string? OnlineUrl,
    Guid? OrganiserInstitutionId,
    int? Capacity,
    DateTimeOffset? RegistrationOpensAt,
    DateTimeOffset? RegistrationClosesAt,
    string? Visibility,
    string? Slug = null);

public sealed record MaterialInput(string? Title, string? Url, string? LibraryItem);

public sealed record AttendanceInput(Guid? UserId, string? Attendance);

public sealed record EventPlaceDto(string? Venue, string? Address, string? City, string? CountryCode);

public sealed record EventMaterialDto(Guid Id, string Title, string Url, Guid? LibraryItemId, int Order);

/// <summary>The caller's own place: registered, waitlisted (with position, 1 = next) or cancelled.</summary>
public sealed record MyRegistrationDto(string Status, int? WaitlistPosition, DateTimeOffset RegisteredAt, string? Attendance);

public sealed record EventDto(
    Guid Id,
    string Slug,
    string Language,
    string Title,
    string Description,
    EventText? Translations,
    string Kind,
    string Status,
    string Visibility,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZone,
    // Start and end as local times of the event's zone, ISO 8601 with offset.
    string LocalStartsAt,
    string LocalEndsAt,
    EventPlaceDto? Place,
    // Only for registered participants and organisers.
    string? OnlineUrl,
    Guid? OrganiserInstitutionId,
    string? OrganiserInstitution,
    Guid? OrganiserUserId,
    string? OrganiserName,
    int? Capacity,
    int Registered,
    int Waitlisted,
    int? SeatsLeft,
    DateTimeOffset? RegistrationOpensAt,
    DateTimeOffset? RegistrationClosesAt,
    bool RegistrationOpen,
    int Sequence,
    MyRegistrationDto? MyRegistration,
    bool CanEdit,
    IReadOnlyList<EventMaterialDto> Materials,
    string Url,
    string CalendarUrl);

public sealed record EventSummaryDto(
    Guid Id,
    string Slug,
    string Language,
    string Title,
    string Kind,
    string Status,
    string Visibility,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZone,
    string LocalStartsAt,
    string? City,
    string? CountryCode,
    int? Capacity,
    int Registered,
    int MaterialCount,
    string Url);

public sealed record RegistrationDto(Guid Id, Guid UserId, string Name, string? Email, string Status, int? WaitlistPosition, DateTimeOffset RegisteredAt, string? Attendance, DateTimeOffset? ReminderSentAt);

public sealed record EventFilter(string? Kind, string? Country, bool Past, bool IncludeDrafts);

public sealed record CalendarFeedDto(string Url, DateTimeOffset CreatedAt);

public static class EventNames
{
    public static string Slug(this EventKind kind) => kind switch
    {
        EventKind.InPerson => "in-person",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string Slug(this EventStatus status) => status.ToString().ToLowerInvariant();
    public static string Slug(this EventVisibility visibility) => visibility.ToString().ToLowerInvariant();
    public static string Slug(this RegistrationStatus status) => status.ToString().ToLowerInvariant();
    public static string Slug(this Attendance attendance) => attendance.ToString().ToLowerInvariant();

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        var compact = (text ?? "").Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Trim();
        if (compact.Length > 0 && !char.IsDigit(compact[0]) && Enum.TryParse(compact, ignoreCase: true, out value) && Enum.IsDefined(value)) return true;
        value = default;
        return false;
    }
}
