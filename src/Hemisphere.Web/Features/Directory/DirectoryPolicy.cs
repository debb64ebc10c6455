using Hemisphere.Platform.Identity;

namespace Hemisphere.Features.Directory;

/// <summary>Who may read and change directory records. Every read and write in the feature goes through here.</summary>
public static class DirectoryPolicy
{
    public static bool CanCreateInstitution(Actor actor, string? countryCode) => actor.CanEditFor(countryCode);

    /// <summary>Administrators; editors of its country; managers of the institution itself.</summary>
    public static bool CanUpdateInstitution(Actor actor, Institution institution) =>
        actor.CanEditFor(institution.CountryCode)
        || actor.HasRoleFor(HemisphereRole.InstitutionManager, institution.Id, null);

    public static bool CanDeleteInstitution(Actor actor, Institution institution) => actor.CanEditFor(institution.CountryCode);

    public static bool CanRecordMembership(Actor actor) => actor.IsAdministrator;

    public static bool CanCreatePerson(Actor actor, string? countryCode, Guid? institutionId) =>
        actor.CanEditFor(countryCode)
        || (institutionId is { } i && actor.HasRoleFor(HemisphereRole.InstitutionManager, i, null));

    /// <summary>The person themself; administrators and editors of their country; managers of their institution.</summary>
    public static bool CanUpdatePerson(Actor actor, Person person) =>
        (actor.UserId is { } me && person.UserId == me)
        || actor.CanEditFor(person.CountryCode)
        || (person.InstitutionId is { } i && actor.HasRoleFor(HemisphereRole.InstitutionManager, i, null));

    public static bool CanDeletePerson(Actor actor, Person person) => actor.CanEditFor(person.CountryCode);

    public static bool CanSeePerson(Actor actor, Person person) => person.Visibility switch
    {
        ProfileVisibility.Public => true,
        ProfileVisibility.Members => actor.IsSignedIn,
        _ => CanUpdatePerson(actor, person),
    };

    /// <summary>Sees every profile whatever its visibility (for lists).</summary>
    public static bool SeesAllProfiles(Actor actor) => actor.IsAdministrator || actor.HasGlobalRole(HemisphereRole.Editor);

    /// <summary>Contact e-mail addresses are for signed-in members only.</summary>
    public static bool CanSeeContact(Actor actor) => actor.IsSignedIn;
}
