using Hemisphere.Platform.Identity;

namespace Hemisphere.Features.Community.Events;

/// <summary>
/// Who may organise events. Administrators and editors everywhere manage every event; editors of a
/// member state manage the events held in it; institution managers manage the events their
/// institution organises (and must name one of their institutions as organiser); whoever created
/// an event (its organiser) keeps managing it. "Manage" covers editing, publishing, cancelling,
/// the registrations list, attendance and materials. Anyone signed in may register for a published
/// event they can see.
/// </summary>
public static class EventsPolicy
{
    public static bool CanCreate(Actor actor) =>
        actor.IsAdministrator || actor.HasRoleAnywhere(HemisphereRole.Editor) || actor.HasRoleAnywhere(HemisphereRole.InstitutionManager);

    /// <summary>Administrators and editors may organise without naming an institution; managers only for theirs.</summary>
    public static bool MayOmitInstitution(Actor actor) => actor.IsAdministrator || actor.HasRoleAnywhere(HemisphereRole.Editor);

    public static bool CanOrganiseFor(Actor actor, Guid institutionId) =>
        actor.IsAdministrator || actor.HasRoleAnywhere(HemisphereRole.Editor)
        || actor.HasGlobalRole(HemisphereRole.InstitutionManager) || actor.InstitutionsWhere(HemisphereRole.InstitutionManager).Contains(institutionId);

    public static bool CanEdit(Actor actor, Event e) =>
        actor.IsAdministrator
        || actor.HasGlobalRole(HemisphereRole.Editor)
        || (e.CountryCode is { } c && actor.HasRoleFor(HemisphereRole.Editor, c))
        || (actor.UserId is { } me && e.OrganiserUserId == me)
        || (e.OrganiserInstitutionId is { } i && (actor.HasGlobalRole(HemisphereRole.InstitutionManager) || actor.InstitutionsWhere(HemisphereRole.InstitutionManager).Contains(i)));

    /// <summary>Drafts are for their organisers; members-only events for signed-in users.</summary>
    public static bool CanSee(Actor actor, Event e) =>
        CanEdit(actor, e) || (e.Status != EventStatus.Draft && (e.Visibility == EventVisibility.Public || actor.IsSignedIn));

    /// <summary>The meeting link: organisers and registered participants (not the waiting list).</summary>
    public static bool SeesOnlineLink(Actor actor, Event e, RegistrationStatus? mine) =>
        CanEdit(actor, e) || mine == RegistrationStatus.Registered;

    public static bool RegistrationOpen(Event e, DateTimeOffset now) =>
        e.Status == EventStatus.Published && now < e.StartsAt
        && (e.RegistrationOpensAt is not { } opens || opens <= now)
        && (e.RegistrationClosesAt is not { } closes || now < closes);

    /// <summary>Attendance is marked by organisers, once the event has started.</summary>
    public static bool AttendanceOpen(Event e, DateTimeOffset now) => e.Status != EventStatus.Draft && now >= e.StartsAt;
}
