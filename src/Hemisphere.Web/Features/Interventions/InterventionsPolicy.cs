using Hemisphere.Platform.Identity;

namespace Hemisphere.Features.Interventions;

/// <summary>
/// Who may see and change the catalogue. Every read and write in the feature goes through here.
/// <list type="bullet">
/// <item>Anyone (anonymous readers included) reads published entries.</item>
/// <item>Administrators and editors everywhere are the catalogue's curators: they create, edit,
/// publish, rate and delete any entry, and see every draft.</item>
/// <item>An editor of one member state may propose entries (saved as drafts) and edit an entry that
/// records an implementation in their country, for example to add their country's adaptation and
/// local evaluation. The overall rating, its review date and the publication status stay with the
/// curators, since the rating speaks for the whole hemisphere; so does deletion, since
/// recommendations and action plans link to entries.</item>
/// <item>Everyone else (learners, moderators, donors, …) only reads.</item>
/// </list>
/// </summary>
public static class InterventionsPolicy
{
    public static bool IsCurator(Actor actor) => actor.IsAdministrator || actor.HasGlobalRole(HemisphereRole.Editor);

    public static bool CanCreate(Actor actor) => actor.IsAdministrator || actor.HasRoleAnywhere(HemisphereRole.Editor);

    /// <summary>Curators; editors of one of the countries where the entry has been implemented.</summary>
    public static bool CanEdit(Actor actor, IEnumerable<string> countries) =>
        IsCurator(actor) || countries.Any(c => actor.HasRoleFor(HemisphereRole.Editor, c));

    public static bool CanEdit(Actor actor, Intervention entry) => CanEdit(actor, entry.Implementations.Select(i => i.CountryCode));

    /// <summary>Publishing, unpublishing, rating and dating the review.</summary>
    public static bool CanPublishAndRate(Actor actor) => IsCurator(actor);

    public static bool CanDelete(Actor actor) => IsCurator(actor);

    /// <summary>May ask for drafts in lists (then sees those they may edit).</summary>
    public static bool SeesDrafts(Actor actor) => CanCreate(actor);

    public static bool CanSee(Actor actor, Intervention entry) => entry.Status == InterventionStatus.Published || CanEdit(actor, entry);
}
