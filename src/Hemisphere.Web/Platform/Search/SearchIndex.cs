using Hemisphere.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Platform.Search;

/// <summary>What a feature gives the index for one language version of one record.</summary>
public sealed record SearchEntry(
    string Source,
    Guid SourceId,
    string Language,
    string Kind,
    string Title,
    string? Summary,
    string? Body,
    string Url,
    DateTimeOffset? VisibleFrom,
    int? Year,
    IReadOnlyCollection<string> Countries,
    IReadOnlyCollection<string> Themes,
    string Audience = SearchAudience.Public);

/// <summary>A feature whose records are searchable: it tells the index what to hold for them.</summary>
public interface ISearchSource
{
    /// <summary>The <see cref="SearchDocument.Source"/> of its documents.</summary>
    string Name { get; }

    /// <summary>The entries for one record; none when it is gone or not public.</summary>
    Task<IReadOnlyList<SearchEntry>> EntriesAsync(HemisphereDb db, Guid id, CancellationToken ct);

    /// <summary>The entries of every public record, for a full rebuild.</summary>
    IAsyncEnumerable<SearchEntry> AllAsync(HemisphereDb db, CancellationToken ct);
}

/// <summary>
/// A source whose records are entities with a Guid key named Id: it says which of them the
/// public may find and what their documents hold; loading one or all of them is shared.
/// </summary>
public abstract class EntitySearchSource<T> : ISearchSource where T : class
{
    public abstract string Name { get; }

    /// <summary>The records the public may find, with what <see cref="Entries"/> reads included.</summary>
    protected abstract IQueryable<T> Public(HemisphereDb db);

    protected abstract IEnumerable<SearchEntry> Entries(T record);

    public async Task<IReadOnlyList<SearchEntry>> EntriesAsync(HemisphereDb db, Guid id, CancellationToken ct)
    {
        var record = await Public(db).AsNoTracking().FirstOrDefaultAsync(r => EF.Property<Guid>(r, "Id") == id, ct);
        return record is null ? [] : Entries(record).ToList();
    }

    public async IAsyncEnumerable<SearchEntry> AllAsync(HemisphereDb db, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        Guid? after = null;
        while (true)
        {
            var query = Public(db).AsNoTracking();
            if (after is { } a) query = query.Where(r => EF.Property<Guid>(r, "Id").CompareTo(a) > 0);
            var batch = await query.OrderBy(r => EF.Property<Guid>(r, "Id")).Take(500).ToListAsync(ct);
            if (batch.Count == 0) yield break;
            foreach (var record in batch)
                foreach (var entry in Entries(record)) yield return entry;
            after = db.Entry(batch[^1]).Property<Guid>("Id").CurrentValue;
        }
    }
}

/// <summary>Keeps the search documents in step with the records they stand for.</summary>
public sealed class SearchIndex(HemisphereDb db, IEnumerable<ISearchSource> sources)
{
    public const int MaxBodyChars = 100_000;

    /// <summary>
    /// Stages the replacement of one record's documents in the unit of work, so that the caller's
    /// single SaveChanges writes the record and its documents together (atomic, and safe under
    /// the provider's retrying execution strategy).
    /// </summary>
    public async Task StageAsync(string source, Guid id, IEnumerable<SearchEntry> entries, CancellationToken ct = default)
    {
        var old = await db.SearchDocuments.Where(d => d.Source == source && d.SourceId == id).ToListAsync(ct);
        db.SearchDocuments.RemoveRange(old);
        foreach (var entry in entries) db.SearchDocuments.Add(ToDocument(entry));
    }

    /// <summary>Replaces the documents of one record with what its source says now, and saves.</summary>
    public async Task RefreshAsync(string source, Guid id, CancellationToken ct = default)
    {
        await StageAsync(source, id, await Source(source).EntriesAsync(db, id, ct), ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Rebuilds the documents of every source (or one); answers how many were written.</summary>
    public async Task<int> RebuildAsync(string? only = null, CancellationToken ct = default)
    {
        if (only is not null && sources.All(s => s.Name != only))
            throw new ArgumentException($"Unknown search source '{only}'; the sources are: {string.Join(", ", sources.Select(s => s.Name))}.");
        var written = 0;
        foreach (var feature in sources.Where(s => only is null || s.Name == only))
        {
            await db.SearchDocuments.Where(d => d.Source == feature.Name).ExecuteDeleteAsync(ct);
            var batch = 0;
            await foreach (var entry in feature.AllAsync(db, ct))
            {
                db.SearchDocuments.Add(ToDocument(entry));
                written++;
                if (++batch == 500)
                {
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    batch = 0;
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return written;
    }

    private ISearchSource Source(string name) =>
        sources.FirstOrDefault(s => s.Name == name) ?? throw new InvalidOperationException($"No search source named {name}.");

    public static SearchDocument ToDocument(SearchEntry e)
    {
        var language = TextAnalysis.NormaliseLanguage(e.Language);
        var body = e.Body ?? "";
        if (body.Length > MaxBodyChars) body = body[..MaxBodyChars];
        var summary = Clip(e.Summary ?? "", 4000);
        var document = new SearchDocument
        {
            Source = e.Source,
            SourceId = e.SourceId,
            Language = language,
            Kind = e.Kind,
            Title = Clip(e.Title, 1000),
            Summary = summary,
            Body = body,
            Url = e.Url,
            Year = e.Year,
            VisibleFrom = e.VisibleFrom,
            TitleTerms = TextAnalysis.Terms(e.Title, language),
            BodyTerms = TextAnalysis.Terms(summary + "\n" + body, language),
            LangTerm = LangTerm(language),
            Audience = e.Audience,
        };
        foreach (var c in e.Countries.Distinct(StringComparer.Ordinal)) document.Facets.Add(new SearchFacet { Name = "country", Value = Clip(c, 100) });
        foreach (var t in e.Themes.Distinct(StringComparer.Ordinal)) document.Facets.Add(new SearchFacet { Name = "theme", Value = Clip(t, 100) });
        return document;
    }

    public static string LangTerm(string language) => "zzlang" + language;

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
