namespace Hemisphere.Features.Library;

/// <summary>
/// The themes the library, the intervention catalogue and search facets share. Stored as the
/// slug; shown through the resource key Theme.{slug}.
/// </summary>
public static class LibraryThemes
{
    public static readonly IReadOnlyList<string> All =
    [
        "crime-prevention", "violence-prevention", "youth-violence", "community-policing", "police-training",
        "police-professionalization", "human-trafficking", "migrant-smuggling", "organised-crime", "firearms-control",
        "prison-systems", "cybercrime", "citizen-security-data", "gender-based-violence", "drug-policy",
    ];

    /// <summary>The slug of a theme given by slug or by English name ("crime prevention"); null when unknown.</summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var slug = text.Trim().ToLowerInvariant().Replace(' ', '-');
        return All.Contains(slug) ? slug : null;
    }
}
