using Hemisphere.Platform.Identity;

namespace Hemisphere.Features.Academy;

/// <summary>
/// Who may do what in the academy. Every read and write of the feature goes through here.
/// <list type="bullet">
/// <item>Staff — administrators, and editors or instructors without a scope limit (the DPS's academy team) —
/// build the curriculum, run every edition, see every learner and every dashboard.</item>
/// <item>An edition's instructors take its attendance, grade its essays, override grades and read its gradebook.</item>
/// <item>An institution manager (scoped to an institution, or to a country) enrols, sees and exports the
/// learners of their institution(s) only, approves their self-enrolments, and sees their dashboards.</item>
/// <item>A signed-in member enrols themselves where an edition allows it, and sees only their own
/// enrolments, attempts and answers.</item>
/// <item>Anyone reads the published catalogue (programmes, courses, their outline and editions); lessons
/// and quizzes are for enrolled learners, their instructors and staff.</item>
/// </list>
/// </summary>
public static class AcademyPolicy
{
    public static bool IsStaff(Actor actor) =>
        actor.IsAdministrator || actor.HasGlobalRole(HemisphereRole.Editor) || actor.HasGlobalRole(HemisphereRole.Instructor);

    public static bool CanAuthor(Actor actor) => IsStaff(actor);

    /// <summary>Instructors of the edition (by assignment) and staff.</summary>
    public static bool CanTeach(Actor actor, IReadOnlyCollection<Guid> editionInstructors) =>
        IsStaff(actor) || (actor.UserId is { } me && editionInstructors.Contains(me));

    /// <summary>A manager of the learner's institution (or of its country, or everywhere), or staff.</summary>
    public static bool CanManageLearner(Actor actor, Guid? institutionId, string? countryCode) =>
        IsStaff(actor) || (institutionId is { } i
            ? actor.HasRoleFor(HemisphereRole.InstitutionManager, i, countryCode)
            : actor.HasRoleFor(HemisphereRole.InstitutionManager, countryCode));

    /// <summary>
    /// Which learners the actor may see as a manager: all (staff or an unscoped manager), or those of some
    /// institutions and countries; null when the actor manages nobody.
    /// </summary>
    public static ManagedScope? ManagedBy(Actor actor)
    {
        if (IsStaff(actor) || actor.HasGlobalRole(HemisphereRole.InstitutionManager)) return ManagedScope.Everyone;
        var institutions = actor.InstitutionsWhere(HemisphereRole.InstitutionManager).ToList();
        var countries = actor.CountriesWhere(HemisphereRole.InstitutionManager).ToList();
        return institutions.Count == 0 && countries.Count == 0 ? null : new ManagedScope(false, institutions, countries);
    }

    /// <summary>Holds the institution-manager role in some scope: may open the manager's pages (which then show only their learners).</summary>
    public static bool IsManager(Actor actor) => actor.HasRoleAnywhere(HemisphereRole.InstitutionManager);
}

/// <summary>The learners a manager sees: everyone, or those of these institutions and of these countries.</summary>
public sealed record ManagedScope(bool All, IReadOnlyList<Guid> Institutions, IReadOnlyList<string> Countries)
{
    public static readonly ManagedScope Everyone = new(true, [], []);

    public bool Covers(Guid? institutionId, string? countryCode) =>
        All || (institutionId is { } i && Institutions.Contains(i)) || (countryCode is not null && Countries.Contains(countryCode));
}
