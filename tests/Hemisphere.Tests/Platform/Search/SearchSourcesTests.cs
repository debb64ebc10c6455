using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Features.Library;
using Hemisphere.Tests.Infrastructure;

namespace Hemisphere.Tests.Platform.Search;

/// <summary>Records of other features reach the search index, feeds and sitemap, and leave them again.</summary>
[Collection(AppsCollection.Name)]
public sealed class SearchSourcesTests(Apps apps)
{
    private static async Task<JsonElement> SearchAsync(HttpClient client, string q) =>
        await (await client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(q))).JsonAsync();

    /// <summary>The outbox worker refreshes documents shortly after the write; wait for it, with a deadline.</summary>
    private static async Task<int> EventuallyAsync(HttpClient client, string q, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        int total;
        do
        {
            total = (await SearchAsync(client, q)).GetProperty("total").GetInt32();
            if (total == expected) return total;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        return total;
    }

    [Theory, BothProviders]
    public async Task An_institution_becomes_findable_and_disappears_when_deleted(DatabaseProvider provider)
    {
        var app = apps[provider];
        var admin = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        var name = "Academia Nacional de Policía Xochitl" + Guid.NewGuid().ToString("N")[..5];
        var created = await admin.PostAsJsonAsync("/api/v1/institutions", new { name, kind = "police", countryCode = "MX" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetString();
        var anonymous = app.CreateClient();
        var word = name[(name.IndexOf("Xochitl", StringComparison.Ordinal))..];
        Assert.Equal(1, await EventuallyAsync(anonymous, "academia policia " + word, 1));
        var hit = (await SearchAsync(anonymous, word)).GetProperty("items")[0];
        Assert.Equal("institution", hit.GetProperty("kind").GetString());
        Assert.Equal($"/directory/institutions/{id}", hit.GetProperty("url").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/institutions/{id}")).StatusCode);
        Assert.Equal(0, await EventuallyAsync(anonymous, word, 0));
    }

    [Theory, BothProviders]
    public async Task Feeds_and_sitemap_list_what_is_published(DatabaseProvider provider)
    {
        var app = apps[provider];
        var admin = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        var title = "Boletín " + Guid.NewGuid().ToString("N")[..8];
        var created = await LibraryApiTests.CreateAsync(admin, LibraryApiTests.Item(title, kind: "news"));
        var slug = created.GetProperty("slug").GetString();
        await admin.PostAsync($"/api/v1/library/items/{created.GetProperty("id").GetString()}/publish", null);
        var anonymous = app.CreateClient();

        var feed = await anonymous.GetAsync("/library/feed.atom?kind=news&theme=police-training");
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var doc = XDocument.Parse(await feed.Content.ReadAsStringAsync());
        var entry = doc.Root!.Elements(atom + "entry").Single(e => e.Element(atom + "title")!.Value == title);
        Assert.StartsWith("urn:uuid:", entry.Element(atom + "id")!.Value, StringComparison.Ordinal);
        Assert.EndsWith($"/library/{slug}?lang=es", entry.Element(atom + "link")!.Attribute("href")!.Value, StringComparison.Ordinal);
        Assert.NotNull(doc.Root.Element(atom + "updated"));
        Assert.Contains(entry.Elements(atom + "category"), c => c.Attribute("term")!.Value == "police-training");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/library/feed.atom?kind=poems")).StatusCode);

        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var index = XDocument.Parse(await anonymous.GetStringAsync("/sitemap.xml"));
        var urls = new List<string>();
        foreach (var loc in index.Root!.Elements(sm + "sitemap").Select(s => new Uri(s.Element(sm + "loc")!.Value).PathAndQuery))
            urls.AddRange(XDocument.Parse(await anonymous.GetStringAsync(loc)).Root!.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value));
        Assert.Contains(urls, u => u.EndsWith($"/library/{slug}?lang=es", StringComparison.Ordinal));
        Assert.Contains(urls, u => u.EndsWith("/library", StringComparison.Ordinal));
    }
}
