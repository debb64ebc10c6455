using System.Globalization;
using System.Text;
using Hemisphere.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Platform.Search;

public sealed record SearchRequest(string? Q, string? Lang, string? Kind, string? Country, string? Theme, int? Year, string? Source = null);

public sealed record SearchResultItem(Guid Id, string Kind, string Title, string Snippet, string Url, string Language, string Source, int? Year);

public sealed record FacetValue(string Value, int Count);

public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Kind,
    IReadOnlyList<FacetValue> Language,
    IReadOnlyList<FacetValue> Country,
    IReadOnlyList<FacetValue> Theme,
    IReadOnlyList<FacetValue> Year);

/// <summary>
/// One page of results. <see cref="Notice"/> is "stopWordsOnly" when the query had words but all
/// of them are too common to search for.
/// </summary>
public sealed record SearchResults(IReadOnlyList<SearchResultItem> Items, int Total, int Page, int PageSize, SearchFacets Facets, string? Notice);

/// <summary>
/// Runs a query on the database's own full-text engine: FTS5 with bm25 on SQLite, a tsvector with
/// GIN index and ts_rank_cd on PostgreSQL. A document matches when the query, analysed in the
/// document's language, matches its terms; so one query finds Spanish "capacitaciones" and
/// English "training" documents each by their own stemming.
/// </summary>
public sealed class SearchService(HemisphereDb db, TimeProvider clock)
{
    private sealed record RawHit(long Id, double Rank);

    private static readonly string[] Languages = [.. TextAnalysis.StemmedLanguages, TextAnalysis.Neutral];

    /// <summary>Deeper pages than this are not served: nobody reads them, and skipping that far costs.</summary>
    public const int MaxPage = 500;

    /// <param name="member">Whether the reader is a signed-in member: they also find what is for members only (forum topics).</param>
    public async Task<SearchResults> SearchAsync(SearchRequest request, PageRequest paging, bool member, CancellationToken ct = default)
    {
        paging = paging with { Number = Math.Min(paging.Number, MaxPage) };
        var query = SearchQuery.Parse(request.Q);
        var perLanguage = Languages.Select(query.For).Where(l => !l.IsEmpty).ToList();
        var now = clock.GetUtcNow();
        // Words that are only stop words (in some language, since the reader's is not known) find
        // nothing sensible; when nothing else is found either, say so.
        var onlyStopWords = !query.IsEmpty && perLanguage.Count(l => l.Language != TextAnalysis.Neutral) < TextAnalysis.StemmedLanguages.Count;

        IQueryable<RawHit>? hits = query.IsEmpty ? null : Match(perLanguage);
        var docs = db.SearchDocuments.AsNoTracking().Where(d => d.VisibleFrom != null && d.VisibleFrom <= now);
        if (!member) docs = docs.Where(d => d.Audience == SearchAudience.Public);
        if (Filter(request.Lang) is { } lang) docs = docs.Where(d => d.Language == TextAnalysis.NormaliseLanguage(lang));
        if (Filter(request.Kind) is { } kind) docs = docs.Where(d => d.Kind == kind);
        if (Filter(request.Source) is { } source) docs = docs.Where(d => d.Source == source);
        if (request.Year is { } year) docs = docs.Where(d => d.Year == year);
        if (Filter(request.Country) is { } country)
        {
            var code = country.ToUpperInvariant();
            docs = docs.Where(d => db.SearchFacets.Any(f => f.DocumentId == d.Id && f.Name == "country" && f.Value == code));
        }
        if (Filter(request.Theme) is { } theme) docs = docs.Where(d => db.SearchFacets.Any(f => f.DocumentId == d.Id && f.Name == "theme" && f.Value == theme));

        int total;
        SearchFacets facets;
        List<PageRow> page;
        if (hits is null)
        {
            // Browsing without words: newest first, counted in the database.
            total = await docs.CountAsync(ct);
            page = await docs.OrderByDescending(d => d.VisibleFrom).ThenByDescending(d => d.Id).Skip(paging.Skip).Take(paging.Size)
                .Select(d => new PageRow(d.Id, d.SourceId, d.Kind, d.Title, d.Summary, d.Body, d.Url, d.Language, d.Source, d.Year)).ToListAsync(ct);
            var ids = docs.Select(d => d.Id);
            facets = new SearchFacets(
                await Count(docs.GroupBy(d => d.Kind).Select(g => new FacetRow(g.Key, g.Count())), ct),
                await Count(docs.GroupBy(d => d.Language).Select(g => new FacetRow(g.Key, g.Count())), ct),
                await Count(db.SearchFacets.Where(f => f.Name == "country" && ids.Contains(f.DocumentId)).GroupBy(f => f.Value).Select(g => new FacetRow(g.Key, g.Count())), ct),
                await Count(db.SearchFacets.Where(f => f.Name == "theme" && ids.Contains(f.DocumentId)).GroupBy(f => f.Value).Select(g => new FacetRow(g.Key, g.Count())), ct),
                await Count(docs.Where(d => d.Year != null).GroupBy(d => d.Year!.Value).Select(g => new FacetRow(g.Key.ToString(CultureInfo.InvariantCulture), g.Count())), ct));
        }
        else
        {
            // The full-text match runs once: every match's id, rank and scalar facets come back in
            // one statement; the count, the order and those facets are taken from it here.
            var matched = await (from h in hits join d in docs on h.Id equals d.Id select new Matched(d.Id, d.Kind, d.Language, d.Year, h.Rank)).ToListAsync(ct);
            total = matched.Count;
            var top = matched.OrderByDescending(m => m.Rank).ThenByDescending(m => m.Id).Skip(paging.Skip).Take(paging.Size).Select(m => m.Id).ToList();
            var rows = await db.SearchDocuments.AsNoTracking().Where(d => top.Contains(d.Id))
                .Select(d => new PageRow(d.Id, d.SourceId, d.Kind, d.Title, d.Summary, d.Body, d.Url, d.Language, d.Source, d.Year)).ToListAsync(ct);
            page = rows.OrderBy(r => top.IndexOf(r.Id)).ToList();
            var many = await ManyValuedFacetsAsync(matched.Select(m => m.Id).ToList(), ct);
            facets = new SearchFacets(
                Tally(matched.Select(m => m.Kind)),
                Tally(matched.Select(m => m.Language)),
                many.GetValueOrDefault("country", []),
                many.GetValueOrDefault("theme", []),
                Tally(matched.Where(m => m.Year is not null).Select(m => m.Year!.Value.ToString(CultureInfo.InvariantCulture))));
        }

        var items = page.Select(p =>
        {
            var terms = query.For(p.Language).Terms.ToHashSet(StringComparer.Ordinal);
            var text = string.IsNullOrWhiteSpace(p.Body) ? p.Summary : p.Summary + " " + p.Body;
            var snippet = Highlighter.Snippet(text, p.Language, terms);
            return new SearchResultItem(p.SourceId, p.Kind, p.Title, snippet, p.Url, p.Language, p.Source, p.Year);
        }).ToList();
        return new SearchResults(items, total, paging.Number, paging.Size, facets, total == 0 && onlyStopWords ? "stopWordsOnly" : null);
    }

