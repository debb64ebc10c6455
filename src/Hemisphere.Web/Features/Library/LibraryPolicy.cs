using Hemisphere.Platform.Identity;

namespace Hemisphere.Features.Library;

/// <summary>
/// Who may write, review and publish library items. Editors write; an item goes to review and
/// another editor (of one of its countries, or everywhere) or an administrator approves it.
/// Administrators may publish directly. When review is switched off (Library:ReviewRequired=false)
/// editors publish their own items.
/// </summary>
public static class LibraryPolicy
{
    public static bool CanCreate(Actor actor) => actor.IsAdministrator || actor.HasRoleAnywhere(HemisphereRole.Editor);

    /// <summary>Administrators, editors everywhere or of one of its countries, and the editor who wrote it.</summary>
    public static bool CanEdit(Actor actor, LibraryItem item) =>
        actor.IsAdministrator || actor.HasGlobalRole(HemisphereRole.Editor)
        || (actor.HasRoleAnywhere(HemisphereRole.Editor) && (item.CreatedBy == actor.UserId || item.Countries.Any(c => actor.HasRoleFor(HemisphereRole.Editor, c))));

    /// <summary>Drafts and items in review are for those who may edit them.</summary>
    public static bool CanSee(Actor actor, LibraryItem item, DateTimeOffset now) => item.IsPublicAt(now) || CanEdit(actor, item);

    /// <summary>Approve or send back: an editor of the item who did not write it, or an administrator.</summary>
    public static bool CanReview(Actor actor, LibraryItem item, bool reviewRequired) =>
        actor.IsAdministrator || (CanEdit(actor, item) && (!reviewRequired || item.CreatedBy != actor.UserId));

    /// <summary>Publish without review: administrators always; editors only when review is not required.</summary>
    public static bool CanPublishDirectly(Actor actor, LibraryItem item, bool reviewRequired) =>
        actor.IsAdministrator || (!reviewRequired && CanEdit(actor, item));

    public static bool SeesReviewQueue(Actor actor) => CanCreate(actor);
}
