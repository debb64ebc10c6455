using Hemisphere.Features.Directory;
using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Data;

namespace Hemisphere.Features.Interventions;

public enum InterventionKind { Programme, Practice }

/// <summary>Drafts are seen by those who may edit them only.</summary>
public enum InterventionStatus { Draft, Published }

/// <summary>The three areas of the DPS prevention programme.</summary>
public enum PreventionArea { Institutional, Situational, Community }

public enum PreventionContinuum { Primary, Secondary, Tertiary }

public enum PreventionFocus { Prevention, Diversion, Reoffending }

/// <summary>Hemisphere's own published evidence scale (explained on /interventions).</summary>
public enum EvidenceRating { Effective, Promising, NoEffect, Harmful, InsufficientEvidence }

/// <summary>How good the evidence behind an EMMIE text or a study is.</summary>
public enum EvidenceQuality { Low, Moderate, Strong }

public enum StudyDesign { RandomisedTrial, QuasiExperiment, MetaAnalysis, SystematicReview, Other }

public enum EffectDirection { Reduced, Increased, NoEffect }

/// <summary>
/// One entry of the catalogue of evidence-based crime-prevention interventions. Its id and slug are
/// stable: recommendations and action plans link to /interventions/{slug}.
/// </summary>
public sealed class Intervention : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Lower-case letters, digits and hyphens; unique; the entry's address.</summary>
    public string Slug { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
    /// <summary>Other names, in any language (for example "Comunidades que se Cuidan").</summary>
    public List<string> Aliases { get; set; } = [];
    public LocalizedText Summary { get; set; } = new();
    public InterventionKind Kind { get; set; }
    public InterventionStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    // Classification. List values are the codes of InterventionVocabulary (crime problems, risk factors and themes are free).
    public PreventionArea Area { get; set; }
    public PreventionContinuum? Continuum { get; set; }
    public PreventionFocus? Focus { get; set; }
    public List<string> CrimeProblems { get; set; } = [];
    public List<string> RiskFactors { get; set; } = [];
    public List<string> AgeGroups { get; set; } = [];
    public List<string> Sexes { get; set; } = [];
    public List<string> RiskStatuses { get; set; } = [];
    public List<string> Settings { get; set; } = [];
    public List<string> Localities { get; set; } = [];
    public List<string> Themes { get; set; } = [];

    // Description, with EMMIE-style quality marks.
    public LocalizedText Goals { get; set; } = new();
    public LocalizedText Eligibility { get; set; } = new();
    public LocalizedText Mechanism { get; set; } = new();
    public EvidenceQuality? MechanismQuality { get; set; }
    public LocalizedText Components { get; set; } = new();
    public LocalizedText Dosage { get; set; } = new();
    public LocalizedText Implementation { get; set; } = new();
    public EvidenceQuality? ImplementationQuality { get; set; }
    public LocalizedText Staffing { get; set; } = new();
    public LocalizedText Moderators { get; set; } = new();
    public EvidenceQuality? ModeratorsQuality { get; set; }

    // Economic cost.
    public decimal? StartUpCost { get; set; }
    public decimal? RunningCost { get; set; }
    public decimal? CostPerParticipant { get; set; }
    /// <summary>ISO 4217.</summary>
    public string? CostCurrency { get; set; }
    public int? CostPriceYear { get; set; }
    public LocalizedText CostText { get; set; } = new();
    public EvidenceQuality? CostQuality { get; set; }

    // The overall rating: a value, never a null.
    public EvidenceRating Rating { get; set; } = EvidenceRating.InsufficientEvidence;
    public LocalizedText RatingRationale { get; set; } = new();
    public DateOnly RatingReviewedOn { get; set; }
    public bool SustainedTwelveMonths { get; set; }
    public bool IndependentlyReplicated { get; set; }

    /// <summary>Folded name, aliases and summary in every language: what the list's text filter matches.</summary>
    public string SearchText { get; set; } = "";

    public List<InterventionStudy> Studies { get; set; } = [];
    public List<InterventionOutcome> Outcomes { get; set; } = [];
    public List<ExternalRating> ExternalRatings { get; set; } = [];
    public List<InterventionImplementation> Implementations { get; set; } = [];
}

/// <summary>A study behind an entry. Citations are bibliographic and not translated.</summary>
public sealed class InterventionStudy : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InterventionId { get; set; }
    public int Position { get; set; }
    public string Citation { get; set; } = "";
    public string? Url { get; set; }
    public StudyDesign Design { get; set; }
    /// <summary>Where the study took place, as written (any country, not only member states).</summary>
    public string? Country { get; set; }
    public int? SampleSize { get; set; }
    public int? FollowUpMonths { get; set; }
    public bool IndependentEvaluator { get; set; }
    public EvidenceQuality? Quality { get; set; }
}

/// <summary>One outcome measured, with its own rating (rating per outcome, as CrimeSolutions does since 2025).</summary>
public sealed class InterventionOutcome : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InterventionId { get; set; }
    public int Position { get; set; }
    public LocalizedText Name { get; set; } = new();
    /// <summary>A short label such as "violent crime", "property crime", "drug use".</summary>
    public string? Domain { get; set; }
    public EffectDirection Direction { get; set; }
    /// <summary>As reported, for example "d = 0.13" or "−16% calls for service".</summary>
    public string? EffectSize { get; set; }
    public bool Significant { get; set; }
    public EvidenceRating Rating { get; set; } = EvidenceRating.InsufficientEvidence;
}

/// <summary>Another framework's rating, kept verbatim.</summary>
public sealed class ExternalRating : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InterventionId { get; set; }
    public int Position { get; set; }
    public string Framework { get; set; } = "";
    public string Label { get; set; } = "";
    public string? Outcome { get; set; }
    public DateOnly? RatedOn { get; set; }
    public string? Url { get; set; }
}

/// <summary>Where a member state has applied the intervention.</summary>
public sealed class InterventionImplementation : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InterventionId { get; set; }
    public int Position { get; set; }
    /// <summary>ISO 3166-1 alpha-2 code of a member state.</summary>
    public string CountryCode { get; set; } = "";
    public string? City { get; set; }
    public Guid? InstitutionId { get; set; }
    public Institution? Institution { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public LocalizedText Adaptations { get; set; } = new();
    public LocalizedText LocalEvaluation { get; set; } = new();
}

/// <summary>The controlled values of the population and setting lists (each has a label Interventions.Value.{code}).</summary>
public static class InterventionVocabulary
{
    public static readonly string[] AgeGroups = ["children", "adolescents", "youngAdults", "adults"];
    public static readonly string[] Sexes = ["female", "male"];
    public static readonly string[] RiskStatuses = ["universal", "atRisk", "highRisk", "justiceInvolved"];
    public static readonly string[] Settings = ["school", "community", "justice", "home", "online"];
    public static readonly string[] Localities = ["urban", "rural"];

    /// <summary>Everything the population filter accepts.</summary>
    public static IEnumerable<string> Population => AgeGroups.Concat(Sexes).Concat(RiskStatuses);
}
