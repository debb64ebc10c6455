using Hemisphere.Features.Portfolio.Import;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Portfolio;

public sealed record ImportSummary(int Created, int Updated, IReadOnlyList<Guid> Ids);

/// <summary>The portfolio's rules: validation, visibility, import and the aggregates behind the dashboards.</summary>
public sealed class PortfolioService(HemisphereDb db, IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    // ---------- Reading ----------

    public async Task<Page<ActivityDto>> ListAsync(Actor actor, ActivityFilter f, PageRequest page, CancellationToken ct)
    {
        // Filters the database can answer alone: page there, reading only the page's rows.
        if (string.IsNullOrWhiteSpace(f.Donor) && string.IsNullOrWhiteSpace(f.Pillar) && f.Year is null && string.IsNullOrWhiteSpace(f.Status)
            && string.IsNullOrWhiteSpace(f.Q) && !(f.IncludeUnpublished && PortfolioPolicy.SeesUnpublished(actor)))
        {
            var q = DatabaseFiltered(f);
            var total = await q.CountAsync(ct);
            var rows = await q.Include(a => a.Programme).OrderByDescending(a => a.StartDate).ThenBy(a => a.Id)
                .Skip(page.Skip).Take(page.Size).ToListAsync(ct);
            return new Page<ActivityDto>(rows.Select(a => ToDto(a, false)).ToList(), total, page.Number, page.Size);
        }
        var all = await FilteredAsync(actor, f, ct);
        var items = all.OrderByDescending(a => a.StartDate ?? DateOnly.MinValue).ThenBy(a => a.Name.Current, StringComparer.CurrentCulture)
            .Skip(page.Skip).Take(page.Size).Select(a => ToDto(a, false)).ToList();
        return new Page<ActivityDto>(items, all.Count, page.Number, page.Size);
    }

    /// <summary>
    /// The portfolio is small (thousands of activities): it is filtered in memory after one query,
    /// which keeps list columns (countries, donors) portable across both providers.
    /// </summary>
    public async Task<List<Activity>> FilteredAsync(Actor actor, ActivityFilter f, CancellationToken ct)
    {
        var seesUnpublished = f.IncludeUnpublished && PortfolioPolicy.SeesUnpublished(actor);
        var q = DatabaseFiltered(f, publishedOnly: !seesUnpublished).Include(a => a.Programme);
        var list = await q.ToListAsync(ct);
        if (seesUnpublished) list = list.Where(a => a.Published || PortfolioPolicy.CanEdit(actor, a.Countries)).ToList();
        if (!string.IsNullOrWhiteSpace(f.Donor))
        {
            var d = TextFolding.Fold(f.Donor);
            list = list.Where(a => a.Donors.Any(x => TextFolding.Fold(x).Contains(d, StringComparison.Ordinal))).ToList();
        }
        if (!string.IsNullOrWhiteSpace(f.Pillar))
            list = list.Where(a => string.Equals(a.Pillar, f.Pillar.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (f.Year is { } y) list = list.Where(a => Years(a).Contains(y)).ToList();
        if (StatusNames.Parse(f.Status) is { } s) list = list.Where(a => a.StatusOn(Today) == s).ToList();
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var term = TextFolding.Fold(f.Q);
            list = list.Where(a => TextFolding.Fold(a.Name.En, a.Name.Es, a.Name.Pt, a.Name.Fr, a.Summary.Current, a.Pillar, a.Programme?.Name.Current)
                .Contains(term, StringComparison.Ordinal)).ToList();
        }
        return list;
    }

    /// <summary>The filters both providers answer in SQL: published, programme, country (a list column).</summary>
    private IQueryable<Activity> DatabaseFiltered(ActivityFilter f, bool publishedOnly = true)
    {
        var q = db.Activities.AsNoTracking();
        if (publishedOnly) q = q.Where(a => a.Published);
        if (f.ProgrammeId is { } p) q = q.Where(a => a.ProgrammeId == p);
        if (!string.IsNullOrWhiteSpace(f.Country))
        {
            var c = f.Country.Trim().ToUpperInvariant();
            q = q.Where(a => a.Countries.Contains(c));
        }
        return q;
    }

    /// <summary>The years an activity runs in (to today when it has no end).</summary>
    public IEnumerable<int> Years(Activity a)
    {
        if (a.StartDate is not { } start) return a.EndDate is { } e ? [e.Year] : [];
        var end = a.EndDate ?? (Today > start ? Today : start);
        return Enumerable.Range(start.Year, Math.Max(1, end.Year - start.Year + 1));
    }

    public async Task<ActivityDto?> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var a = await db.Activities.AsNoTracking().Include(x => x.Programme).FirstOrDefaultAsync(x => x.Id == id, ct);
        return a is null || !PortfolioPolicy.CanSee(actor, a) ? null : ToDto(a, true);
    }

    public async Task<IReadOnlyList<ProgrammeDto>> ProgrammesAsync(Actor actor, CancellationToken ct)
    {
        var programmes = await db.Programmes.AsNoTracking().ToListAsync(ct);
        var counts = await db.Activities.AsNoTracking().Where(a => a.Published && a.ProgrammeId != null)
            .GroupBy(a => a.ProgrammeId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key!.Value, x => x.Count, ct);
        return programmes.Select(p => new ProgrammeDto(p.Id, p.Name.Current, NullIfEmpty(p.Summary.Current), counts.GetValueOrDefault(p.Id)))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
    }

    public async Task<Dashboard> DashboardAsync(Actor actor, IReadOnlyDictionary<string, string> countryNames, CancellationToken ct)
    {
        // Only the columns the figures need, not the texts.
        var list = (await db.Activities.AsNoTracking().Where(a => a.Published)
            .Select(a => new { a.Countries, a.Donors, a.Pillar, a.StartDate, a.EndDate, a.StatusOverride, a.FundingAmount })
            .ToListAsync(ct))
            .Select(x => new Activity { Countries = x.Countries, Donors = x.Donors, Pillar = x.Pillar, StartDate = x.StartDate, EndDate = x.EndDate, StatusOverride = x.StatusOverride, FundingAmount = x.FundingAmount })
            .ToList();
        static decimal? Sum(IEnumerable<Activity> xs) => xs.Any(x => x.FundingAmount is not null) ? xs.Sum(x => x.FundingAmount ?? 0) : null;
        List<DashboardRow> By(IEnumerable<(string Key, string Label, Activity A)> pairs) => pairs
            .GroupBy(p => p.Key).Select(g => new DashboardRow(g.Key, g.First().Label, g.Count(), Sum(g.Select(x => x.A))))
            .OrderByDescending(r => r.Activities).ThenBy(r => r.Label, StringComparer.CurrentCulture).ToList();
        return new Dashboard(
            list.Count,
            By(list.SelectMany(a => a.Countries.Select(c => (c, countryNames.GetValueOrDefault(c, c), a)))),
            By(list.SelectMany(a => a.Donors.Select(d => (TextFolding.Fold(d), d, a)))),
            By(list.Select(a => (a.Pillar ?? "", a.Pillar ?? (string)l["Portfolio.NoPillar"], a))),
            By(list.SelectMany(a => Years(a).Select(y => (y.ToString(System.Globalization.CultureInfo.InvariantCulture), y.ToString(System.Globalization.CultureInfo.InvariantCulture), a))))
                .OrderBy(r => r.Key, StringComparer.Ordinal).ToList(),
            By(list.Select(a => (StatusNames.Name(a.StatusOn(Today)), (string)l["Portfolio.Status." + StatusNames.Name(a.StatusOn(Today))], a))));
    }

    /// <summary>Published activities by start date, reading only what the timeline shows.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(CancellationToken ct)
    {
        var rows = await db.Activities.AsNoTracking().Where(a => a.Published)
            .Select(a => new { a.Id, a.Name, a.StartDate, a.EndDate })
            .ToListAsync(ct);
        return rows.OrderBy(a => a.StartDate ?? DateOnly.MaxValue)
            .Select(a => new TimelineEntry(a.Id, a.Name.IsEmpty ? l["Portfolio.Untitled"] : a.Name.Current, a.StartDate, a.EndDate)).ToList();
    }

    // ---------- Writing ----------

    public async Task<Outcome<ActivityDto>> CreateAsync(Actor actor, ActivityInput input, CancellationToken ct)
    {
        if (!PortfolioPolicy.CanCreate(actor)) return Outcome<ActivityDto>.Forbidden();
        var activity = new Activity { CreatedAt = clock.GetUtcNow() };
        var v = await ApplyAsync(activity, input, ct);
        if (!v.IsValid) return Outcome<ActivityDto>.Invalid(v.Errors);
        if (!PortfolioPolicy.CanEdit(actor, activity.Countries)) return Outcome<ActivityDto>.Forbidden();
        if (await db.Activities.AnyAsync(a => a.ImportKey == activity.ImportKey, ct))
            return Outcome<ActivityDto>.Invalid("name", l["Portfolio.DuplicateName"]);
        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct);
        return Outcome<ActivityDto>.Ok((await GetAsync(actor, activity.Id, ct))!);
    }

    public async Task<Outcome<ActivityDto>> UpdateAsync(Actor actor, Guid id, ActivityInput input, CancellationToken ct)
    {
        var activity = await db.Activities.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null || !PortfolioPolicy.CanSee(actor, activity)) return Outcome<ActivityDto>.NotFound();
        if (!PortfolioPolicy.CanEdit(actor, activity.Countries)) return Outcome<ActivityDto>.Forbidden();
        var v = await ApplyAsync(activity, input, ct);
        if (!v.IsValid) return Outcome<ActivityDto>.Invalid(v.Errors);
        if (!PortfolioPolicy.CanEdit(actor, activity.Countries)) return Outcome<ActivityDto>.Forbidden();
        if (await db.Activities.AnyAsync(a => a.ImportKey == activity.ImportKey && a.Id != id, ct))
            return Outcome<ActivityDto>.Invalid("name", l["Portfolio.DuplicateName"]);
        await db.SaveChangesAsync(ct);
        return Outcome<ActivityDto>.Ok((await GetAsync(actor, id, ct))!);
    }

    public async Task<Outcome<bool>> DeleteAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var activity = await db.Activities.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null || !PortfolioPolicy.CanSee(actor, activity)) return Outcome<bool>.NotFound();
        if (!PortfolioPolicy.CanEdit(actor, activity.Countries)) return Outcome<bool>.Forbidden();
        db.Activities.Remove(activity);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<ProgrammeDto>> CreateProgrammeAsync(Actor actor, ProgrammeInput input, CancellationToken ct)
    {
        if (!PortfolioPolicy.CanImport(actor)) return Outcome<ProgrammeDto>.Forbidden();
        var v = new Validation(l);
        var name = Texts(v, "name", input.Name, PortfolioLimits.Name, required: true);
        var summary = Texts(v, "summary", input.Summary, PortfolioLimits.LongText);
        var key = TextFolding.Fold(name.En.Length > 0 ? name.En : name.Current);
        if (v.IsValid && await db.Programmes.AnyAsync(p => p.Key == key, ct)) v.Add("name", "Portfolio.DuplicateName");
        if (!v.IsValid) return Outcome<ProgrammeDto>.Invalid(v.Errors);
        var programme = new Programme { Name = name, Summary = summary, Key = key };
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(ct);
        return Outcome<ProgrammeDto>.Ok(new ProgrammeDto(programme.Id, programme.Name.Current, NullIfEmpty(programme.Summary.Current), 0));
    }

    /// <summary>
    /// Saves imported activities: an activity whose name (folded) is already in the portfolio is
    /// updated field by field where the import has a value, never duplicated.
    /// </summary>
    public async Task<Outcome<ImportSummary>> ImportAsync(Actor actor, IReadOnlyList<ImportedActivity> activities, string? source, bool publish, CancellationToken ct)
    {
        if (!PortfolioPolicy.CanImport(actor)) return Outcome<ImportSummary>.Forbidden();
        if (activities.Count == 0) return Outcome<ImportSummary>.Invalid("activities", l["Portfolio.Import.Nothing"]);
        var errors = new Dictionary<string, string[]>();
        var prepared = new List<(Activity Entity, bool IsNew)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // The same activity is printed on several country sheets, sometimes without its name: match
        // it by its whole summary as well as by its name.
        var byText = (await db.Activities.AsNoTracking().Select(x => new { x.Id, Summary = x.Summary.En }).ToListAsync(ct))
            .Where(x => TextDigest(x.Summary) is not null).GroupBy(x => TextDigest(x.Summary)!).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var batchByText = new Dictionary<string, Activity>(StringComparer.Ordinal);
        for (var i = 0; i < activities.Count; i++)
        {
            // Lists may arrive as null from JSON even though the record says otherwise.
            var a = activities[i] is { } raw
                ? raw with { Countries = raw.Countries ?? [], Donors = raw.Donors ?? [], Partners = raw.Partners ?? [], Links = raw.Links ?? [] }
                : new ImportedActivity(null, null, null, [], null, null, null, [], [], null, null, null, []);
            var key = ImportKeyOf(a);
            if (key is null) { errors[$"activities[{i}].name"] = [l["Validation.Required"]]; continue; }
            var digest = TextDigest(a.Summary);
            if (digest is not null && batchByText.TryGetValue(digest, out var sameInBatch))
            {
                // Printed twice in this import: add its countries to the first one.
                sameInBatch.Countries = sameInBatch.Countries.Union(a.Countries.Select(c => c.ToUpperInvariant())).ToList();
                continue;
            }
            if (!seen.Add(key)) continue;
            var existing = await db.Activities.FirstOrDefaultAsync(x => x.ImportKey == key, ct);
            if (existing is null && digest is not null && byText.TryGetValue(digest, out var sameId))
                existing = await db.Activities.FirstOrDefaultAsync(x => x.Id == sameId, ct);
            var entity = existing ?? new Activity { CreatedAt = clock.GetUtcNow(), Published = publish };
            var wasUnnamed = existing is not null && existing.Name.IsEmpty;
            var input = new ActivityInput(
                Merge(entity.Name, a.Name), a.Pillar ?? entity.Pillar, null, a.Programme ?? entity.Programme?.Name.En,
                a.StartDate ?? entity.StartDate, a.EndDate ?? entity.EndDate, null,
                entity.Countries.Union(a.Countries.Select(c => c.ToUpperInvariant())).ToList(),
                a.Donors.Count > 0 ? [.. a.Donors] : entity.Donors,
                a.Partners.Count > 0 ? [.. a.Partners] : entity.Partners,
                a.Links.Count > 0 ? [.. a.Links] : entity.Links,
                Merge(entity.TargetBeneficiaries, a.TargetBeneficiaries), Merge(entity.Summary, a.Summary), Merge(entity.Objectives, a.Objectives),
                Merge(entity.ExpectedResults, null), Merge(entity.AchievedResults, a.Results),
                entity.FundingAmount, entity.FundingCurrency, existing is null ? publish : null);
            if (existing is not null) await db.Entry(existing).Reference(x => x.Programme).LoadAsync(ct);
            var v = await ApplyAsync(entity, input, ct, requireName: false);
            if (!v.IsValid)
            {
                foreach (var (field, messages) in v.Errors) errors[$"activities[{i}].{field}"] = messages;
                continue;
            }
            // A sheet whose name column was lost still yields the activity, as an unpublished draft
            // for an editor to name; it is matched on re-import by its text.
            entity.ImportKey = entity.Name.IsEmpty ? key : TextFolding.Fold(entity.Name.En.Length > 0 ? entity.Name.En : entity.Name.Current);
            if (entity.Name.IsEmpty) entity.Published = false;
            else if (wasUnnamed && publish) entity.Published = true;
            entity.Source = source ?? entity.Source;
            prepared.Add((entity, existing is null));
            if (digest is not null) batchByText[digest] = entity;
        }
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Outcome<ImportSummary>.Invalid(errors);
        }
        foreach (var (entity, isNew) in prepared.Where(p => p.IsNew)) db.Activities.Add(entity);
        await db.SaveChangesAsync(ct);
        return Outcome<ImportSummary>.Ok(new ImportSummary(prepared.Count(p => p.IsNew), prepared.Count(p => !p.IsNew), prepared.Select(p => p.Entity.Id).ToList()));
    }

    /// <summary>A digest of a whole summary (folded), or null when there is too little text to tell activities apart.</summary>
    public static string? TextDigest(string? summary)
    {
        var text = TextFolding.Fold(summary);
        if (text.Length < 80) return null;
        var digest = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
        return Convert.ToHexString(digest)[..24];
    }

    /// <summary>The folded name; for an unnamed activity, a digest of its first text, so the same sheet maps to the same row.</summary>
    public static string? ImportKeyOf(ImportedActivity a)
    {
        var name = TextFolding.Fold(a.Name);
        if (name.Length > 0) return name;
        var text = TextFolding.Fold(a.Summary ?? a.Objectives ?? a.Results ?? a.TargetBeneficiaries);
        if (text.Length == 0) return null;
        var digest = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text[..Math.Min(text.Length, 400)]));
        return "unnamed:" + Convert.ToHexString(digest)[..24].ToLowerInvariant();
    }

    private static Translations Merge(LocalizedText current, string? english) =>
        new(string.IsNullOrWhiteSpace(english) ? NullIfEmpty(current.En) : english, current.Es, current.Pt, current.Fr);

    private async Task<Validation> ApplyAsync(Activity a, ActivityInput input, CancellationToken ct, bool requireName = true)
    {
        var v = new Validation(l);
        var name = Texts(v, "name", input.Name, PortfolioLimits.Name, required: requireName);
        var pillar = v.Text("pillar", input.Pillar, 100);
        var beneficiaries = Texts(v, "targetBeneficiaries", input.TargetBeneficiaries, PortfolioLimits.MediumText);
        var summary = Texts(v, "summary", input.Summary, PortfolioLimits.LongText);
        var objectives = Texts(v, "objectives", input.Objectives, PortfolioLimits.LongText);
        var expected = Texts(v, "expectedResults", input.ExpectedResults, PortfolioLimits.LongText);
        var achieved = Texts(v, "achievedResults", input.AchievedResults, PortfolioLimits.LongText);
        var donors = v.List("donors", input.Donors, PortfolioLimits.ListCount, PortfolioLimits.ListEntry);
        var partners = v.List("partners", input.Partners, PortfolioLimits.ListCount, PortfolioLimits.ListEntry);
        var links = v.List("links", input.Links, PortfolioLimits.ListCount, 2000);
        foreach (var link in links.Where(link => !Validation.IsWebAddress(link))) v.Add("links", "Validation.InvalidUrl");
        var countries = v.List("countries", input.Countries, 40, 2).Select(c => c.ToUpperInvariant()).ToList();
        if (countries.Count > 0)
        {
            var known = await db.MemberStates.Where(s => countries.Contains(s.Code)).Select(s => s.Code).ToListAsync(ct);
            foreach (var c in countries.Except(known)) v.Add("countries", "Validation.UnknownCountry", c);
        }
        if (input.StartDate is { } s && input.EndDate is { } e && e < s) v.Add("endDate", "Validation.DateOrder");
        ActivityStatus? status = null;
        if (!string.IsNullOrWhiteSpace(input.Status) && (status = StatusNames.Parse(input.Status)) is null) v.Add("status", "Validation.InvalidValue");
        string? currency = null;
        if (input.FundingAmount is { } amount)
        {
            if (amount < 0) v.Add("fundingAmount", "Validation.InvalidValue");
            currency = input.FundingCurrency?.Trim().ToUpperInvariant();
            if (currency is null || currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)) v.Add("fundingCurrency", "Portfolio.Currency");
        }
        Programme? programme = null;
        if (input.ProgrammeId is { } pid)
        {
            programme = await db.Programmes.FirstOrDefaultAsync(p => p.Id == pid, ct);
            if (programme is null) v.Add("programmeId", "Validation.InvalidValue");
        }
        else if (v.Text("programme", input.Programme, PortfolioLimits.Name) is { } programmeName)
        {
            var key = TextFolding.Fold(programmeName);
            programme = db.Programmes.Local.FirstOrDefault(p => p.Key == key) ?? await db.Programmes.FirstOrDefaultAsync(p => p.Key == key, ct)
                ?? db.Programmes.Add(new Programme { Name = LocalizedText.English(programmeName), Key = key }).Entity;
        }
        if (!v.IsValid) return v;
        a.Name = name;
        // An imported activity that had no name keeps the key of its text, so re-importing its sheet still finds it.
        if (!a.ImportKey.StartsWith("unnamed:", StringComparison.Ordinal) || a.Name.IsEmpty)
            a.ImportKey = TextFolding.Fold(name.En.Length > 0 ? name.En : name.Current);
        a.Pillar = pillar;
        a.Programme = programme;
        a.ProgrammeId = programme?.Id;
        a.StartDate = input.StartDate;
        a.EndDate = input.EndDate;
        a.StatusOverride = status;
        a.Countries = countries;
        a.Donors = donors;
        a.Partners = partners;
        a.Links = links;
        a.TargetBeneficiaries = beneficiaries;
        a.Summary = summary;
        a.Objectives = objectives;
        a.ExpectedResults = expected;
        a.AchievedResults = achieved;
        a.FundingAmount = input.FundingAmount;
        a.FundingCurrency = input.FundingAmount is null ? null : currency;
        if (input.Published is { } published) a.Published = published;
        a.UpdatedAt = clock.GetUtcNow();
        return v;
    }

    private static LocalizedText Texts(Validation v, string field, Translations? t, int max, bool required = false) =>
        v.Localized(field, t?.En, t?.Es, t?.Pt, t?.Fr, max, required);

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    public ActivityDto ToDto(Activity a, bool withTranslations)
    {
        Translations T(LocalizedText x) => new(x.Exactly("en"), x.Exactly("es"), x.Exactly("pt"), x.Exactly("fr"));
        return new ActivityDto(
            a.Id, a.Name.IsEmpty ? l["Portfolio.Untitled"] : a.Name.Current, a.Pillar, a.ProgrammeId, a.Programme?.Name.Current, a.StartDate, a.EndDate, StatusNames.Name(a.StatusOn(Today)),
            a.Countries, a.Donors, a.Partners, a.Links,
            NullIfEmpty(a.TargetBeneficiaries.Current), NullIfEmpty(a.Summary.Current), NullIfEmpty(a.Objectives.Current),
            NullIfEmpty(a.ExpectedResults.Current), NullIfEmpty(a.AchievedResults.Current),
            a.FundingAmount, a.FundingCurrency, a.Published, a.Name.Languages().ToList(),
            withTranslations
                ? new Dictionary<string, Translations>
                {
                    ["name"] = T(a.Name),
                    ["targetBeneficiaries"] = T(a.TargetBeneficiaries),
                    ["summary"] = T(a.Summary),
                    ["objectives"] = T(a.Objectives),
                    ["expectedResults"] = T(a.ExpectedResults),
                    ["achievedResults"] = T(a.AchievedResults),
                }
                : null,
            a.UpdatedAt);
    }
}
