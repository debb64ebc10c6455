using System.Globalization;
using System.Security.Claims;

namespace Hemisphere.Platform.Identity;

/// <summary>
/// What the signed-in user may do, read from their claims. Scope claims have the form
/// <c>role</c>, <c>role@country:CC</c> or <c>role@institution:GUID</c>.
/// </summary>
public sealed class Actor
{
    public const string ScopeClaim = "hs:scope";
    private readonly HashSet<string> _scopes;

    public Actor(ClaimsPrincipal principal)
    {
        Principal = principal;
        _scopes = principal.FindAll(ScopeClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        UserId = Guid.TryParse(id, out var g) ? g : null;
    }

    /// <summary>The platform itself, for admin verbs run on the server: an administrator without a user.</summary>
    public static Actor System() => new(new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim(ClaimTypes.Role, HemisphereRole.Administrator.Name()), new Claim(ScopeClaim, HemisphereRole.Administrator.Name())], "system")));

    public ClaimsPrincipal Principal { get; }
    public Guid? UserId { get; }
    public bool IsSignedIn => UserId is not null;
    public bool IsAdministrator => HasRoleAnywhere(HemisphereRole.Administrator);

    public static string Scope(HemisphereRole role, string? countryCode, Guid? institutionId) =>
        institutionId is { } i ? $"{role.Name()}@institution:{i.ToString("D", CultureInfo.InvariantCulture)}"
        : countryCode is { } c ? $"{role.Name()}@country:{c}"
        : role.Name();

    /// <summary>Holds the role without any scope limit.</summary>
    public bool HasGlobalRole(HemisphereRole role) => _scopes.Contains(role.Name());

    /// <summary>Holds the role at all, in any scope.</summary>
    public bool HasRoleAnywhere(HemisphereRole role) => Principal.IsInRole(role.Name());

    /// <summary>Holds the role for this country (globally or scoped to it).</summary>
    public bool HasRoleFor(HemisphereRole role, string? countryCode) =>
        HasGlobalRole(role) || (countryCode is not null && _scopes.Contains(Scope(role, countryCode, null)));

    /// <summary>Holds the role for this institution: globally, for its country, or for the institution itself.</summary>
    public bool HasRoleFor(HemisphereRole role, Guid institutionId, string? countryCode) =>
        HasRoleFor(role, countryCode) || _scopes.Contains(Scope(role, null, institutionId));

    public IEnumerable<Guid> InstitutionsWhere(HemisphereRole role)
    {
        var prefix = role.Name() + "@institution:";
        foreach (var s in _scopes)
            if (s.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(s.AsSpan(prefix.Length), out var id))
                yield return id;
    }

    public IEnumerable<string> CountriesWhere(HemisphereRole role)
    {
        var prefix = role.Name() + "@country:";
        foreach (var s in _scopes)
            if (s.StartsWith(prefix, StringComparison.Ordinal)) yield return s[prefix.Length..];
    }

    /// <summary>Administrators, and editors everywhere or for this country, manage directory records.</summary>
    public bool CanEditFor(string? countryCode) =>
        IsAdministrator || HasRoleFor(HemisphereRole.Editor, countryCode);
}
