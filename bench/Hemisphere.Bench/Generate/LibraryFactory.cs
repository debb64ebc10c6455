using System.Text;
using Hemisphere.Platform.Search;
using V = Hemisphere.Bench.Generate.LibraryVocabulary;

namespace Hemisphere.Bench.Generate;

/// <summary>What an item's texts talk about: drawn once, so its Spanish and English versions say the same thing.</summary>
public sealed record LibraryContext(Country Country, string City, int Year, Bi Audience, Bi Subject, LibraryTopic Topic, LibraryTopic? Second);

/// <summary>
/// A row of "LibraryItems" (always Published, PublishAt in the past), with what its versions are written
/// from: Languages in the order written ("es", "en"), the title, and the seed of its texts, so that the
/// long texts are built while they are copied rather than all held in memory.
/// </summary>
public sealed record LibraryItemRow(
    Guid Id, string Slug, string Kind, string OriginalLanguage, string[] Authors, Guid? InstitutionId,
    string[] Countries, string[] Themes, string[] Tags, DateOnly PublishedOn, DateTime PublishAt, string? VideoUrl,
    DateTime CreatedAt, DateTime UpdatedAt, string[] Languages, Bi Title, LibraryContext Context, int TextSeed);

/// <summary>A row of "LibraryVersions".</summary>
public sealed record LibraryVersionRow(Guid ItemId, string Language, string Title, string Summary, string Body, DateTime UpdatedAt);

/// <summary>
/// Knowledge-library items: publications, good practices, news, blog posts and videos on the subjects of
/// the OAS Department of Public Security, 60% in Spanish and English, 25% in Spanish only, 15% in English
/// only; published 2010 to mid-2026 (more in later years), about 1–3 member states each, themes from the
/// site's list. Bodies of 150–600 words in Markdown (publications have section headings), written from
/// LibraryVocabulary's sentences with the item's country, cities, years and figures filled in.
/// </summary>
public sealed class LibraryFactory(Random rng, IReadOnlyList<Country> countries, IReadOnlyList<InstitutionRow> institutions, IReadOnlySet<string> takenSlugs)
{
    /// <summary>Every generated item is public by this date: the last PublishAt is before it.</summary>
    public static readonly DateTime LastPublication = new(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly FirstDay = new(2010, 1, 1);

    private static readonly (string Kind, double Weight)[] Kinds =
        [("Publication", 38), ("BestPractice", 14), ("News", 28), ("Blog", 12), ("Video", 8)];

    private readonly Dictionary<string, int> _slugs = takenSlugs.ToDictionary(s => s, _ => 1, StringComparer.Ordinal);

    public List<LibraryItemRow> Create(int count)
    {
        var places = new Weighted<Country>(countries, c => PortfolioVocabulary.CountryWeights.GetValueOrDefault(c.Code, 2));
        var topics = new Weighted<LibraryTopic>(V.Topics, t => t.Weight);
        var kinds = new Weighted<(string Kind, double Weight)>(Kinds, k => k.Weight);
        // More items in later years, as a library grows.
        var years = new Weighted<int>(Enumerable.Range(2010, 17), y => y - 2008);
        var byCountry = institutions.Where(i => i.CountryCode is not null).GroupBy(i => i.CountryCode!).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var items = new List<LibraryItemRow>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = kinds.Next(rng).Kind;
            var roll = rng.NextDouble();
            var languageSet = roll < 0.60 ? "both" : roll < 0.85 ? "es" : "en";
            var itemCountries = new List<Country> { places.Next(rng) };
            var extra = rng.NextDouble() switch { < 0.7 => 0, < 0.9 => 1, _ => 2 };
            for (var attempt = 0; itemCountries.Count < 1 + extra && attempt < 10; attempt++)
            {
                var c = places.Next(rng);
                if (!itemCountries.Contains(c)) itemCountries.Add(c);
            }
            var country = itemCountries[0];
            var original = languageSet switch { "es" => "es", "en" => "en", _ => country.Language == "es" ? "es" : "en" };
            var languages = languageSet == "both" ? (original == "es" ? ["es", "en"] : new[] { "en", "es" }) : [original];

            var topic = topics.Next(rng);
            var second = rng.NextDouble() < 0.6 ? topics.Next(rng) : null;
            if (second == topic) second = null;
            var year = years.Next(rng);
            var publishedOn = Day(year);
            var context = new LibraryContext(country, country.Profile.Cities[rng.Next(country.Profile.Cities.Length)],
                Math.Max(2009, year - rng.Next(0, 4)), Pick(V.Audiences), Pick(topic.Subjects), topic, second);

            var title = Title(kind, context);
            var publishAt = publishedOn.ToDateTime(new TimeOnly(rng.Next(8, 19), rng.Next(60)), DateTimeKind.Utc).AddDays(rng.Next(0, 10));
            if (publishAt >= LastPublication) publishAt = LastPublication.AddHours(-rng.Next(1, 24 * 20));
            var created = publishAt.AddDays(-rng.Next(1, 30)).AddMinutes(-rng.Next(24 * 60));
            var updated = rng.NextDouble() < 0.2 ? Min(publishAt.AddDays(rng.Next(1, 200)), LastPublication.AddHours(-1)) : publishAt;
            var themes = topic.Themes.Take(rng.NextDouble() < 0.5 ? 1 : topic.Themes.Length)
                .Concat(second is null || rng.NextDouble() < 0.5 ? [] : second.Themes.Take(1)).Distinct().ToArray();
            var tags = topic.Tags.OrderBy(_ => rng.Next()).Take(rng.Next(1, topic.Tags.Length + 1))
                .Concat(second?.Tags.Take(rng.Next(0, 2)) ?? []).Select(t => t.In(original)).Distinct().ToArray();
            Guid? institution = rng.NextDouble() < 0.35 && byCountry.TryGetValue(country.Code, out var local) ? local[rng.Next(local.Length)].Id : null;
            var id = BenchIds.Create(created, rng);
            items.Add(new LibraryItemRow(id, Slug(title.In(original)), kind, original, Authors(country, original), institution,
                itemCountries.Select(c => c.Code).ToArray(), themes, tags, publishedOn, publishAt,
                kind == "Video" ? "https://www.youtube.com/watch?v=" + VideoId() : null,
                created, updated, languages, title, context, rng.Next()));
        }
        return items;
    }

