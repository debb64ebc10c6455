using System.Globalization;
using Hemisphere.Platform.Search;
using V = Hemisphere.Bench.Generate.PortfolioVocabulary;

namespace Hemisphere.Bench.Generate;

/// <summary>
/// DPS-like programmes and activities: each activity belongs to a programme (nine in ten), works on one
/// of its topics for 1–4 member states (neighbours when several), starts 2010–2026 and runs 1–6 years
/// (some open-ended), with donors, partners, links and, for six in ten, a funding amount in USD. Names
/// are in English and Spanish, half of them also in Portuguese or French; the long texts in English and
/// Spanish. Names folded with the site's TextFolding are unique, as the site's ImportKey requires.
/// </summary>
public sealed class ActivityFactory(Random rng, IReadOnlyList<Country> countries, DateTime epoch,
    IReadOnlySet<string> takenProgrammeKeys, IReadOnlySet<string> takenActivityKeys)
{
    private static readonly DateOnly FirstStart = new(2010, 1, 1);
    private static readonly DateOnly LastStart = new(2026, 12, 31);
    private static readonly DateTime FirstRecorded = new(2012, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly PortfolioTexts _texts = new(rng);
    private readonly HashSet<string> _activityKeys = new(takenActivityKeys, StringComparer.Ordinal);

    public List<ProgrammeRow> CreateProgrammes(int count)
    {
        var keys = new HashSet<string>(takenProgrammeKeys, StringComparer.Ordinal);
        var programmes = new List<ProgrammeRow>(count);
        for (var i = 0; i < count; i++)
        {
            var definition = V.Programmes[i % V.Programmes.Length];
            var phase = i / V.Programmes.Length + 1;
            Phrase name;
            string key;
            int used;
            // A later phase of the same programme; also the way out when a database already has that name.
            do
            {
                name = phase == 1 ? definition.Name : Suffixed(definition.Name, ", phase ", ", fase ", ", fase ", ", phase ", Roman(phase));
                key = TextFolding.Fold(name.En);
                used = phase++;
            }
            while (!keys.Add(key));
            var topicsEn = Join(definition.Topics.Select(t => t.En).ToList(), "en");
            var topicsEs = Join(definition.Topics.Select(t => t.Es).ToList(), "es");
            var beneficiariesEn = Join(definition.Beneficiaries.Select(b => V.Beneficiaries[b].En).ToList(), "en");
            var beneficiariesEs = Join(definition.Beneficiaries.Select(b => V.Beneficiaries[b].Es).ToList(), "es");
            var summary = new Texts(
                $"A programme of the OAS Department of Public Security: training, technical assistance and exchange of experiences on {topicsEn} for {beneficiariesEn} of the member states.",
                $"Programa del Departamento de Seguridad Pública de la OEA: capacitación, asistencia técnica e intercambio de experiencias en materia de {topicsEs} para {beneficiariesEs} de los Estados miembros.");
            var created = epoch.AddDays(-rng.Next(5 * 365, 9 * 365)).AddMinutes(rng.Next(24 * 60));
            programmes.Add(new ProgrammeRow(BenchIds.Create(created, rng), key, new Texts(name.En, name.Es, name.Pt, name.Fr), summary)
            {
                Definition = definition,
                Phase = used,
            });
        }
        return programmes;
    }

    public List<ActivityRow> CreateActivities(int count, IReadOnlyList<ProgrammeRow> programmes)
    {
        var present = countries.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var places = new Weighted<Country>(countries, c => V.CountryWeights.GetValueOrDefault(c.Code, 2));
        var regionOf = countries.ToDictionary(c => c.Code, c => V.Regions.FirstOrDefault(r => r.Codes.Contains(c.Code)), StringComparer.Ordinal);
        var definitions = new Weighted<ProgrammeDefinition>(V.Programmes, d => d.Weight);
        // Later phases of a programme have fewer activities than its first.
        var programmePicks = programmes.Count > 0
            ? new Weighted<ProgrammeRow>(programmes, p => p.Definition.Weight / p.Phase)
            : null;
        var donors = new Weighted<string>(V.Donors.Select(d => d.Name), name => V.Donors.First(d => d.Name == name).Weight);

        var activities = new List<ActivityRow>(count);
        for (var i = 0; i < count; i++)
        {
            var programme = programmePicks is not null && rng.NextDouble() < 0.9 ? programmePicks.Next(rng) : null;
            var definition = programme?.Definition ?? definitions.Next(rng);
            var chosen = Countries(places, present, regionOf);
            var place = Place(chosen, regionOf);

            // Draw topic, action and audience again on a clash; after a few tries number the activity as a later phase.
            Phrase topic = null!, beneficiaries = null!, name = null!;
            var key = "";
            for (var attempt = 0; attempt < 6; attempt++)
            {
                topic = definition.Topics[rng.Next(definition.Topics.Length)];
                beneficiaries = V.Beneficiaries[rng.NextDouble() < 0.8 ? definition.Beneficiaries[rng.Next(definition.Beneficiaries.Length)] : rng.Next(V.Beneficiaries.Length)];
                var actions = V.Actions.Where(a => a.Scope == ActionScope.Any || (a.Scope == ActionScope.OneCountry) == (chosen.Count == 1)).ToList();
                name = Name(actions[rng.Next(actions.Count)].Pattern, topic, beneficiaries, place.Title);
                key = TextFolding.Fold(name.En);
                if (!_activityKeys.Contains(key)) break;
            }
            var first = name;
            for (var phase = 2; _activityKeys.Contains(key); phase++)
            {
                name = Suffixed(first, ", phase ", ", fase ", ", fase ", ", phase ", Roman(phase));
                key = TextFolding.Fold(name.En);
            }
            _activityKeys.Add(key);

            activities.Add(Activity(programme, topic, beneficiaries, name, key, chosen, place, donors));
        }
        // Rows arrive in the order they were recorded, as in a live database.
        activities.Sort((a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
        return activities;
    }

    private ActivityRow Activity(ProgrammeRow? programme, Phrase topic, Phrase beneficiaries, Phrase name, string key,
        List<Country> chosen, (Phrase Title, string SentenceEn, string SentenceEs) place, Weighted<string> donors)
    {
        var start = FirstStart.AddDays(rng.Next(LastStart.DayNumber - FirstStart.DayNumber + 1));
        DateOnly? end = rng.NextDouble() < 0.12 ? null : start.AddDays(rng.Next(365, 6 * 365 + 1));
        var today = DateOnly.FromDateTime(epoch);
        var completed = end is { } e && e < today;
        var planned = start > today;

        // English and Spanish always; half the names also in the language of a country concerned, or the other one.
        var third = rng.NextDouble() < 0.5
            ? chosen.Any(c => c.Code == "BR") ? "pt" : chosen.Any(c => c.Code == "HT") ? "fr" : rng.NextDouble() < 0.5 ? "pt" : "fr"
            : null;
        var names = new Texts(name.En, name.Es, third == "pt" ? name.Pt : null, third == "fr" ? name.Fr : null);

        var context = new ActivityContext(topic, beneficiaries, place.SentenceEn, place.SentenceEs, programme?.Definition.Name);
        var (summaryEn, summaryEs) = _texts.Summary(context);
        var objectives = _texts.ObjectivesOf(context) is { } o ? new Texts(o.En, o.Es) : Texts.None;
        var achieved = rng.NextDouble() < (completed ? 0.85 : planned ? 0 : 0.25) ? Both(_texts.Achieved(context)) : Texts.None;
        var expected = rng.NextDouble() < (completed ? 0.2 : 0.85) ? Both(_texts.Expected(context)) : Texts.None;
        var target = new Texts($"{Capital(beneficiaries.En)} of {place.SentenceEn}", $"{Capital(beneficiaries.Es)} de {place.SentenceEs}");

        var pillar = rng.NextDouble() switch { < 0.86 => "Security", < 0.98 => "Multidimensional Security", _ => null };
        var donorCount = rng.NextDouble() switch { < 0.05 => 0, < 0.6 => 1, < 0.9 => 2, _ => 3 };
        var donorNames = Distinct(() => donors.Next(rng), donorCount);
        var partnerCount = rng.NextDouble() switch { < 0.3 => 0, < 0.65 => 1, < 0.9 => 2, _ => 3 };
        var definition = programme?.Definition;
        var partners = Distinct(() => definition is not null && rng.NextDouble() < 0.7
            ? definition.Partners[rng.Next(definition.Partners.Length)]
            : V.Partners[rng.Next(V.Partners.Length)], partnerCount);
        var links = Links(definition, start);
        decimal? funding = rng.NextDouble() < 0.6 ? Math.Round((decimal)Math.Exp(Math.Log(15_000) + rng.NextDouble() * Math.Log(3_000_000 / 15_000d)) / 500m) * 500m : null;

        var recorded = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-rng.Next(200)).AddMinutes(rng.Next(24 * 60));
        if (recorded < FirstRecorded) recorded = FirstRecorded.AddDays(rng.Next(365)).AddMinutes(rng.Next(24 * 60));
        if (recorded >= epoch) recorded = epoch.AddDays(-1 - rng.Next(60)).AddMinutes(rng.Next(24 * 60));
        var updated = rng.NextDouble() < 0.5 ? recorded : recorded.AddMinutes(rng.NextDouble() * (epoch - recorded).TotalMinutes);
        var source = rng.NextDouble() < 0.65
            ? $"DPS programme sheet, {chosen[0].NameEn}, {start.Year.ToString(CultureInfo.InvariantCulture)}.pdf"
            : null;

        return new ActivityRow(
            BenchIds.Create(recorded, rng), pillar, programme?.Id, start, end,
            chosen.Select(c => c.Code).ToArray(), donorNames, partners, links,
            funding, funding is null ? null : "USD", rng.NextDouble() < 0.95, key, source, recorded, updated,
            names, target, new Texts(summaryEn, summaryEs), objectives, expected, achieved);
    }

    /// <summary>1–4 member states: one drawn by where the DPS works most, the others among its neighbours.</summary>
    private List<Country> Countries(Weighted<Country> places, Dictionary<string, Country> present, Dictionary<string, Region?> regionOf)
    {
        var count = rng.NextDouble() switch { < 0.55 => 1, < 0.75 => 2, < 0.9 => 3, _ => 4 };
        var first = places.Next(rng);
        var chosen = new List<Country> { first };
        var neighbours = regionOf[first.Code]?.Codes.Where(present.ContainsKey).Select(c => present[c]).ToList() ?? [];
        while (chosen.Count < Math.Min(count, present.Count))
        {
            var left = neighbours.Where(n => !chosen.Contains(n)).ToList();
            var next = left.Count > 0
                ? new Weighted<Country>(left, c => V.CountryWeights.GetValueOrDefault(c.Code, 2)).Next(rng)
                : places.Next(rng);
            if (!chosen.Contains(next)) chosen.Add(next);
        }
        return chosen;
    }

    /// <summary>How the name and texts say where: the countries by name, or the region when three or more of it take part.</summary>
    private (Phrase Title, string SentenceEn, string SentenceEs) Place(List<Country> chosen, Dictionary<string, Region?> regionOf)
    {
        var region = regionOf[chosen[0].Code];
        if (chosen.Count >= 3 && region is not null && chosen.All(c => regionOf[c.Code] == region) && rng.NextDouble() < 0.7)
            return (region.Title, region.SentenceEn, region.SentenceEs);
        var names = new Phrase(
            Join(chosen.Select(c => c.NameEn).ToList(), "en"), Join(chosen.Select(c => c.NameEs).ToList(), "es"),
            Join(chosen.Select(c => c.NamePt).ToList(), "pt"), Join(chosen.Select(c => c.NameFr).ToList(), "fr"));
        return (names, names.En, names.Es);
    }

    private static Phrase Name(Phrase action, Phrase topic, Phrase beneficiaries, Phrase place)
    {
        string In(string language) =>
            string.Format(CultureInfo.InvariantCulture, action.In(language), topic.In(language), beneficiaries.In(language)) + " – " + place.In(language);
        return new Phrase(In("en"), In("es"), In("pt"), In("fr"));
    }

    private string[] Links(ProgrammeDefinition? definition, DateOnly start)
    {
        var links = new List<string>();
        var roll = rng.NextDouble();
        if (roll < 0.35) return [];
        if (definition is not null && rng.NextDouble() < 0.6) links.Add($"https://www.oas.org/en/sms/dps/{definition.Slug}/");
        if (links.Count == 0 || roll >= 0.8)
            links.Add($"https://www.oas.org/en/media_center/press_release.asp?sCodigo=E-{rng.Next(1, 999):000}/{start.Year % 100:00}");
        return links.ToArray();
    }

    private string[] Distinct(Func<string> draw, int count)
    {
        var picked = new List<string>(count);
        for (var attempt = 0; picked.Count < count && attempt < 50; attempt++)
        {
            var item = draw();
            if (!picked.Contains(item)) picked.Add(item);
        }
        return picked.ToArray();
    }

    private static Texts Both((string En, string Es) text) => new(text.En, text.Es);

    private static Phrase Suffixed(Phrase p, string en, string es, string pt, string fr, string n) =>
        new(p.En + en + n, p.Es + es + n, p.Pt + pt + n, p.Fr + fr + n);

    private static string Roman(int n) => n switch
    {
        2 => "II",
        3 => "III",
        4 => "IV",
        5 => "V",
        6 => "VI",
        7 => "VII",
        8 => "VIII",
        9 => "IX",
        10 => "X",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Join(IReadOnlyList<string> items, string language)
    {
        if (items.Count == 1) return items[0];
        var and = language switch { "es" => "y", "pt" => "e", "fr" => "et", _ => "and" };
        return $"{string.Join(", ", items.Take(items.Count - 1))} {and} {items[^1]}";
    }
}
