using System.Runtime.CompilerServices;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Search;
using Hemisphere.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Features.Library;

/// <summary>What the search index holds for library items: one document per language version of a published item.</summary>
public sealed class LibrarySearch : ISearchSource
{
    public string Name => LibraryService.SearchSource;

    public async Task<IReadOnlyList<SearchEntry>> EntriesAsync(HemisphereDb db, Guid id, CancellationToken ct)
    {
        var item = await db.LibraryItems.AsNoTracking().Include(i => i.Versions).Include(i => i.Attachments).ThenInclude(a => a.File).AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, ct);
        return item is null ? [] : Entries(item).ToList();
    }

    public async IAsyncEnumerable<SearchEntry> AllAsync(HemisphereDb db, [EnumeratorCancellation] CancellationToken ct)
    {
        var query = db.LibraryItems.AsNoTracking().Include(i => i.Versions).Include(i => i.Attachments).ThenInclude(a => a.File).AsSplitQuery().Where(i => i.Status == LibraryStatus.Published).OrderBy(i => i.Id);
        Guid? after = null;
        while (true)
        {
            var batch = await (after is { } a ? query.Where(i => i.Id > a) : query).Take(500).ToListAsync(ct);
            if (batch.Count == 0) yield break;
            foreach (var item in batch)
                foreach (var entry in Entries(item)) yield return entry;
            after = batch[^1].Id;
        }
    }

    /// <summary>The text of the version and of the documents attached to it (or to every version).</summary>
    private static string Body(LibraryItem item, LibraryVersion v)
    {
        var texts = item.Attachments.Where(a => a.Language is null || a.Language == v.Language)
            .Select(a => a.Title + "\n" + a.File?.ExtractedText);
        return string.Join("\n\n", texts.Prepend(RichText.ToPlainText(v.Body)));
    }

    /// <summary>The documents of one item as it stands (tracked or loaded).</summary>
    public static IEnumerable<SearchEntry> Entries(LibraryItem item)
    {
        if (item.Status != LibraryStatus.Published || item.PublishAt is null) yield break;
        foreach (var v in item.Versions)
            yield return new SearchEntry(LibraryService.SearchSource, item.Id, v.Language, item.Kind.Slug(), v.Title, v.Summary,
                Body(item, v), LibraryService.UrlOf(item, v.Language), item.PublishAt, item.PublishedOn?.Year ?? item.PublishAt.Value.Year,
                item.Countries, item.Themes);
    }
}
