using System.Text.Json;
using Hemisphere.Features.Portfolio;

namespace Hemisphere.Features.Interventions;

public sealed record InterventionListItem(
    Guid Id,
    string Slug,
    string Url,
    string Name,
    string? Summary,
    InterventionKind Kind,
    InterventionStatus Status,
    PreventionArea Area,
    EvidenceRating Rating,
    DateOnly RatingReviewedOn,
    IReadOnlyList<string> AgeGroups,
    IReadOnlyList<string> Sexes,
    IReadOnlyList<string> RiskStatuses,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Languages);

public sealed record InterventionCostDto(
    decimal? StartUp, decimal? Running, decimal? PerParticipant, string? Currency, int? PriceYear, string? Text, EvidenceQuality? Quality);

public sealed record StudyDto(
    string Citation, string? Url, StudyDesign Design, string? Country, int? SampleSize, int? FollowUpMonths, bool IndependentEvaluator, EvidenceQuality? Quality);

public sealed record OutcomeDto(
    string Name, string? Domain, EffectDirection Direction, string? EffectSize, bool Significant, EvidenceRating Rating, Translations? NameTranslations);

public sealed record ExternalRatingDto(string Framework, string Label, string? Outcome, DateOnly? RatedOn, string? Url);

public sealed record ImplementationDto(
    string CountryCode, string? City, Guid? InstitutionId, string? InstitutionName, DateOnly? StartDate, DateOnly? EndDate,
    string? Adaptations, string? LocalEvaluation, Translations? AdaptationsTranslations, Translations? LocalEvaluationTranslations);

/// <summary>A whole catalogue entry; texts in the reader's language (English when missing), every version in <c>translations</c>.</summary>
public sealed record InterventionDto(
    Guid Id,
    string Slug,
    string Url,
    string Name,
    IReadOnlyList<string> Aliases,
    string? Summary,
    InterventionKind Kind,
    InterventionStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    PreventionArea Area,
    PreventionContinuum? Continuum,
    PreventionFocus? Focus,
    IReadOnlyList<string> CrimeProblems,
    IReadOnlyList<string> RiskFactors,
    IReadOnlyList<string> AgeGroups,
    IReadOnlyList<string> Sexes,
    IReadOnlyList<string> RiskStatuses,
    IReadOnlyList<string> Settings,
    IReadOnlyList<string> Localities,
    IReadOnlyList<string> Themes,
    string? Goals,
    string? Eligibility,
    string? Mechanism,
    EvidenceQuality? MechanismQuality,
    string? Components,
    string? Dosage,
    string? Implementation,
    EvidenceQuality? ImplementationQuality,
    string? Staffing,
    string? Moderators,
    EvidenceQuality? ModeratorsQuality,
    InterventionCostDto Cost,
    EvidenceRating Rating,
    string? RatingRationale,
    DateOnly RatingReviewedOn,
    bool SustainedTwelveMonths,
    bool IndependentlyReplicated,
    IReadOnlyList<StudyDto> Studies,
    IReadOnlyList<OutcomeDto> Outcomes,
    IReadOnlyList<ExternalRatingDto> ExternalRatings,
    IReadOnlyList<ImplementationDto> Implementations,
    IReadOnlyList<string> Languages,
    IReadOnlyDictionary<string, Translations>? Translations);

public sealed record CostInput(decimal? StartUp, decimal? Running, decimal? PerParticipant, string? Currency, int? PriceYear, Translations? Text, string? Quality);

public sealed record StudyInput(string? Citation, string? Url, string? Design, string? Country, int? SampleSize, int? FollowUpMonths, bool? IndependentEvaluator, string? Quality);

public sealed record OutcomeInput(Translations? Name, string? Domain, string? Direction, string? EffectSize, bool? Significant, string? Rating);

public sealed record ExternalRatingInput(string? Framework, string? Label, string? Outcome, DateOnly? RatedOn, string? Url);

public sealed record ImplementationInput(
    string? CountryCode, string? City, Guid? InstitutionId, DateOnly? StartDate, DateOnly? EndDate, Translations? Adaptations, Translations? LocalEvaluation);

/// <summary>
/// A whole entry (PUT replaces it). Codes are camelCase strings ("noEffect"); "no-effect" and
/// "no_effect" are read as well. Without a slug, a new entry takes one from its English name and an
/// existing entry keeps its own.
/// </summary>
public sealed record InterventionInput(
    string? Slug,
    Translations? Name,
    List<string>? Aliases,
    Translations? Summary,
    string? Kind,
    string? Status,
    string? Area,
    string? Continuum,
    string? Focus,
    List<string>? CrimeProblems,
    List<string>? RiskFactors,
    List<string>? AgeGroups,
    List<string>? Sexes,
    List<string>? RiskStatuses,
    List<string>? Settings,
    List<string>? Localities,
    List<string>? Themes,
    Translations? Goals,
    Translations? Eligibility,
    Translations? Mechanism,
    string? MechanismQuality,
    Translations? Components,
    Translations? Dosage,
    Translations? Implementation,
    string? ImplementationQuality,
    Translations? Staffing,
    Translations? Moderators,
    string? ModeratorsQuality,
    CostInput? Cost,
    string? Rating,
    Translations? RatingRationale,
    DateOnly? RatingReviewedOn,
    bool? SustainedTwelveMonths,
    bool? IndependentlyReplicated,
    List<StudyInput>? Studies,
    List<OutcomeInput>? Outcomes,
    List<ExternalRatingInput>? ExternalRatings,
    List<ImplementationInput>? Implementations);

public sealed record InterventionFilter(string? Q, string? Area, string? Population, string? Rating, string? Country, string? Kind, bool IncludeDrafts);

/// <summary>The codes the API and the forms use, and the labels' resource keys.</summary>
public static class InterventionCodes
{
    public static string Code<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Reads "noEffect", "no-effect", "no_effect" or "No effect"; never a number.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var compact = string.Concat(text.Where(c => c is not '-' and not '_' and not ' '));
        if (compact.Length == 0 || !compact.All(char.IsAsciiLetter)) return false;
        return Enum.TryParse(compact, ignoreCase: true, out value);
    }

    /// <summary>A controlled list value in its canonical spelling, or null.</summary>
    public static string? Canonical(IEnumerable<string> vocabulary, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var compact = string.Concat(text.Where(c => c is not '-' and not '_' and not ' '));
        return vocabulary.FirstOrDefault(v => string.Equals(v, compact, StringComparison.OrdinalIgnoreCase));
    }

    public static string RatingKey(EvidenceRating r) => "Interventions.Rating." + Code(r);
    public static string RatingDescriptionKey(EvidenceRating r) => "Interventions.RatingText." + Code(r);
    public static string AreaKey(PreventionArea a) => "Interventions.Area." + Code(a);
    public static string ValueKey(string code) => "Interventions.Value." + code;
}