    /// <summary>The versions of one item, built from its seed (the same every time).</summary>
    public static IEnumerable<LibraryVersionRow> Versions(LibraryItemRow item)
    {
        var texts = new LibraryTexts(new Random(item.TextSeed), item.Context);
        var words = item.Kind switch { "News" => (150, 320), "Blog" or "Video" => (180, 420), _ => (300, 600) };
        var (summary, body) = texts.Write(item.Kind, item.OriginalLanguage, words.Item1, words.Item2);
        foreach (var language in item.Languages)
            yield return new LibraryVersionRow(item.Id, language, item.Title.In(language), summary.In(language), body.In(language), item.UpdatedAt);
    }

    private T Pick<T>(T[] items) => items[rng.Next(items.Length)];

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private DateOnly Day(int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = year == 2026 ? new DateOnly(2026, 6, 20) : new DateOnly(year, 12, 31);
        var day = first.AddDays(rng.Next(last.DayNumber - first.DayNumber + 1));
        return day < FirstDay ? FirstDay : day;
    }

    private Bi Title(string kind, LibraryContext c)
    {
        var patterns = kind switch
        {
            "BestPractice" => V.BestPracticeTitles,
            "News" => V.NewsTitles,
            "Blog" => V.BlogTitles,
            "Video" => V.VideoTitles,
            _ => V.PublicationTitles,
        };
        var pattern = Pick(patterns);
        var n = rng.Next(12, 240).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var partner = Pick(V.Partners);
        return new Bi(Capitalise(LibraryTexts.Fill(pattern.Es, "es", c, c.Subject, c.Audience, n, "", partner)),
                      Capitalise(LibraryTexts.Fill(pattern.En, "en", c, c.Subject, c.Audience, n, "", partner)));
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>Personal authors named in the country's language, or the DPS itself for a quarter.</summary>
    private string[] Authors(Country country, string language)
    {
        if (rng.NextDouble() < 0.25)
            return [language == "es" ? "Departamento de Seguridad Pública (OEA)" : "Department of Public Security (OAS)"];
        var count = rng.NextDouble() switch { < 0.55 => 1, < 0.85 => 2, _ => 3 };
        return Enumerable.Range(0, count).Select(_ => Names.FullName(rng, country.Language, rng.NextDouble() < 0.5)).Distinct().ToArray();
    }

    private string VideoId()
    {
        const string chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return string.Create(11, rng, static (span, r) => { for (var i = 0; i < span.Length; i++) span[i] = chars[r.Next(chars.Length)]; });
    }

    /// <summary>The folded title as the site's slugs are written (a-z, 0-9, single hyphens), at most 90 characters; numbered on a clash.</summary>
    private string Slug(string title)
    {
        var folded = TextFolding.Fold(title);
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch)) sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var stem = sb.ToString().Trim('-');
        if (stem.Length > 90) stem = stem[..stem.LastIndexOf('-', 90)];
        if (stem.Length == 0) stem = "item";
        if (!_slugs.TryGetValue(stem, out var used))
        {
            _slugs[stem] = 1;
            return stem;
        }
        // Like the site's UniqueSlugAsync: stem-2, stem-3…
        for (var n = used + 1; ; n++)
        {
            var slug = $"{stem}-{n}";
            if (_slugs.ContainsKey(slug)) continue;
            _slugs[stem] = n;
            _slugs[slug] = 1;
            return slug;
        }
    }
}

