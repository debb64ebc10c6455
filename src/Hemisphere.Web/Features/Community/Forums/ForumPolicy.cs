using Hemisphere.Platform.Identity;

namespace Hemisphere.Features.Community.Forums;

/// <summary>
/// Forums are for signed-in members. Private categories are for their members only (and for
/// moderators and administrators, who keep order everywhere); to everyone else they do not exist.
/// </summary>
public static class ForumPolicy
{
    public static bool IsModerator(Actor actor) => actor.IsAdministrator || actor.HasGlobalRole(HemisphereRole.Moderator);

    public static bool CanRead(Actor actor, ForumCategory category, bool isMember) =>
        actor.IsSignedIn && (category.Access == CategoryAccess.Members || isMember || IsModerator(actor));

    public static bool CanManageCategories(Actor actor) => actor.IsAdministrator;

    /// <summary>The author edits their post; moderators edit any.</summary>
    public static bool CanEdit(Actor actor, ForumPost post) => post.AuthorId == actor.UserId || IsModerator(actor);

    /// <summary>The topic's author or a moderator marks the accepted answer.</summary>
    public static bool CanAccept(Actor actor, ForumTopic topic) => topic.AuthorId == actor.UserId || IsModerator(actor);
}
