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

/// <summary>A localized text as the site stores it: four columns, En never null ("" when there is no English).</summary>
public sealed record Texts(string En, string? Es = null, string? Pt = null, string? Fr = null)
{
    public static readonly Texts None = new("");
}

/// <summary>A row of "Programmes".</summary>
public sealed record ProgrammeRow(Guid Id, string Key, Texts Name, Texts Summary)
{
    /// <summary>The programme it is a phase of (topics, beneficiaries, partners, web page).</summary>
    public required ProgrammeDefinition Definition { get; init; }
    /// <summary>1 for the programme itself, 2 for its phase II…</summary>
    public required int Phase { get; init; }
}

/// <summary>A row of "Activities" (StatusOverride always null: the status follows the dates).</summary>
public sealed record ActivityRow(
    Guid Id, string? Pillar, Guid? ProgrammeId, DateOnly? StartDate, DateOnly? EndDate,
    string[] Countries, string[] Donors, string[] Partners, string[] Links,
    decimal? FundingAmount, string? FundingCurrency, bool Published, string ImportKey, string? Source,
    DateTime CreatedAt, DateTime UpdatedAt,
    Texts Name, Texts TargetBeneficiaries, Texts Summary, Texts Objectives, Texts ExpectedResults, Texts AchievedResults);
