using Hemisphere.Platform.Identity;

namespace Hemisphere.Features.Portfolio;

/// <summary>Who may see and change the portfolio.</summary>
public static class PortfolioPolicy
{
    /// <summary>Administrators and editors (everywhere, or of one of the activity's countries).</summary>
    public static bool CanEdit(Actor actor, IEnumerable<string> countries) =>
        actor.IsAdministrator || actor.HasGlobalRole(HemisphereRole.Editor) || countries.Any(c => actor.HasRoleFor(HemisphereRole.Editor, c));

    public static bool CanCreate(Actor actor) => actor.IsAdministrator || actor.HasRoleAnywhere(HemisphereRole.Editor);

    /// <summary>Unpublished activities are for editors and administrators only.</summary>
    public static bool SeesUnpublished(Actor actor) => CanCreate(actor);

    public static bool CanSee(Actor actor, Activity activity) => activity.Published || CanEdit(actor, activity.Countries);

    /// <summary>Importing sheets and managing programmes is for editors everywhere and administrators.</summary>
    public static bool CanImport(Actor actor) => actor.IsAdministrator || actor.HasGlobalRole(HemisphereRole.Editor);
}