    private sealed record FacetRow(string Value, int Count);

    private sealed record Matched(long Id, string Kind, string Language, int? Year, double Rank);

    private sealed record PageRow(long Id, Guid SourceId, string Kind, string Title, string Summary, string Body, string Url, string Language, string Source, int? Year);

    private static List<FacetValue> Tally(IEnumerable<string> values) =>
        values.GroupBy(v => v, StringComparer.Ordinal).Select(g => new FacetValue(g.Key, g.Count()))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList();

    /// <summary>Country and theme counts of the matched documents, in chunks of ids.</summary>
    private async Task<Dictionary<string, List<FacetValue>>> ManyValuedFacetsAsync(List<long> ids, CancellationToken ct)
    {
        var counts = new Dictionary<(string Name, string Value), int>();
        foreach (var chunk in ids.Chunk(20_000))
        {
            var rows = await db.SearchFacets.Where(f => chunk.Contains(f.DocumentId)).GroupBy(f => new { f.Name, f.Value })
                .Select(g => new { g.Key.Name, g.Key.Value, Count = g.Count() }).ToListAsync(ct);
            foreach (var r in rows) counts[(r.Name, r.Value)] = counts.GetValueOrDefault((r.Name, r.Value)) + r.Count;
        }
        return counts.GroupBy(c => c.Key.Name, StringComparer.Ordinal).ToDictionary(g => g.Key,
            g => g.Select(c => new FacetValue(c.Key.Value, c.Value)).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }

    private static async Task<IReadOnlyList<FacetValue>> Count(IQueryable<FacetRow> rows, CancellationToken ct) =>
        (await rows.ToListAsync(ct)).OrderByDescending(r => r.Count).ThenBy(r => r.Value, StringComparer.Ordinal)
            .Select(r => new FacetValue(r.Value, r.Count)).ToList();

    private static string? Filter(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private IQueryable<RawHit> Match(IReadOnlyList<LanguageQuery> perLanguage)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            // One tsquery: each language's query joined to its language token, so the GIN index
            // alone finds each document matched in its own language.
            var tsquery = string.Join(" | ", perLanguage.Select(l => $"('{SearchIndex.LangTerm(l.Language)}' & ({l.ToTsQuery()}))"));
            const string sql = "SELECT d.\"Id\" AS \"Id\", ts_rank_cd(d.\"RankVector\", {0}::tsquery, 1)::float8 AS \"Rank\" FROM \"SearchDocuments\" AS d WHERE d.\"Vector\" @@ {0}::tsquery";
            return db.Database.SqlQueryRaw<RawHit>(sql, tsquery);
        }
        else
        {
            // FTS5: the language is a token of its own column, so one MATCH covers every language.
            var match = string.Join(" OR ", perLanguage.Select(l => $"(LangTerm : \"{SearchIndex.LangTerm(l.Language)}\" AND ({l.ToFts5()}))"));
            const string sql = "SELECT rowid AS \"Id\", -bm25(\"SearchFts\", 10.0, 1.0, 0.0) AS \"Rank\" FROM \"SearchFts\" WHERE \"SearchFts\" MATCH {0}";
            return db.Database.SqlQueryRaw<RawHit>(sql, match);
        }
    }
}
