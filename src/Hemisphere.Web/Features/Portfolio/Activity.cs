using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Data;

namespace Hemisphere.Features.Portfolio;

public enum ActivityStatus { Planned, Ongoing, Completed }

/// <summary>A DPS programme (for example the Inter-American Network for Police Development and Professionalization).</summary>
public sealed class Programme : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public LocalizedText Name { get; set; } = new();
    public LocalizedText Summary { get; set; } = new();
    /// <summary>Folded English name: import matches programmes by it.</summary>
    public string Key { get; set; } = "";
}

/// <summary>One activity as on a DPS programme sheet.</summary>
public sealed class Activity : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>OAS pillar as the sheet names it (for example "Security").</summary>
    public string? Pillar { get; set; }
    public LocalizedText Name { get; set; } = new();
    public Guid? ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    /// <summary>Set by an editor; when null the status follows the dates.</summary>
    public ActivityStatus? StatusOverride { get; set; }
    /// <summary>ISO 3166-1 alpha-2 codes of the member states where it takes place.</summary>
    public List<string> Countries { get; set; } = [];
    public List<string> Donors { get; set; } = [];
    public List<string> Partners { get; set; } = [];
    public List<string> Links { get; set; } = [];
    public LocalizedText TargetBeneficiaries { get; set; } = new();
    public LocalizedText Summary { get; set; } = new();
    public LocalizedText Objectives { get; set; } = new();
    public LocalizedText ExpectedResults { get; set; } = new();
    public LocalizedText AchievedResults { get; set; } = new();
    public decimal? FundingAmount { get; set; }
    /// <summary>ISO 4217.</summary>
    public string? FundingCurrency { get; set; }
    public bool Published { get; set; }
    /// <summary>Folded English name: importing the same sheet again updates instead of duplicating.</summary>
    public string ImportKey { get; set; } = "";
    public string? Source { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    public ActivityStatus StatusOn(DateOnly today) => StatusOverride ?? (
        StartDate is { } s && s > today ? ActivityStatus.Planned
        : EndDate is { } e && e < today ? ActivityStatus.Completed
        : StartDate is null && EndDate is null ? ActivityStatus.Planned
        : ActivityStatus.Ongoing);
}
