using System.Globalization;
using System.Reflection;
using Hemisphere.Features.Directory;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Search;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Features.Library;

/// <summary>
/// The demo library: Markdown files with a small header (DemoContent/&lt;slug&gt;.&lt;lang&gt;.md,
/// embedded in the binary), one file per language version. Items dated in the future are
/// published with that date as their scheduled time. Seeding twice adds nothing.
/// </summary>
public static class LibraryDemo
{
    public sealed record DemoFile(string Slug, string Language, Dictionary<string, string> Header, string Body);

    public static async Task<int> SeedAsync(HemisphereDb db, CancellationToken ct = default)
    {
        var files = Read().GroupBy(f => f.Slug).ToList();
        var existing = (await db.LibraryItems.Select(i => i.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var institutions = await db.Institutions.Select(i => new { i.Id, i.Name }).ToListAsync(ct);
        var added = 0;
        foreach (var group in files.Where(g => !existing.Contains(g.Key)))
        {
            var first = group.OrderBy(f => f.Language == "en" ? 0 : f.Language == "es" ? 1 : 2).First();
            var h = first.Header;
            var date = DateOnly.ParseExact(h["published"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var item = new LibraryItem
            {
                Slug = group.Key,
                Kind = LibraryNames.TryParseKind(h["kind"], out var kind) ? kind : LibraryKind.Publication,
                Status = LibraryStatus.Published,
                OriginalLanguage = first.Language,
                Authors = List(h, "authors"),
                Countries = List(h, "countries").Select(c => c.ToUpperInvariant()).Where(MemberStateCatalogue.IsCode).ToList(),
                Themes = List(h, "themes").Select(LibraryThemes.Normalise).OfType<string>().ToList(),
                Tags = List(h, "tags"),
                PublishedOn = date,
                PublishAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero),
                VideoUrl = h.GetValueOrDefault("video"),
                InstitutionId = institutions.FirstOrDefault(i => string.Equals(i.Name, h.GetValueOrDefault("institution"), StringComparison.OrdinalIgnoreCase))?.Id,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            foreach (var f in group)
                item.Versions.Add(new LibraryVersion { ItemId = item.Id, Language = f.Language, Title = f.Header["title"], Summary = f.Header.GetValueOrDefault("summary") ?? "", Body = f.Body });
            db.LibraryItems.Add(item);
            foreach (var entry in LibrarySearch.Of(item)) db.SearchDocuments.Add(SearchIndex.ToDocument(entry));
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    public static IEnumerable<DemoFile> Read()
    {
        var assembly = typeof(LibraryDemo).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("LibraryDemo.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var parts = name["LibraryDemo.".Length..].Split('.');
            yield return Parse(parts[0], parts[1], reader.ReadToEnd());
        }
    }

    public static DemoFile Parse(string slug, string language, string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        var body = text;
        if (text.StartsWith("---\n", StringComparison.Ordinal))
        {
            var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
            foreach (var line in text[4..end].Split('\n'))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0) header[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
            body = text[(end + 5)..];
        }
        return new DemoFile(slug, language, header, body.Trim());
    }

    private static List<string> List(Dictionary<string, string> header, string key) =>
        (header.GetValueOrDefault(key) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
