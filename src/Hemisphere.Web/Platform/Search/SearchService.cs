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

        var ranked = hits is null
            ? docs.Select(d => new { Doc = d, Rank = 0.0 })
            : from h in hits join d in docs on h.Id equals d.Id select new { Doc = d, h.Rank };

        var total = await ranked.CountAsync(ct);
        var ordered = hits is null
            ? ranked.OrderByDescending(x => x.Doc.VisibleFrom).ThenByDescending(x => x.Doc.Id)
            : ranked.OrderByDescending(x => x.Rank).ThenByDescending(x => x.Doc.Id);
        var page = await ordered.Skip(paging.Skip).Take(paging.Size)
            .Select(x => new { x.Doc.SourceId, x.Doc.Kind, x.Doc.Title, x.Doc.Summary, x.Doc.Body, x.Doc.Url, x.Doc.Language, x.Doc.Source, x.Doc.Year })
            .ToListAsync(ct);

        var ids = ranked.Select(x => x.Doc.Id);
        var facets = new SearchFacets(
            await Count(ranked.GroupBy(x => x.Doc.Kind).Select(g => new FacetRow(g.Key, g.Count())), ct),
            await Count(ranked.GroupBy(x => x.Doc.Language).Select(g => new FacetRow(g.Key, g.Count())), ct),
            await Count(db.SearchFacets.Where(f => f.Name == "country" && ids.Contains(f.DocumentId)).GroupBy(f => f.Value).Select(g => new FacetRow(g.Key, g.Count())), ct),
            await Count(db.SearchFacets.Where(f => f.Name == "theme" && ids.Contains(f.DocumentId)).GroupBy(f => f.Value).Select(g => new FacetRow(g.Key, g.Count())), ct),
            await Count(ranked.Where(x => x.Doc.Year != null).GroupBy(x => x.Doc.Year!.Value).Select(g => new FacetRow(g.Key.ToString(CultureInfo.InvariantCulture), g.Count())), ct));

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

    private static async Task<IReadOnlyList<FacetValue>> Count(IQueryable<FacetRow> rows, CancellationToken ct) =>
        (await rows.ToListAsync(ct)).OrderByDescending(r => r.Count).ThenBy(r => r.Value, StringComparer.Ordinal)
            .Select(r => new FacetValue(r.Value, r.Count)).ToList();

    private static string? Filter(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private IQueryable<RawHit> Match(IReadOnlyList<LanguageQuery> perLanguage)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            // One tsquery per language; a document is tested against its own language's query,
            // so the GIN index serves each branch of the OR.
            var where = new StringBuilder();
            var rank = new StringBuilder("CASE d.\"Language\"");
            var args = new object[perLanguage.Count];
            for (var i = 0; i < perLanguage.Count; i++)
            {
                args[i] = perLanguage[i].ToTsQuery();
                if (i > 0) where.Append(" OR ");
                where.Append(CultureInfo.InvariantCulture, $"(d.\"Language\" = '{perLanguage[i].Language}' AND d.\"Vector\" @@ {{{i}}}::tsquery)");
                rank.Append(CultureInfo.InvariantCulture, $" WHEN '{perLanguage[i].Language}' THEN {{{i}}}::tsquery");
            }
            rank.Append(" END");
            var sql = $"SELECT d.\"Id\" AS \"Id\", ts_rank_cd(d.\"Vector\", {rank}, 1)::float8 AS \"Rank\" FROM \"SearchDocuments\" AS d WHERE {where}";
            return db.Database.SqlQueryRaw<RawHit>(sql, args);
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