/// <summary>Writes an item's summary and Markdown body in Spanish and English at once, sentence by sentence.</summary>
public sealed class LibraryTexts(Random rng, LibraryContext c)
{
    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

    public (Bi Summary, Bi Body) Write(string kind, string original, int minWords, int maxWords)
    {
        var summary = Sentence(V.Summaries[rng.Next(V.Summaries.Length)]);
        if (rng.NextDouble() < 0.5) summary = Join(summary, Sentence(Next([])), " ");
        var target = rng.Next(minWords, maxWords + 1);
        var es = new StringBuilder();
        var en = new StringBuilder();
        var used = new HashSet<Bi>();
        var words = 0;
        var headings = new Queue<Bi>(c.Topic.Headings.Concat(c.Second?.Headings.Take(1) ?? []));
        var paragraph = 0;
        while (words < target)
        {
            if (kind == "Publication" && paragraph > 0 && headings.Count > 0 && rng.NextDouble() < 0.6)
            {
                var h = headings.Dequeue();
                es.Append("## ").Append(h.Es).Append("\n\n");
                en.Append("## ").Append(h.En).Append("\n\n");
            }
            var list = paragraph > 0 && rng.NextDouble() < 0.15;
            var sentences = rng.Next(2, 6);
            for (var s = 0; s < sentences && words < target; s++)
            {
                var sentence = Sentence(Next(used));
                if (list)
                {
                    es.Append("- ").Append(sentence.Es).Append('\n');
                    en.Append("- ").Append(sentence.En).Append('\n');
                }
                else
                {
                    if (s > 0) { es.Append(' '); en.Append(' '); }
                    es.Append(sentence.Es);
                    en.Append(sentence.En);
                }
                words += Count(sentence.In(original));
            }
            es.Append("\n\n");
            en.Append("\n\n");
            paragraph++;
        }
        return (summary, new Bi(es.ToString().TrimEnd(), en.ToString().TrimEnd()));
    }

    /// <summary>
    /// Six in ten sentences on the item's subject, two in ten on its second subject (or the first again), the
    /// rest general; no sentence twice until every one the item may use has been used.
    /// </summary>
    private Bi Next(HashSet<Bi> used)
    {
        for (var attempt = 0; ; attempt++)
        {
            var roll = rng.NextDouble();
            var pool = roll < 0.6 ? c.Topic.Sentences : roll < 0.8 ? (c.Second ?? c.Topic).Sentences : V.General;
            var pick = pool[rng.Next(pool.Length)];
            if (used.Add(pick)) return pick;
            if (attempt < 40) continue;
            var left = c.Topic.Sentences.Concat(c.Second?.Sentences ?? []).Concat(V.General).Where(x => !used.Contains(x)).ToList();
            if (left.Count == 0) used.Clear();
            else pick = left[rng.Next(left.Count)];
            used.Add(pick);
            return pick;
        }
    }

    private Bi Sentence(Bi pattern)
    {
        var audience = V.Audiences[rng.Next(V.Audiences.Length)];
        var subject = rng.NextDouble() < 0.7 ? c.Subject : c.Topic.Subjects[rng.Next(c.Topic.Subjects.Length)];
        var n = rng.Next(3, 480).ToString(Invariant);
        var pct = rng.Next(8, 66).ToString(Invariant);
        var partner = V.Partners[rng.Next(V.Partners.Length)];
        return new Bi(Capital(Fill(pattern.Es, "es", c, subject, audience, n, pct, partner)), Capital(Fill(pattern.En, "en", c, subject, audience, n, pct, partner)));
    }

    private static string Capital(string s) => s.Length > 0 && char.IsLower(s[0]) ? char.ToUpperInvariant(s[0]) + s[1..] : s;

    public static string Fill(string pattern, string language, LibraryContext c, Bi subject, Bi audience, string n, string pct, string partner)
    {
        var partners = partner.Split('|');
        var text = pattern
            .Replace("{country}", c.Country.Name(language), StringComparison.Ordinal)
            .Replace("{city}", c.City, StringComparison.Ordinal)
            .Replace("{year}", c.Year.ToString(Invariant), StringComparison.Ordinal)
            .Replace("{audience}", audience.In(language), StringComparison.Ordinal)
            .Replace("{subject}", subject.In(language), StringComparison.Ordinal)
            .Replace("{partner}", language == "es" || partners.Length == 1 ? partners[0] : partners[1], StringComparison.Ordinal)
            .Replace("{n}", n, StringComparison.Ordinal)
            .Replace("{pct}", pct, StringComparison.Ordinal);
        // Spanish contractions after filling in "el …".
        return language == "es"
            ? text.Replace(" de el ", " del ", StringComparison.Ordinal).Replace(" a el ", " al ", StringComparison.Ordinal)
            : text;
    }

    private static Bi Join(Bi a, Bi b, string separator) => new(a.Es + separator + b.Es, a.En + separator + b.En);

    private static int Count(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var ch in text)
        {
            var letter = char.IsLetterOrDigit(ch);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }
}
