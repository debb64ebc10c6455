namespace Hemisphere.Bench.Generate;

/// <summary>A row of "Institutions", with what the people generator needs to know of it.</summary>
public sealed record InstitutionRow(
    Guid Id, string Name, string? Acronym, string Kind, string? CountryCode, Guid? ParentId,
    string? Website, string? Description, string SearchText, DateTime CreatedAt, DateTime UpdatedAt)
{
    /// <summary>The language its staff mostly write in.</summary>
    public required string Language { get; init; }
    /// <summary>Relative headcount: a national police has many more people in the directory than a foundation.</summary>
    public required double Staff { get; init; }
    /// <summary>Mail domain of its staff.</summary>
    public required string Domain { get; init; }
}

/// <summary>A row of "QualityCertifications".</summary>
public sealed record CertificationRow(
    Guid Id, Guid InstitutionId, string Standard, string Scope, string? CertifyingBody, DateOnly CertifiedOn, DateOnly? ValidUntil);

/// <summary>A row of "People" (never linked to an account: UserId stays null).</summary>
public sealed record PersonRow(
    Guid Id, string FullName, string? Title, Guid? InstitutionId, string? CountryCode,
    string[] Languages, string[] Expertise, string? Biography, string? Email, string Visibility,
    string SearchText, DateTime CreatedAt, DateTime UpdatedAt);
