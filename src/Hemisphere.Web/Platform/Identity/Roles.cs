namespace Hemisphere.Platform.Identity;

public enum HemisphereRole
{
    Administrator,
    Editor,
    Moderator,
    Instructor,
    Learner,
    FocalPoint,
    InstitutionManager,
    Donor,
}

public static class RoleNames
{
    public const string Administrator = "administrator";
    public const string Editor = "editor";
    public const string Moderator = "moderator";
    public const string Instructor = "instructor";
    public const string Learner = "learner";
    public const string FocalPoint = "focal_point";
    public const string InstitutionManager = "institution_manager";
    public const string Donor = "donor";

    public static string Name(this HemisphereRole role) => role switch
    {
        HemisphereRole.Administrator => Administrator,
        HemisphereRole.Editor => Editor,
        HemisphereRole.Moderator => Moderator,
        HemisphereRole.Instructor => Instructor,
        HemisphereRole.Learner => Learner,
        HemisphereRole.FocalPoint => FocalPoint,
        HemisphereRole.InstitutionManager => InstitutionManager,
        HemisphereRole.Donor => Donor,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static bool TryParse(string? text, out HemisphereRole role)
    {
        foreach (var candidate in Enum.GetValues<HemisphereRole>())
        {
            if (string.Equals(candidate.Name(), text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }
}

/// <summary>
/// A role a user holds, optionally limited to one member state or one institution.
/// No scope means the role applies everywhere.
/// </summary>
public sealed class RoleAssignment : Audit.IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public HemisphereRole Role { get; set; }
    public string? CountryCode { get; set; }
    public Guid? InstitutionId { get; set; }
    public DateTimeOffset GrantedAt { get; set; } = DateTimeOffset.UtcNow;
    public Guid? GrantedBy { get; set; }
}

public sealed class ApiToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public byte[] Hash { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
