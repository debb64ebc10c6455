using Hemisphere.Platform.Data;
using Hemisphere.Platform.Search;
using Hemisphere.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Features.Library;

/// <summary>What the search index holds for library items: one document per language version of a published item.</summary>
public sealed class LibrarySearch : EntitySearchSource<LibraryItem>
{
    public override string Name => LibraryService.SearchSource;

    protected override IQueryable<LibraryItem> Public(HemisphereDb db) =>
        db.LibraryItems.Include(i => i.Versions).Include(i => i.Attachments).ThenInclude(a => a.File).AsSplitQuery()
            .Where(i => i.Status == LibraryStatus.Published);

    protected override IEnumerable<SearchEntry> Entries(LibraryItem record) => Of(record);

    /// <summary>The documents of one item as it stands (tracked or loaded); none unless published.</summary>
    public static IEnumerable<SearchEntry> Of(LibraryItem item)
    {
        if (item.Status != LibraryStatus.Published || item.PublishAt is null) yield break;
        foreach (var v in item.Versions)
            yield return new SearchEntry(LibraryService.SearchSource, item.Id, v.Language, item.Kind.Slug(), v.Title, v.Summary,
                Body(item, v), LibraryService.UrlOf(item, v.Language), item.PublishAt, item.PublishedOn?.Year ?? item.PublishAt.Value.Year,
                item.Countries, item.Themes);
    }

    /// <summary>The text of the version and of the documents attached to it (or to every version).</summary>
    private static string Body(LibraryItem item, LibraryVersion v)
    {
        var texts = item.Attachments.Where(a => a.Language is null || a.Language == v.Language)
            .Select(a => a.Title + "\n" + a.File?.ExtractedText);
        return string.Join("\n\n", texts.Prepend(RichText.ToPlainText(v.Body)));
    }
}
