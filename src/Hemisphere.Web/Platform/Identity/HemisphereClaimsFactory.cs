using System.Security.Claims;
using Hemisphere.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hemisphere.Platform.Identity;

/// <summary>Adds a role claim per role held and a scope claim per assignment.</summary>
public sealed class HemisphereClaimsFactory(UserManager<User> users, IOptions<IdentityOptions> options, HemisphereDb db)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("name", user.DisplayName));
        identity.AddClaim(new Claim("lang", user.PreferredLanguage));
        var assignments = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == user.Id).ToListAsync();
        foreach (var role in assignments.Select(a => a.Role).Distinct())
            identity.AddClaim(new Claim(identity.RoleClaimType, role.Name()));
        foreach (var a in assignments)
            identity.AddClaim(new Claim(Actor.ScopeClaim, Actor.Scope(a.Role, a.CountryCode, a.InstitutionId)));
        return identity;
    }
}
