using System.Globalization;
using Hemisphere.Features.Portfolio;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Localization;
using Hemisphere.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Interventions.Pages;

/// <summary>
/// Creates and edits a catalogue entry. Texts are edited one language at a time (?in=es): the other
/// languages' versions are kept as they are. Studies, outcomes, external ratings and implementations
/// are rows; a blank row adds one, a row emptied is removed.
/// </summary>
[Authorize]
public sealed class InterventionEditModel(InterventionsService catalogue, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Slug { get; set; }
    [BindProperty(SupportsGet = true)] public string In { get; set; } = "";
    [BindProperty] public InterventionForm Form { get; set; } = new();

    public bool CanPublishAndRate { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        In = Languages.IsSupported(In) ? In : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        CanPublishAndRate = InterventionsPolicy.CanPublishAndRate(User.Actor());
        if (Slug is null)
        {
            if (!InterventionsPolicy.CanCreate(User.Actor())) return Forbid();
            Form.RatingReviewedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            Form.AddBlankRows();
            return Page();
        }
        var e = await catalogue.GetAsync(User.Actor(), Slug, ct);
        if (e is null) return NotFound();
        if (!InterventionsPolicy.CanEdit(User.Actor(), e.Implementations.Select(i => i.CountryCode))) return Forbid();
        Form = InterventionForm.From(e, In);
        Form.AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        In = Languages.Normalize(In);
        CanPublishAndRate = InterventionsPolicy.CanPublishAndRate(User.Actor());
        var current = Slug is { } slug ? await catalogue.GetAsync(User.Actor(), slug, ct) : null;
        if (Slug is not null && current is null) return NotFound();
        var input = Form.ToInput(In, current);
        var outcome = current is null ? await catalogue.CreateAsync(User.Actor(), input, ct) : await catalogue.UpdateAsync(User.Actor(), current.Id.ToString(), input, ct);
        // Texts are edited one language at a time, so errors such as "name.es" go to the summary, named.
        return await this.SaveResultAsync(outcome, l["Common.Saved"], e => e.Url, null, () =>
        {
            Form.AddBlankRows();
            return Task.CompletedTask;
        });
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (Slug is not { } slug) return NotFound();
        var outcome = await catalogue.DeleteAsync(User.Actor(), slug, ct);
        if (outcome.IsOk)
        {
            TempData["Message"] = (string)l["Common.Deleted"];
            return Redirect("/interventions");
        }
        return outcome.Kind == OutcomeKind.NotFound ? NotFound() : Forbid();
    }

    public sealed class StudyRow
    {
        public string? Citation { get; set; }
        public string? Url { get; set; }
        public string? Design { get; set; }
        public string? Country { get; set; }
        public int? SampleSize { get; set; }
        public int? FollowUpMonths { get; set; }
        public bool IndependentEvaluator { get; set; }
        public string? Quality { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Citation) && string.IsNullOrWhiteSpace(Url);
    }

    public sealed class OutcomeRow
    {
        public string? Name { get; set; }
        public string? Domain { get; set; }
        public string? Direction { get; set; }
        public string? EffectSize { get; set; }
        public bool Significant { get; set; }
        public string? Rating { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Domain) && string.IsNullOrWhiteSpace(EffectSize);
    }

    public sealed class ExternalRow
    {
        public string? Framework { get; set; }
        public string? Label { get; set; }
        public string? Outcome { get; set; }
        public DateOnly? RatedOn { get; set; }
        public string? Url { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Framework) && string.IsNullOrWhiteSpace(Label);
    }

    public sealed class ImplementationRow
    {
        public string? CountryCode { get; set; }
        public string? City { get; set; }
        public Guid? InstitutionId { get; set; }
        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
        public string? Adaptations { get; set; }
        public string? LocalEvaluation { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(CountryCode) && string.IsNullOrWhiteSpace(City);
    }

    public sealed class InterventionForm
    {
        public string? Slug { get; set; }
        public string? Name { get; set; }
        public string? Aliases { get; set; }
        public string? Summary { get; set; }
        public string? Kind { get; set; }
        public string? Status { get; set; }
        public string? Area { get; set; }
        public string? Continuum { get; set; }
        public string? Focus { get; set; }
        public string? CrimeProblems { get; set; }
        public string? RiskFactors { get; set; }
        public string? Themes { get; set; }
        public List<string> AgeGroups { get; set; } = [];
        public List<string> Sexes { get; set; } = [];
        public List<string> RiskStatuses { get; set; } = [];
        public List<string> Settings { get; set; } = [];
        public List<string> Localities { get; set; } = [];
        public string? Goals { get; set; }
        public string? Eligibility { get; set; }
        public string? Mechanism { get; set; }
        public string? MechanismQuality { get; set; }
        public string? Components { get; set; }
        public string? Dosage { get; set; }
        public string? Implementation { get; set; }
        public string? ImplementationQuality { get; set; }
        public string? Staffing { get; set; }
        public string? Moderators { get; set; }
        public string? ModeratorsQuality { get; set; }
        public decimal? CostStartUp { get; set; }
        public decimal? CostRunning { get; set; }
        public decimal? CostPerParticipant { get; set; }
        public string? CostCurrency { get; set; }
        public int? CostPriceYear { get; set; }
        public string? CostText { get; set; }
        public string? CostQuality { get; set; }
        public string? Rating { get; set; }
        public string? RatingRationale { get; set; }
        public DateOnly? RatingReviewedOn { get; set; }
        public bool SustainedTwelveMonths { get; set; }
        public bool IndependentlyReplicated { get; set; }
        public List<StudyRow> Studies { get; set; } = [];
        public List<OutcomeRow> Outcomes { get; set; } = [];
        public List<ExternalRow> ExternalRatings { get; set; } = [];
        public List<ImplementationRow> Implementations { get; set; } = [];

        /// <summary>One empty row of each kind, so that a row can be added without script.</summary>
        public void AddBlankRows()
        {
            if (Studies.Count == 0 || !Studies[^1].IsBlank) Studies.Add(new StudyRow());
            if (Outcomes.Count == 0 || !Outcomes[^1].IsBlank) Outcomes.Add(new OutcomeRow());
            if (ExternalRatings.Count == 0 || !ExternalRatings[^1].IsBlank) ExternalRatings.Add(new ExternalRow());
            if (Implementations.Count == 0 || !Implementations[^1].IsBlank) Implementations.Add(new ImplementationRow());
        }

        private static string? Code<T>(T? value) where T : struct, Enum => value is { } v ? InterventionCodes.Code(v) : null;

        public static InterventionForm From(InterventionDto e, string lang)
        {
            string? T(string field) => e.Translations is { } t && t.TryGetValue(field, out var x) ? Pick(x, lang) : null;
            return new InterventionForm
            {
                Slug = e.Slug,
                Name = T("name"),
                Aliases = string.Join("\n", e.Aliases),
                Summary = T("summary"),
                Kind = InterventionCodes.Code(e.Kind),
                Status = InterventionCodes.Code(e.Status),
                Area = InterventionCodes.Code(e.Area),
                Continuum = Code(e.Continuum),
                Focus = Code(e.Focus),
                CrimeProblems = string.Join("\n", e.CrimeProblems),
                RiskFactors = string.Join("\n", e.RiskFactors),
                Themes = string.Join("\n", e.Themes),
                AgeGroups = [.. e.AgeGroups],
                Sexes = [.. e.Sexes],
                RiskStatuses = [.. e.RiskStatuses],
                Settings = [.. e.Settings],
                Localities = [.. e.Localities],
                Goals = T("goals"),
                Eligibility = T("eligibility"),
                Mechanism = T("mechanism"),
                MechanismQuality = Code(e.MechanismQuality),
                Components = T("components"),
                Dosage = T("dosage"),
                Implementation = T("implementation"),
                ImplementationQuality = Code(e.ImplementationQuality),
                Staffing = T("staffing"),
                Moderators = T("moderators"),
                ModeratorsQuality = Code(e.ModeratorsQuality),
                CostStartUp = e.Cost.StartUp,
                CostRunning = e.Cost.Running,
                CostPerParticipant = e.Cost.PerParticipant,
                CostCurrency = e.Cost.Currency,
                CostPriceYear = e.Cost.PriceYear,
                CostText = T("costText"),
                CostQuality = Code(e.Cost.Quality),
                Rating = InterventionCodes.Code(e.Rating),
                RatingRationale = T("ratingRationale"),
                RatingReviewedOn = e.RatingReviewedOn,
                SustainedTwelveMonths = e.SustainedTwelveMonths,
                IndependentlyReplicated = e.IndependentlyReplicated,
                Studies = e.Studies.Select(s => new StudyRow
                {
                    Citation = s.Citation,
                    Url = s.Url,
                    Design = InterventionCodes.Code(s.Design),
                    Country = s.Country,
                    SampleSize = s.SampleSize,
                    FollowUpMonths = s.FollowUpMonths,
                    IndependentEvaluator = s.IndependentEvaluator,
                    Quality = Code(s.Quality),
                }).ToList(),
                Outcomes = e.Outcomes.Select(o => new OutcomeRow
                {
                    Name = o.NameTranslations is { } n ? Pick(n, lang) : null,
                    Domain = o.Domain,
                    Direction = InterventionCodes.Code(o.Direction),
                    EffectSize = o.EffectSize,
                    Significant = o.Significant,
                    Rating = InterventionCodes.Code(o.Rating),
                }).ToList(),
                ExternalRatings = e.ExternalRatings.Select(r => new ExternalRow { Framework = r.Framework, Label = r.Label, Outcome = r.Outcome, RatedOn = r.RatedOn, Url = r.Url }).ToList(),
                Implementations = e.Implementations.Select(i => new ImplementationRow
                {
                    CountryCode = i.CountryCode,
                    City = i.City,
                    InstitutionId = i.InstitutionId,
                    StartDate = i.StartDate,
                    EndDate = i.EndDate,
                    Adaptations = i.AdaptationsTranslations is { } a ? Pick(a, lang) : null,
                    LocalEvaluation = i.LocalEvaluationTranslations is { } le ? Pick(le, lang) : null,
                }).ToList(),
            };
        }

        public InterventionInput ToInput(string lang, InterventionDto? current)
        {
            Translations Put(Translations? t, string? value)
            {
                t ??= new Translations(null, null, null, null);
                return lang switch
                {
                    "es" => t with { Es = value },
                    "pt" => t with { Pt = value },
                    "fr" => t with { Fr = value },
                    _ => t with { En = value },
                };
            }
            Translations Field(string field, string? value) =>
                Put(current?.Translations is { } all && all.TryGetValue(field, out var x) ? x : null, value);
            static T? At<T>(IReadOnlyList<T>? list, int i) where T : class => list is not null && i < list.Count ? list[i] : null;

            // Child rows keep their other languages by position; the form lists them in the entry's order.
            var outcomes = Outcomes.Select((o, i) => (o, i)).Where(x => !x.o.IsBlank).Select(x => new OutcomeInput(
                Put(At(current?.Outcomes, x.i)?.NameTranslations, x.o.Name), x.o.Domain, x.o.Direction, x.o.EffectSize, x.o.Significant, x.o.Rating)).ToList();
            var implementations = Implementations.Select((m, i) => (m, i)).Where(x => !x.m.IsBlank).Select(x => new ImplementationInput(
                x.m.CountryCode, x.m.City, x.m.InstitutionId, x.m.StartDate, x.m.EndDate,
                Put(At(current?.Implementations, x.i)?.AdaptationsTranslations, x.m.Adaptations),
                Put(At(current?.Implementations, x.i)?.LocalEvaluationTranslations, x.m.LocalEvaluation))).ToList();
            return new InterventionInput(
                Slug, Field("name", Name), FormLists.Split(Aliases, '\n'), Field("summary", Summary), Kind, Status, Area, Continuum, Focus,
                FormLists.Split(CrimeProblems, '\n'), FormLists.Split(RiskFactors, '\n'), AgeGroups, Sexes, RiskStatuses, Settings, Localities, FormLists.Split(Themes, '\n'),
                Field("goals", Goals), Field("eligibility", Eligibility), Field("mechanism", Mechanism), MechanismQuality,
                Field("components", Components), Field("dosage", Dosage), Field("implementation", Implementation), ImplementationQuality,
                Field("staffing", Staffing), Field("moderators", Moderators), ModeratorsQuality,
                new CostInput(CostStartUp, CostRunning, CostPerParticipant, CostCurrency, CostPriceYear, Field("costText", CostText), CostQuality),
                Rating, Field("ratingRationale", RatingRationale), RatingReviewedOn, SustainedTwelveMonths, IndependentlyReplicated,
                Studies.Where(s => !s.IsBlank).Select(s => new StudyInput(s.Citation, s.Url, s.Design, s.Country, s.SampleSize, s.FollowUpMonths, s.IndependentEvaluator, s.Quality)).ToList(),
                outcomes,
                ExternalRatings.Where(r => !r.IsBlank).Select(r => new ExternalRatingInput(r.Framework, r.Label, r.Outcome, r.RatedOn, r.Url)).ToList(),
                implementations);
        }

        private static string? Pick(Translations t, string lang) => lang switch { "es" => t.Es, "pt" => t.Pt, "fr" => t.Fr, _ => t.En };
    }
}
