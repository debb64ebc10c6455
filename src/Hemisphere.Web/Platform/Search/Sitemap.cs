using System.Globalization;
using System.Text;
using System.Xml;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Platform.Search;

/// <summary>
/// The sitemaps (sitemaps.org 0.9): /sitemap.xml is an index of /sitemap-0.xml (the main pages)
/// and /sitemap-N.xml, each listing up to <see cref="PageSize"/> public addresses from the search
/// index — everything the public can find is also what crawlers are told about.
/// </summary>
public static class Sitemap
{
    public const int PageSize = 40_000;
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly string[] MainPages = ["/", "/library", "/interventions", "/directory", "/directory/institutions", "/portfolio", "/portfolio/dashboard", "/search"];

    public static void MapSitemap(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/sitemap.xml", async (HttpContext http, HemisphereDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow();
            var count = await db.SearchDocuments.CountAsync(d => d.VisibleFrom != null && d.VisibleFrom <= now && d.Audience == SearchAudience.Public, ct);
            var baseUrl = AccountApi.BaseUrl(http).TrimEnd('/');
            return Xml(xml =>
            {
                xml.WriteStartElement("sitemapindex", Ns);
                for (var n = 0; n <= (count + PageSize - 1) / PageSize; n++)
                {
                    xml.WriteStartElement("sitemap");
                    xml.WriteElementString("loc", $"{baseUrl}/sitemap-{n}.xml");
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            });
        }).ExcludeFromDescription();

        routes.MapGet("/sitemap-{n:int}.xml", async (int n, HttpContext http, HemisphereDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var baseUrl = AccountApi.BaseUrl(http).TrimEnd('/');
            if (n == 0) return Xml(xml => UrlSet(xml, MainPages.Select(p => (baseUrl + p, (DateTimeOffset?)null))));
            if (n < 0 || n > 10_000) return Results.NotFound();
            var now = clock.GetUtcNow();
            var page = await db.SearchDocuments.AsNoTracking().Where(d => d.VisibleFrom != null && d.VisibleFrom <= now && d.Audience == SearchAudience.Public)
                .OrderBy(d => d.Id).Skip((n - 1) * PageSize).Take(PageSize).Select(d => new { d.Url, d.VisibleFrom }).ToListAsync(ct);
            if (page.Count == 0) return Results.NotFound();
            return Xml(xml => UrlSet(xml, page.Select(d => (baseUrl + d.Url, d.VisibleFrom))));
        }).ExcludeFromDescription();
    }

    private static void UrlSet(XmlWriter xml, IEnumerable<(string Loc, DateTimeOffset? Modified)> urls)
    {
        xml.WriteStartElement("urlset", Ns);
        foreach (var (loc, modified) in urls)
        {
            xml.WriteStartElement("url");
            xml.WriteElementString("loc", loc);
            if (modified is { } m) xml.WriteElementString("lastmod", m.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static IResult Xml(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            write(xml);
            xml.WriteEndDocument();
        }
        return Results.Bytes(buffer.ToArray(), "application/xml; charset=utf-8");
    }
}
