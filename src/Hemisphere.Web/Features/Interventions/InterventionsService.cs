using System.Text;
using Hemisphere.Features.Directory;
using Hemisphere.Features.Portfolio;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Search;
using Hemisphere.Platform.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Interventions;

/// <summary>The catalogue's rules: validation, visibility, filters.</summary>
public sealed class InterventionsService(HemisphereDb db, IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    // ---------- Reading ----------

    public async Task<Outcome<Page<InterventionListItem>>> ListAsync(Actor actor, InterventionFilter f, PageRequest page, CancellationToken ct)
    {
        var v = new Validation(l);
        var q = db.Interventions.AsNoTracking();
        if (f.IncludeDrafts && InterventionsPolicy.SeesDrafts(actor))
        {
            if (!InterventionsPolicy.IsCurator(actor))
            {
                var mine = (await db.MemberStates.AsNoTracking().Select(s => s.Code).ToListAsync(ct))
                    .Where(c => actor.HasRoleFor(HemisphereRole.Editor, c)).ToList();
                q = q.Where(x => x.Status == InterventionStatus.Published || x.Implementations.Any(i => mine.Contains(i.CountryCode)));
            }
        }
        else q = q.Where(x => x.Status == InterventionStatus.Published);

        if (!string.IsNullOrWhiteSpace(f.Area))
        {
            if (InterventionCodes.TryParse<PreventionArea>(f.Area, out var area)) q = q.Where(x => x.Area == area);
            else v.Add("area", "Validation.InvalidValue");
        }
        if (!string.IsNullOrWhiteSpace(f.Rating))
        {
            if (InterventionCodes.TryParse<EvidenceRating>(f.Rating, out var rating)) q = q.Where(x => x.Rating == rating);
            else v.Add("rating", "Validation.InvalidValue");
        }
        if (!string.IsNullOrWhiteSpace(f.Kind))
        {
            if (InterventionCodes.TryParse<InterventionKind>(f.Kind, out var kind)) q = q.Where(x => x.Kind == kind);
            else v.Add("kind", "Validation.InvalidValue");
        }
        if (!string.IsNullOrWhiteSpace(f.Population))
        {
            if (InterventionCodes.Canonical(InterventionVocabulary.Population, f.Population) is { } p)
                q = q.Where(x => x.AgeGroups.Contains(p) || x.Sexes.Contains(p) || x.RiskStatuses.Contains(p));
            else v.Add("population", "Validation.InvalidValue");
        }
        if (!string.IsNullOrWhiteSpace(f.Country))
        {
            var c = f.Country.Trim().ToUpperInvariant();
            if (MemberStateCatalogue.IsCode(c)) q = q.Where(x => x.Implementations.Any(i => i.CountryCode == c));
            else v.Add("country", "Validation.UnknownCountry", f.Country.Trim());
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var pattern = TextFolding.ContainsPattern(f.Q.Trim());
            q = q.Where(x => EF.Functions.Like(x.SearchText, pattern, "\\"));
        }
        if (!v.IsValid) return Outcome<Page<InterventionListItem>>.Invalid(v.Errors);

        var total = await q.CountAsync(ct);
        var rows = await q.Include(x => x.Implementations).AsSplitQuery()
            .OrderBy(x => x.Name.En).ThenBy(x => x.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var items = rows.Select(x => new InterventionListItem(
            x.Id, x.Slug, UrlOf(x.Slug), x.Name.Current, NullIfEmpty(x.Summary.Current), x.Kind, x.Status, x.Area, x.Rating, x.RatingReviewedOn,
            x.AgeGroups, x.Sexes, x.RiskStatuses, x.Implementations.Select(i => i.CountryCode).Distinct().Order(StringComparer.Ordinal).ToList(),
            Languages(x).ToList())).ToList();
        return Outcome<Page<InterventionListItem>>.Ok(new Page<InterventionListItem>(items, total, page.Number, page.Size));
    }

    /// <summary>An entry by its id or its slug; null when missing or not visible to the actor.</summary>
    public async Task<InterventionDto?> GetAsync(Actor actor, string key, CancellationToken ct, bool withTranslations = true)
    {
        var entry = await FindAsync(key, tracked: false, ct);
        return entry is null || !InterventionsPolicy.CanSee(actor, entry) ? null : ToDto(entry, withTranslations);
    }

    private async Task<Intervention?> FindAsync(string key, bool tracked, CancellationToken ct)
    {
        var q = db.Interventions.Include(x => x.Studies).Include(x => x.Outcomes).Include(x => x.ExternalRatings)
            .Include(x => x.Implementations).ThenInclude(i => i.Institution).AsSplitQuery();
        if (!tracked) q = q.AsNoTracking();
        if (Guid.TryParse(key, out var id)) return await q.FirstOrDefaultAsync(x => x.Id == id, ct);
        var slug = key.Trim().ToLowerInvariant();
        return await q.FirstOrDefaultAsync(x => x.Slug == slug, ct);
    }

    // ---------- Writing ----------

    public async Task<Outcome<InterventionDto>> CreateAsync(Actor actor, InterventionInput input, CancellationToken ct)
    {
        if (!InterventionsPolicy.CanCreate(actor)) return Outcome<InterventionDto>.Forbidden();
        var entry = new Intervention { CreatedAt = clock.GetUtcNow() };
        var v = await ApplyAsync(entry, input, isNew: true, ct);
        if (!v.IsValid) return Outcome<InterventionDto>.Invalid(v.Errors);
        if (!InterventionsPolicy.CanEdit(actor, entry)) return Outcome<InterventionDto>.Forbidden();
        if (entry.Status == InterventionStatus.Published && !InterventionsPolicy.CanPublishAndRate(actor)) return Outcome<InterventionDto>.Forbidden();
        if (await db.Interventions.AnyAsync(x => x.Slug == entry.Slug, ct)) return Outcome<InterventionDto>.Invalid("slug", l["Interventions.DuplicateSlug"]);
        db.Interventions.Add(entry);
        return await SaveAsync(actor, entry.Id, entry.Slug, ct);
    }

    public async Task<Outcome<InterventionDto>> UpdateAsync(Actor actor, string key, InterventionInput input, CancellationToken ct)
    {
        var entry = await FindAsync(key, tracked: true, ct);
        if (entry is null || !InterventionsPolicy.CanSee(actor, entry)) return Outcome<InterventionDto>.NotFound();
        if (!InterventionsPolicy.CanEdit(actor, entry)) return Outcome<InterventionDto>.Forbidden();
        var (status, rating, reviewed) = (entry.Status, entry.Rating, entry.RatingReviewedOn);
        var v = await ApplyAsync(entry, input, isNew: false, ct);
        if (!v.IsValid)
        {
            db.ChangeTracker.Clear();
            return Outcome<InterventionDto>.Invalid(v.Errors);
        }
        // A country's editor keeps the entry in one of their countries and leaves status and rating to the curators.
        if (!InterventionsPolicy.CanEdit(actor, entry)
            || (!InterventionsPolicy.CanPublishAndRate(actor) && (entry.Status != status || entry.Rating != rating || entry.RatingReviewedOn != reviewed)))
        {
            db.ChangeTracker.Clear();
            return Outcome<InterventionDto>.Forbidden();
        }
        if (await db.Interventions.AnyAsync(x => x.Slug == entry.Slug && x.Id != entry.Id, ct))
        {
            db.ChangeTracker.Clear();
            return Outcome<InterventionDto>.Invalid("slug", l["Interventions.DuplicateSlug"]);
        }
        return await SaveAsync(actor, entry.Id, entry.Slug, ct);
    }

    private async Task<Outcome<InterventionDto>> SaveAsync(Actor actor, Guid id, string slug, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Another request took the slug between the check and the save; anything else is not the caller's fault.
            if (!await SlugTakenAsync(slug, id, ct)) throw;
            return Outcome<InterventionDto>.Invalid("slug", l["Interventions.DuplicateSlug"]);
        }
        return Outcome<InterventionDto>.Ok((await GetAsync(actor, id.ToString(), ct))!);
    }

    private Task<bool> SlugTakenAsync(string slug, Guid id, CancellationToken ct) =>
        db.Interventions.AsNoTracking().AnyAsync(x => x.Slug == slug && x.Id != id, ct);

    public async Task<Outcome<bool>> DeleteAsync(Actor actor, string key, CancellationToken ct)
    {
        var entry = await FindAsync(key, tracked: true, ct);
        if (entry is null || !InterventionsPolicy.CanSee(actor, entry)) return Outcome<bool>.NotFound();
        if (!InterventionsPolicy.CanDelete(actor)) return Outcome<bool>.Forbidden();
        db.Interventions.Remove(entry);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    public Task<bool> SlugExistsAsync(string slug, CancellationToken ct) => db.Interventions.AnyAsync(x => x.Slug == slug, ct);

    // ---------- Validation ----------

    private async Task<Validation> ApplyAsync(Intervention e, InterventionInput input, bool isNew, CancellationToken ct)
    {
        var v = new Validation(l);
        var name = Texts(v, "name", input.Name, InterventionLimits.Name, required: true);
        var summary = Texts(v, "summary", input.Summary, InterventionLimits.MediumText);
        var aliases = v.List("aliases", input.Aliases, InterventionLimits.ListCount, InterventionLimits.ListEntry);

        string slug;
        if (v.Text("slug", input.Slug, InterventionLimits.Slug) is { } given)
        {
            slug = given.ToLowerInvariant();
            if (!IsSlug(slug)) v.Add("slug", "Interventions.SlugFormat");
        }
        else slug = isNew ? SlugFrom(name.En.Length > 0 ? name.En : name.Current) : e.Slug;
        if (slug.Length == 0 && !name.IsEmpty) v.Add("slug", "Interventions.SlugFormat");

        var kind = OneOf(v, "kind", input.Kind, InterventionKind.Programme);
        var status = OneOf(v, "status", input.Status, InterventionStatus.Draft);
        var area = RequiredEnum<PreventionArea>(v, "area", input.Area);
        var continuum = OptionalEnum<PreventionContinuum>(v, "continuum", input.Continuum);
        var focus = OptionalEnum<PreventionFocus>(v, "focus", input.Focus);

        var crimeProblems = v.List("crimeProblems", input.CrimeProblems, InterventionLimits.ListCount, InterventionLimits.ListEntry);
        var riskFactors = v.List("riskFactors", input.RiskFactors, InterventionLimits.ListCount, InterventionLimits.ListEntry);
        var themes = v.List("themes", input.Themes, InterventionLimits.ListCount, InterventionLimits.ListEntry);
        var ageGroups = Controlled(v, "ageGroups", input.AgeGroups, InterventionVocabulary.AgeGroups);
        var sexes = Controlled(v, "sexes", input.Sexes, InterventionVocabulary.Sexes);
        var riskStatuses = Controlled(v, "riskStatuses", input.RiskStatuses, InterventionVocabulary.RiskStatuses);
        var settings = Controlled(v, "settings", input.Settings, InterventionVocabulary.Settings);
        var localities = Controlled(v, "localities", input.Localities, InterventionVocabulary.Localities);

        var goals = Texts(v, "goals", input.Goals, InterventionLimits.LongText);
        var eligibility = Texts(v, "eligibility", input.Eligibility, InterventionLimits.LongText);
        var mechanism = Texts(v, "mechanism", input.Mechanism, InterventionLimits.LongText);
        var mechanismQuality = OptionalEnum<EvidenceQuality>(v, "mechanismQuality", input.MechanismQuality);
        var components = Texts(v, "components", input.Components, InterventionLimits.LongText);
        var dosage = Texts(v, "dosage", input.Dosage, InterventionLimits.LongText);
        var implementation = Texts(v, "implementation", input.Implementation, InterventionLimits.LongText);
        var implementationQuality = OptionalEnum<EvidenceQuality>(v, "implementationQuality", input.ImplementationQuality);
        var staffing = Texts(v, "staffing", input.Staffing, InterventionLimits.LongText);
        var moderators = Texts(v, "moderators", input.Moderators, InterventionLimits.LongText);
        var moderatorsQuality = OptionalEnum<EvidenceQuality>(v, "moderatorsQuality", input.ModeratorsQuality);

        var cost = input.Cost ?? new CostInput(null, null, null, null, null, null, null);
        var costText = Texts(v, "cost.text", cost.Text, InterventionLimits.LongText);
        var costQuality = OptionalEnum<EvidenceQuality>(v, "cost.quality", cost.Quality);
        foreach (var (field, amount) in new[] { ("cost.startUp", cost.StartUp), ("cost.running", cost.Running), ("cost.perParticipant", cost.PerParticipant) })
            if (amount is < 0 or > 1_000_000_000_000m) v.Add(field, "Validation.InvalidValue");
        string? currency = null;
        if (cost.StartUp is not null || cost.Running is not null || cost.PerParticipant is not null || !string.IsNullOrWhiteSpace(cost.Currency))
        {
            currency = cost.Currency?.Trim().ToUpperInvariant();
            if (currency is null || currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)) v.Add("cost.currency", "Portfolio.Currency");
        }
        if (cost.PriceYear is < 1950 or > 2100) v.Add("cost.priceYear", "Validation.InvalidValue");

        var rating = RequiredEnum<EvidenceRating>(v, "rating", input.Rating);
        var rationale = Texts(v, "ratingRationale", input.RatingRationale, InterventionLimits.LongText);
        if (input.RatingReviewedOn is null) v.Add("ratingReviewedOn", "Validation.Required");
        else if (input.RatingReviewedOn.Value.Year < 1950 || input.RatingReviewedOn.Value > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1))
            v.Add("ratingReviewedOn", "Validation.InvalidValue");

        var studies = Rows(v, "studies", input.Studies, (s, f) =>
        {
            var citation = v.Text(f + ".citation", s.Citation, InterventionLimits.Citation, required: true);
            var study = new InterventionStudy
            {
                Citation = citation ?? "",
                Url = v.Url(f + ".url", s.Url, InterventionLimits.Url),
                Design = OneOf(v, f + ".design", s.Design, StudyDesign.Other),
                Country = v.Text(f + ".country", s.Country, 100),
                SampleSize = s.SampleSize,
                FollowUpMonths = s.FollowUpMonths,
                IndependentEvaluator = s.IndependentEvaluator ?? false,
                Quality = OptionalEnum<EvidenceQuality>(v, f + ".quality", s.Quality),
            };
            if (s.SampleSize is < 0) v.Add(f + ".sampleSize", "Validation.InvalidValue");
            if (s.FollowUpMonths is < 0 or > 600) v.Add(f + ".followUpMonths", "Validation.InvalidValue");
            return study;
        });
        var outcomes = Rows(v, "outcomes", input.Outcomes, (o, f) => new InterventionOutcome
        {
            Name = Texts(v, f + ".name", o.Name, InterventionLimits.Name, required: true),
            Domain = v.Text(f + ".domain", o.Domain, InterventionLimits.ListEntry),
            Direction = RequiredEnum<EffectDirection>(v, f + ".direction", o.Direction),
            EffectSize = v.Text(f + ".effectSize", o.EffectSize, InterventionLimits.ListEntry),
            Significant = o.Significant ?? false,
            Rating = RequiredEnum<EvidenceRating>(v, f + ".rating", o.Rating),
        });
        var external = Rows(v, "externalRatings", input.ExternalRatings, (r, f) => new ExternalRating
        {
            Framework = v.Text(f + ".framework", r.Framework, InterventionLimits.ListEntry, required: true) ?? "",
            Label = v.Text(f + ".label", r.Label, InterventionLimits.ListEntry, required: true) ?? "",
            Outcome = v.Text(f + ".outcome", r.Outcome, InterventionLimits.ListEntry),
            RatedOn = r.RatedOn,
            Url = v.Url(f + ".url", r.Url, InterventionLimits.Url),
        });
        var institutionIds = (input.Implementations ?? []).Where(i => i?.InstitutionId is not null).Select(i => i!.InstitutionId!.Value).Distinct().ToList();
        var knownInstitutions = institutionIds.Count == 0 ? [] : await db.Institutions.Where(i => institutionIds.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct);
        var implementations = Rows(v, "implementations", input.Implementations, (i, f) =>
        {
            var country = v.Text(f + ".countryCode", i.CountryCode, 2, required: true)?.ToUpperInvariant();
            if (country is not null && !MemberStateCatalogue.IsCode(country)) v.Add(f + ".countryCode", "Validation.UnknownCountry", country);
            if (i.InstitutionId is { } inst && !knownInstitutions.Contains(inst)) v.Add(f + ".institutionId", "Validation.UnknownInstitution");
            if (i.StartDate is { } s && i.EndDate is { } end && end < s) v.Add(f + ".endDate", "Validation.DateOrder");
            return new InterventionImplementation
            {
                CountryCode = country ?? "",
                City = v.Text(f + ".city", i.City, InterventionLimits.ListEntry),
                InstitutionId = i.InstitutionId,
                StartDate = i.StartDate,
                EndDate = i.EndDate,
                Adaptations = Texts(v, f + ".adaptations", i.Adaptations, InterventionLimits.MediumText),
                LocalEvaluation = Texts(v, f + ".localEvaluation", i.LocalEvaluation, InterventionLimits.MediumText),
            };
        });
        if (!v.IsValid) return v;

        e.Slug = slug;
        e.Name = name;
        e.Aliases = aliases;
        e.Summary = summary;
        e.Kind = kind;
        e.Status = status;
        e.Area = area;
        e.Continuum = continuum;
        e.Focus = focus;
        e.CrimeProblems = crimeProblems;
        e.RiskFactors = riskFactors;
        e.AgeGroups = ageGroups;
        e.Sexes = sexes;
        e.RiskStatuses = riskStatuses;
        e.Settings = settings;
        e.Localities = localities;
        e.Themes = themes;
        e.Goals = goals;
        e.Eligibility = eligibility;
        e.Mechanism = mechanism;
        e.MechanismQuality = mechanismQuality;
        e.Components = components;
        e.Dosage = dosage;
        e.Implementation = implementation;
        e.ImplementationQuality = implementationQuality;
        e.Staffing = staffing;
        e.Moderators = moderators;
        e.ModeratorsQuality = moderatorsQuality;
        e.StartUpCost = cost.StartUp;
        e.RunningCost = cost.Running;
        e.CostPerParticipant = cost.PerParticipant;
        e.CostCurrency = currency;
        e.CostPriceYear = cost.PriceYear;
        e.CostText = costText;
        e.CostQuality = costQuality;
        e.Rating = rating;
        e.RatingRationale = rationale;
        e.RatingReviewedOn = input.RatingReviewedOn!.Value;
        e.SustainedTwelveMonths = input.SustainedTwelveMonths ?? false;
        e.IndependentlyReplicated = input.IndependentlyReplicated ?? false;
        Replace(e.Studies, studies);
        Replace(e.Outcomes, outcomes);
        Replace(e.ExternalRatings, external);
        Replace(e.Implementations, implementations);
        if (!isNew)
        {
            // The new rows carry their ids already: tell the tracker they are inserts, not updates.
            db.AddRange(studies);
            db.AddRange(outcomes);
            db.AddRange(external);
            db.AddRange(implementations);
        }
        e.SearchText = SearchTextOf(e);
        e.UpdatedAt = clock.GetUtcNow();
        return v;
    }

    /// <summary>Child rows are replaced as a whole, in the order given.</summary>
    private static void Replace<T>(List<T> current, List<T> rows) where T : class
    {
        current.Clear();
        current.AddRange(rows);
        for (var i = 0; i < rows.Count; i++)
        {
            switch (rows[i])
            {
                case InterventionStudy s: s.Position = i; break;
                case InterventionOutcome o: o.Position = i; break;
                case ExternalRating r: r.Position = i; break;
                case InterventionImplementation m: m.Position = i; break;
            }
        }
    }

    private static List<TRow> Rows<TIn, TRow>(Validation v, string field, List<TIn>? inputs, Func<TIn, string, TRow> read) where TIn : class
    {
        var list = inputs ?? [];
        if (list.Count > InterventionLimits.Rows)
        {
            v.Add(field, "Validation.TooMany", InterventionLimits.Rows);
            return [];
        }
        var rows = new List<TRow>();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not { } row) continue;
            rows.Add(read(row, $"{field}[{i}]"));
        }
        return rows;
    }

    private static List<string> Controlled(Validation v, string field, List<string>? values, string[] vocabulary)
    {
        var result = new List<string>();
        foreach (var value in (values ?? []).Where(x => !string.IsNullOrWhiteSpace(x)))
        {
            if (InterventionCodes.Canonical(vocabulary, value) is { } code) { if (!result.Contains(code)) result.Add(code); }
            else v.Add(field, "Validation.InvalidValue");
        }
        return result;
    }

    private static T OneOf<T>(Validation v, string field, string? text, T fallback) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (InterventionCodes.TryParse<T>(text, out var value)) return value;
        v.Add(field, "Validation.InvalidValue");
        return fallback;
    }

    private static T RequiredEnum<T>(Validation v, string field, string? text) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) v.Add(field, "Validation.Required");
        else if (InterventionCodes.TryParse<T>(text, out var value)) return value;
        else v.Add(field, "Validation.InvalidValue");
        return default;
    }

    private static T? OptionalEnum<T>(Validation v, string field, string? text) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (InterventionCodes.TryParse<T>(text, out var value)) return value;
        v.Add(field, "Validation.InvalidValue");
        return null;
    }

    private static LocalizedText Texts(Validation v, string field, Translations? t, int max, bool required = false) =>
        v.Localized(field, t?.En, t?.Es, t?.Pt, t?.Fr, max, required);

    /// <summary>Lower-case ASCII letters and digits in words joined by single hyphens; never a GUID, never "new".</summary>
    public static bool IsSlug(string slug) =>
        slug.Length is >= 2 and <= InterventionLimits.Slug && Slugs.IsValid(slug) && slug != "new" && !Guid.TryParse(slug, out _);

    public static string SlugFrom(string? name)
    {
        var slug = Slugs.From(name);
        return IsSlug(slug) ? slug : slug.Length == 0 ? "" : slug + "-entry";
    }

    private static string SearchTextOf(Intervention e)
    {
        var text = TextFolding.Fold(e.Name.En, e.Name.Es, e.Name.Pt, e.Name.Fr, string.Join(' ', e.Aliases), e.Summary.En, e.Summary.Es, e.Summary.Pt, e.Summary.Fr);
        return text.Length > InterventionLimits.SearchText ? text[..InterventionLimits.SearchText] : text;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    public static string UrlOf(string slug) => "/interventions/" + slug;

    private static IEnumerable<string> Languages(Intervention e) => e.Name.Languages().Union(e.Summary.Languages()).Union(e.Mechanism.Languages());

    public InterventionDto ToDto(Intervention e, bool withTranslations)
    {
        static Translations T(LocalizedText x) => new(x.Exactly("en"), x.Exactly("es"), x.Exactly("pt"), x.Exactly("fr"));
        Translations? Maybe(LocalizedText x) => withTranslations ? T(x) : null;
        return new InterventionDto(
            e.Id, e.Slug, UrlOf(e.Slug), e.Name.Current, e.Aliases, NullIfEmpty(e.Summary.Current), e.Kind, e.Status, e.CreatedAt, e.UpdatedAt,
            e.Area, e.Continuum, e.Focus, e.CrimeProblems, e.RiskFactors, e.AgeGroups, e.Sexes, e.RiskStatuses, e.Settings, e.Localities, e.Themes,
            NullIfEmpty(e.Goals.Current), NullIfEmpty(e.Eligibility.Current), NullIfEmpty(e.Mechanism.Current), e.MechanismQuality,
            NullIfEmpty(e.Components.Current), NullIfEmpty(e.Dosage.Current), NullIfEmpty(e.Implementation.Current), e.ImplementationQuality,
            NullIfEmpty(e.Staffing.Current), NullIfEmpty(e.Moderators.Current), e.ModeratorsQuality,
            new InterventionCostDto(e.StartUpCost, e.RunningCost, e.CostPerParticipant, e.CostCurrency, e.CostPriceYear, NullIfEmpty(e.CostText.Current), e.CostQuality),
            e.Rating, NullIfEmpty(e.RatingRationale.Current), e.RatingReviewedOn, e.SustainedTwelveMonths, e.IndependentlyReplicated,
            e.Studies.OrderBy(s => s.Position).Select(s => new StudyDto(s.Citation, s.Url, s.Design, s.Country, s.SampleSize, s.FollowUpMonths, s.IndependentEvaluator, s.Quality)).ToList(),
            e.Outcomes.OrderBy(o => o.Position).Select(o => new OutcomeDto(o.Name.Current, o.Domain, o.Direction, o.EffectSize, o.Significant, o.Rating, Maybe(o.Name))).ToList(),
            e.ExternalRatings.OrderBy(r => r.Position).Select(r => new ExternalRatingDto(r.Framework, r.Label, r.Outcome, r.RatedOn, r.Url)).ToList(),
            e.Implementations.OrderBy(i => i.Position).Select(i => new ImplementationDto(
                i.CountryCode, i.City, i.InstitutionId, i.Institution?.Name, i.StartDate, i.EndDate,
                NullIfEmpty(i.Adaptations.Current), NullIfEmpty(i.LocalEvaluation.Current), Maybe(i.Adaptations), Maybe(i.LocalEvaluation))).ToList(),
            Languages(e).ToList(),
            withTranslations
                ? new Dictionary<string, Translations>
                {
                    ["name"] = T(e.Name),
                    ["summary"] = T(e.Summary),
                    ["goals"] = T(e.Goals),
                    ["eligibility"] = T(e.Eligibility),
                    ["mechanism"] = T(e.Mechanism),
                    ["components"] = T(e.Components),
                    ["dosage"] = T(e.Dosage),
                    ["implementation"] = T(e.Implementation),
                    ["staffing"] = T(e.Staffing),
                    ["moderators"] = T(e.Moderators),
                    ["costText"] = T(e.CostText),
                    ["ratingRationale"] = T(e.RatingRationale),
                }
                : null);
    }
}
