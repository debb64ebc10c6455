using Microsoft.AspNetCore.Identity;

namespace Hemisphere.Platform.Identity;

public sealed class User : IdentityUser<Guid>
{
    public User() => Id = Guid.CreateVersion7();

    public string DisplayName { get; set; } = "";
    /// <summary>en, es, pt or fr: the language of mail and, after sign-in, of the site.</summary>
    public string PreferredLanguage { get; set; } = "en";
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public List<RoleAssignment> Roles { get; set; } = [];
}
