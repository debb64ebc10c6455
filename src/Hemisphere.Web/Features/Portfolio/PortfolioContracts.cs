using Hemisphere.Features.Directory;

namespace Hemisphere.Features.Portfolio;

/// <summary>A text in each language that has a version.</summary>
public sealed record Translations(string? En, string? Es, string? Pt, string? Fr);

public sealed record ActivityDto(
    Guid Id,
    string Name,
    string? Pillar,
    Guid? ProgrammeId,
    string? Programme,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string Status,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Donors,
    IReadOnlyList<string> Partners,
    IReadOnlyList<string> Links,
    string? TargetBeneficiaries,
    string? Summary,
    string? Objectives,
    string? ExpectedResults,
    string? AchievedResults,
    decimal? FundingAmount,
    string? FundingCurrency,
    bool Published,
    IReadOnlyList<string> Languages,
    IReadOnlyDictionary<string, Translations>? Translations,
    DateTimeOffset UpdatedAt);

public sealed record ActivityInput(
    Translations? Name,
    string? Pillar,
    Guid? ProgrammeId,
    string? Programme,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? Status,
    List<string>? Countries,
    List<string>? Donors,
    List<string>? Partners,
    List<string>? Links,
    Translations? TargetBeneficiaries,
    Translations? Summary,
    Translations? Objectives,
    Translations? ExpectedResults,
    Translations? AchievedResults,
    decimal? FundingAmount,
    string? FundingCurrency,
    bool? Published);

public sealed record ProgrammeDto(Guid Id, string Name, string? Summary, int Activities);

public sealed record ProgrammeInput(Translations? Name, Translations? Summary);

public sealed record ActivityFilter(string? Q, string? Country, string? Donor, string? Pillar, int? Year, string? Status, Guid? ProgrammeId, bool IncludeUnpublished);

public sealed record TimelineEntry(Guid Id, string Name, DateOnly? StartDate, DateOnly? EndDate);

public sealed record DashboardRow(string Key, string Label, int Activities, decimal? Funding);

public sealed record Dashboard(
    int Activities,
    IReadOnlyList<DashboardRow> ByCountry,
    IReadOnlyList<DashboardRow> ByDonor,
    IReadOnlyList<DashboardRow> ByPillar,
    IReadOnlyList<DashboardRow> ByYear,
    IReadOnlyList<DashboardRow> ByStatus);

internal static class StatusNames
{
    public static string Name(ActivityStatus s) => s switch
    {
        ActivityStatus.Planned => "planned",
        ActivityStatus.Ongoing => "ongoing",
        _ => "completed",
    };

    public static ActivityStatus? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "planned" => ActivityStatus.Planned,
        "ongoing" => ActivityStatus.Ongoing,
        "completed" => ActivityStatus.Completed,
        _ => null,
    };
}

internal static class MemberStateNames
{
    public static string Of(IReadOnlyDictionary<string, MemberStateDto> states, string code) =>
        states.TryGetValue(code, out var s) ? s.Name : code;
}
