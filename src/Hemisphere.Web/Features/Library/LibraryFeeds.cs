using System.Globalization;
using System.Text;
using System.Xml;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Localization;
using Hemisphere.Platform.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Library;

/// <summary>Atom feeds of published items (RFC 4287): all, per kind, per theme, in the reader's language.</summary>
public static class LibraryFeeds
{
    public const int Entries = 30;

    public static void MapLibraryFeeds(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/library/feed.atom", async (string? kind, string? theme, string? lang, HttpContext http, HemisphereDb db, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow();
            var q = db.LibraryItems.AsNoTracking().Where(i => i.Status == LibraryStatus.Published && i.PublishAt <= now);
            var title = new StringBuilder(l["Library.Title"]);
            if (kind is not null)
            {
                if (!LibraryNames.TryParseKind(kind, out var k)) return l.Problem(404, "Problem.NotFound");
                q = q.Where(i => i.Kind == k);
                title.Append(" — ").Append(l["Library.Kind." + k.Slug()]);
            }
            if (theme is not null)
            {
                if (LibraryThemes.Normalise(theme) is not { } t) return l.Problem(404, "Problem.NotFound");
                q = q.Where(i => i.Themes.Contains(t));
                title.Append(" — ").Append(l["Theme." + t]);
            }
            var language = Languages.Normalize(lang ?? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
            var items = await q.OrderByDescending(i => i.PublishAt).ThenByDescending(i => i.Id).Take(Entries)
                .Include(i => i.Versions).AsSplitQuery().ToListAsync(ct);
            var baseUrl = AccountApi.BaseUrl(http).TrimEnd('/');
            var self = baseUrl + http.Request.Path + http.Request.QueryString;

            using var buffer = new MemoryStream();
            await using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true }))
            {
                const string Atom = "http://www.w3.org/2005/Atom";
                await xml.WriteStartDocumentAsync();
                xml.WriteStartElement("feed", Atom);
                xml.WriteAttributeString("xml", "lang", null, language);
                xml.WriteElementString("id", self);
                xml.WriteElementString("title", title.ToString());
                xml.WriteElementString("updated", Stamp(items.Count > 0 ? items.Max(i => i.UpdatedAt > i.PublishAt!.Value ? i.UpdatedAt : i.PublishAt.Value) : now));
                Link(xml, "self", self, "application/atom+xml");
                Link(xml, "alternate", baseUrl + "/library", "text/html");
                xml.WriteStartElement("generator");
                xml.WriteString("Hemisphere");
                xml.WriteEndElement();
                foreach (var item in items)
                {
                    var version = LibraryService.Pick(item, language);
                    xml.WriteStartElement("entry");
                    xml.WriteElementString("id", "urn:uuid:" + item.Id.ToString("D", CultureInfo.InvariantCulture));
                    xml.WriteStartElement("title");
                    xml.WriteAttributeString("xml", "lang", null, version.Language);
                    xml.WriteString(version.Title);
                    xml.WriteEndElement();
                    xml.WriteElementString("published", Stamp(item.PublishAt!.Value));
                    xml.WriteElementString("updated", Stamp(item.UpdatedAt > item.PublishAt.Value ? item.UpdatedAt : item.PublishAt.Value));
                    Link(xml, "alternate", baseUrl + LibraryService.UrlOf(item, version.Language), "text/html");
                    foreach (var author in item.Authors.DefaultIfEmpty(l["Library.FeedAuthor"]))
                    {
                        xml.WriteStartElement("author");
                        xml.WriteElementString("name", author);
                        xml.WriteEndElement();
                    }
                    xml.WriteStartElement("category");
                    xml.WriteAttributeString("term", item.Kind.Slug());
                    xml.WriteEndElement();
                    foreach (var t in item.Themes)
                    {
                        xml.WriteStartElement("category");
                        xml.WriteAttributeString("term", t);
                        xml.WriteAttributeString("label", l["Theme." + t]);
                        xml.WriteEndElement();
                    }
                    xml.WriteStartElement("summary");
                    xml.WriteString(string.IsNullOrWhiteSpace(version.Summary) ? Clip(RichText.ToPlainText(version.Body), 500) : version.Summary);
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
                await xml.WriteEndDocumentAsync();
            }
            return Results.Bytes(buffer.ToArray(), "application/atom+xml; charset=utf-8");
        }).WithTags("Library").WithSummary("Atom feed of published items; filters kind and theme; lang picks the version.");
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
