using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Search;
using Hemisphere.Tests.Infrastructure;

namespace Hemisphere.Tests.Platform.Search;

/// <summary>
/// The search seam on both engines, through GET /api/v1/search. Each test writes documents under
/// a source name of its own and filters by it, so tests sharing a database do not see each other.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class SearchEngineTests(Apps apps)
{
    private static readonly DateTimeOffset Past = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static async Task<string> IndexAsync(HemisphereApp app, params (string Lang, string Title, string Body, string Kind, string[] Countries)[] docs)
    {
        var source = "test" + Guid.NewGuid().ToString("N")[..10];
        await app.WithDbAsync(async db =>
        {
            foreach (var d in docs)
                db.SearchDocuments.Add(SearchIndex.ToDocument(new SearchEntry(source, Guid.NewGuid(), d.Lang, d.Kind, d.Title, null, d.Body, "/x", Past, 2024, d.Countries, ["crime prevention"])));
            return await db.SaveChangesAsync();
        });
        return source;
    }

    private static async Task<JsonElement> SearchAsync(HemisphereApp app, string source, string q, string extra = "")
    {
        var response = await app.CreateClient().GetAsync($"/api/v1/search?source={source}&q={Uri.EscapeDataString(q)}{extra}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string[] Titles(JsonElement result) => [.. result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];

    [Theory, BothProviders]
    public async Task Accents_and_inflections_match_in_each_language(DatabaseProvider provider)
    {
        var app = apps[provider];
        var source = await IndexAsync(app,
            ("es", "Capacitación de la Policía Nacional", "Un programa de capacitación para jóvenes policías.", "publication", ["GT"]),
            ("en", "Community policing in practice", "Officers trained in problem solving.", "news", ["JM"]),
            ("pt", "Capacitação da polícia", "Prevenção da violência nas escolas.", "publication", ["BR"]),
            ("fr", "La formation des policiers", "Prévention de la criminalité en Haïti.", "blog", ["HT"]));

        Assert.Equal(["Capacitación de la Policía Nacional"], Titles(await SearchAsync(app, source, "capacitaciones")));
        Assert.Contains("Capacitación de la Policía Nacional", Titles(await SearchAsync(app, source, "policia")));
        Assert.Equal(["Community policing in practice"], Titles(await SearchAsync(app, source, "police train")));
        Assert.Equal(["Capacitação da polícia"], Titles(await SearchAsync(app, source, "capacitações prevencao")));
        Assert.Equal(["La formation des policiers"], Titles(await SearchAsync(app, source, "formations prevention")));

        var hit = (await SearchAsync(app, source, "capacitaciones")).GetProperty("items")[0];
        Assert.Contains("<mark>capacitación</mark>", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Equal("es", hit.GetProperty("language").GetString());
    }

    [Theory, BothProviders]
    public async Task Phrases_need_their_words_together_and_OR_widens(DatabaseProvider provider)
    {
        var app = apps[provider];
        var source = await IndexAsync(app,
            ("es", "A", "La prevención del delito empieza en el barrio.", "publication", []),
            ("es", "B", "El delito y su prevención, dos temas distintos.", "publication", []),
            ("es", "C", "Tráfico ilícito de migrantes.", "news", []));

        Assert.Equal(["A"], Titles(await SearchAsync(app, source, "\"prevención del delito\"")));
        Assert.Equal(2, (await SearchAsync(app, source, "prevención delito")).GetProperty("total").GetInt32());
        Assert.Equal(3, (await SearchAsync(app, source, "delito OR migrantes")).GetProperty("total").GetInt32());
        Assert.Equal(["B"], Titles(await SearchAsync(app, source, "delito -barrio")));
    }

    [Theory, BothProviders]
    public async Task Facets_count_the_whole_result_and_pages_split_it(DatabaseProvider provider)
    {
        var app = apps[provider];
        var docs = Enumerable.Range(1, 25).Select(i =>
            ("en", $"Training report {i:00}", "Police training in the region.", i % 2 == 0 ? "news" : "publication", i % 5 == 0 ? new[] { "GT", "HN" } : new[] { "GT" })).ToArray();
        var source = await IndexAsync(app, docs);

        var first = await SearchAsync(app, source, "training", "&pageSize=10");
        Assert.Equal(25, first.GetProperty("total").GetInt32());
        Assert.Equal(10, first.GetProperty("items").GetArrayLength());
        var facets = first.GetProperty("facets");
        Assert.Equal(13, Count(facets, "kind", "publication"));
        Assert.Equal(12, Count(facets, "kind", "news"));
        Assert.Equal(25, Count(facets, "country", "GT"));
        Assert.Equal(5, Count(facets, "country", "HN"));
        Assert.Equal(25, Count(facets, "year", "2024"));
        Assert.Equal(25, Count(facets, "language", "en"));

        var third = await SearchAsync(app, source, "training", "&pageSize=10&page=3");
        Assert.Equal(5, third.GetProperty("items").GetArrayLength());
        var all = Titles(first).Concat(Titles(await SearchAsync(app, source, "training", "&pageSize=10&page=2"))).Concat(Titles(third));
        Assert.Equal(25, all.Distinct().Count());

        var filtered = await SearchAsync(app, source, "training", "&country=hn&kind=publication");
        Assert.Equal(3, filtered.GetProperty("total").GetInt32());
    }

    private static int Count(JsonElement facets, string name, string value) =>
        facets.GetProperty(name).EnumerateArray().Where(f => f.GetProperty("value").GetString() == value).Select(f => f.GetProperty("count").GetInt32()).SingleOrDefault();

    [Theory, BothProviders]
    public async Task Stop_words_alone_find_nothing_and_say_so(DatabaseProvider provider)
    {
        var app = apps[provider];
        var source = await IndexAsync(app, ("es", "La de los", "El y la de que.", "news", []), ("en", "The", "Of the and.", "news", []));
        foreach (var q in new[] { "de la que los", "the of and", "De LA" })
        {
            var result = await SearchAsync(app, source, q);
            Assert.Equal(0, result.GetProperty("total").GetInt32());
            Assert.Equal("stopWordsOnly", result.GetProperty("notice").GetString());
        }
    }

    [Theory, BothProviders]
    public async Task Query_syntax_characters_never_break_the_query(DatabaseProvider provider)
    {
        var app = apps[provider];
        var source = await IndexAsync(app, ("en", "Police cooperation", "NEAR the border, police OR customs.", "news", []));
        foreach (var q in new[] { "\"", "*", ":", "'", "OR", "NEAR", "police\"", "\"police", "pol*", "title:police", "police' OR '1'='1", "NEAR(police border)", "- -- -", "AND OR NOT", "(police", "police)", "\\", "%_", "!police", "police & border", "<->" })
        {
            var result = await SearchAsync(app, source, q);
            Assert.True(result.GetProperty("total").GetInt32() >= 0, q);
        }
        foreach (var q in new[] { "police' OR '1'='1", "cooperation:police", "NEAR(police border)", "police*", "\"police cooperation" })
            Assert.True((await SearchAsync(app, source, q)).GetProperty("total").GetInt32() == 1, q);
    }

    [Theory, BothProviders]
    public async Task Documents_not_yet_visible_are_not_found(DatabaseProvider provider)
    {
        var app = apps[provider];
        var source = "test" + Guid.NewGuid().ToString("N")[..10];
        await app.WithDbAsync(async db =>
        {
            db.SearchDocuments.Add(SearchIndex.ToDocument(new SearchEntry(source, Guid.NewGuid(), "en", "news", "Scheduled news", null, "Embargoed training news", "/x", DateTimeOffset.UtcNow.AddDays(3), 2026, [], [])));
            db.SearchDocuments.Add(SearchIndex.ToDocument(new SearchEntry(source, Guid.NewGuid(), "en", "news", "Hidden draft", null, "Training draft", "/x", null, 2026, [], [])));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(0, (await SearchAsync(app, source, "training")).GetProperty("total").GetInt32());
    }
}
