using Hemisphere.Platform.Audit;

namespace Hemisphere.Features.Directory;

public enum ProfileVisibility
{
    /// <summary>Anyone, signed in or not.</summary>
    Public,
    /// <summary>Signed-in members of the networks.</summary>
    Members,
    /// <summary>The person, administrators and editors.</summary>
    Private,
}

public sealed class Person : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The account of this person, when they have one.</summary>
    public Guid? UserId { get; set; }
    public string FullName { get; set; } = "";
    public string? Title { get; set; }
    public Guid? InstitutionId { get; set; }
    public Institution? Institution { get; set; }
    public string? CountryCode { get; set; }
    /// <summary>ISO 639-1 codes.</summary>
    public List<string> Languages { get; set; } = [];
    public List<string> Expertise { get; set; } = [];
    public string? Biography { get; set; }
    public string? Email { get; set; }
    public ProfileVisibility Visibility { get; set; } = ProfileVisibility.Members;
    /// <summary>Folded (lower-case, no accents) text the directory filter matches against.</summary>
    public string SearchText { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}
