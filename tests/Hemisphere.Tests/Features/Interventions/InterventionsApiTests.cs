using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hemisphere.Features.Interventions;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Tests.Features.Interventions;

[Collection(AppsCollection.Name)]
public sealed class InterventionsApiTests(Apps apps)
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>A whole entry; callers replace what a test is about.</summary>
    public static Dictionary<string, object?> Entry(string name, string? slug = null, string area = "situational", string rating = "effective",
        string[]? ageGroups = null, string? country = null, string status = "published") => new()
        {
            ["slug"] = slug,
            ["name"] = new { en = name, es = "Intervención " + name },
            ["aliases"] = new[] { "Alias " + name },
            ["summary"] = new { en = "Brighter streets at night " + name, es = "Calles mejor iluminadas de noche " + name },
            ["kind"] = "practice",
            ["status"] = status,
            ["area"] = area,
            ["continuum"] = "primary",
            ["focus"] = "prevention",
            ["crimeProblems"] = new[] { "street robbery" },
            ["ageGroups"] = ageGroups ?? ["adults"],
            ["sexes"] = new[] { "female", "male" },
            ["riskStatuses"] = new[] { "universal" },
            ["settings"] = new[] { "community" },
            ["localities"] = new[] { "urban" },
            ["themes"] = new[] { "urban design" },
            ["mechanism"] = new { en = "More natural surveillance.", es = "Más vigilancia natural." },
            ["mechanismQuality"] = "moderate",
            ["implementation"] = new { en = "A lighting audit and a maintenance budget." },
            ["cost"] = new { startUp = 150000.5m, perParticipant = 12m, currency = "usd", priceYear = 2024, text = new { en = "Mostly capital cost." }, quality = "low" },
            ["rating"] = rating,
            ["ratingRationale"] = new { en = "Several good studies agree.", es = "Varios estudios buenos coinciden." },
            ["ratingReviewedOn"] = "2026-01-15",
            ["sustainedTwelveMonths"] = true,
            ["independentlyReplicated"] = false,
            ["studies"] = new object[]
            {
                new { citation = "Welsh, B. C., & Farrington, D. P. (2008). Effects of improved street lighting on crime. Campbell Systematic Reviews.", url = "https://example.org/review", design = "meta-analysis", country = "United Kingdom", followUpMonths = 12, independentEvaluator = true, quality = "strong" },
            },
            ["outcomes"] = new object[] { new { name = new { en = "Night-time crime", es = "Delito nocturno" }, domain = "crime", direction = "reduced", effectSize = "−21%", significant = true, rating = "effective" } },
            ["externalRatings"] = new object[] { new { framework = "CrimeSolutions", label = "Effective", outcome = "Crime", ratedOn = "2020-05-01" } },
            ["implementations"] = country is null ? Array.Empty<object>() : new object[]
            {
                new { countryCode = country, city = "Capital", startDate = "2019-01-01", endDate = "2021-12-31", adaptations = new { en = "LED lamps.", es = "Lámparas LED." }, localEvaluation = new { en = "Before-and-after count." } },
            },
        };

    private static Dictionary<string, object?> With(Dictionary<string, object?> entry, string field, object? value)
    {
        entry[field] = value;
        return entry;
    }

    private static async Task<int> CountAsync(HttpClient client, string query) =>
        (await (await client.GetAsync("/api/v1/interventions?" + query)).JsonAsync()).GetProperty("total").GetInt32();

    [Theory, BothProviders]
    public async Task Editors_create_read_update_and_delete_entries_and_every_write_is_audited(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var tag = Tag();
        var created = await editor.PostAsJsonAsync("/api/v1/interventions", Entry("Street lighting " + tag, country: "gt"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.JsonAsync();
        var id = json.GetProperty("id").GetGuid();
        var slug = json.GetProperty("slug").GetString()!;
        Assert.Equal("street-lighting-" + tag, slug);
        Assert.Equal("/interventions/" + slug, json.GetProperty("url").GetString());
        Assert.Equal($"/api/v1/interventions/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("effective", json.GetProperty("rating").GetString());
        Assert.Equal("situational", json.GetProperty("area").GetString());
        Assert.Equal("metaAnalysis", json.GetProperty("studies")[0].GetProperty("design").GetString());
        Assert.Equal("USD", json.GetProperty("cost").GetProperty("currency").GetString());
        Assert.Equal("GT", json.GetProperty("implementations")[0].GetProperty("countryCode").GetString());
        Assert.Equal(["en", "es"], json.GetProperty("languages").EnumerateArray().Select(x => x.GetString()).ToList());

        // Anyone reads it by id or by slug, in their language.
        var anonymous = app.CreateClient();
        var bySlug = await (await anonymous.GetAsync($"/api/v1/interventions/{slug}?lang=es")).JsonAsync();
        Assert.Equal(id, bySlug.GetProperty("id").GetGuid());
        Assert.Equal("Intervención Street lighting " + tag, bySlug.GetProperty("name").GetString());
        Assert.Equal("Delito nocturno", bySlug.GetProperty("outcomes")[0].GetProperty("name").GetString());
        Assert.Equal("Effective", (await (await anonymous.GetAsync($"/api/v1/interventions/{id}")).JsonAsync()).GetProperty("externalRatings")[0].GetProperty("label").GetString());

        // PUT replaces the entry; without a slug it keeps its address.
        var changed = Entry("Improved street lighting " + tag, rating: "promising", country: "GT");
        changed["studies"] = Array.Empty<object>();
        var updated = await editor.PutAsJsonAsync($"/api/v1/interventions/{slug}", changed);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = await updated.JsonAsync();
        Assert.Equal(slug, after.GetProperty("slug").GetString());
        Assert.Equal("promising", after.GetProperty("rating").GetString());
        Assert.Equal(0, after.GetProperty("studies").GetArrayLength());
        Assert.Equal("Improved street lighting " + tag, after.GetProperty("name").GetString());

        var admin = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        var audit = await (await admin.GetAsync($"/api/v1/audit?entityType=Intervention&entityId={id}")).JsonAsync();
        Assert.Equal(2, audit.GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/v1/interventions/{id}")).StatusCode);
        await (await anonymous.GetAsync($"/api/v1/interventions/{slug}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await app.WithDbAsync(db => db.InterventionImplementations.CountAsync(i => i.InterventionId == id)));
        audit = await (await admin.GetAsync($"/api/v1/audit?entityType=Intervention&entityId={id}")).JsonAsync();
        Assert.Equal(3, audit.GetProperty("total").GetInt32());
    }

    [Theory, BothProviders]
    public async Task Filters_by_area_population_rating_country_and_text(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var tag = Tag();
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/v1/interventions", Entry("Alpha " + tag, area: "situational", rating: "effective", ageGroups: ["adolescents"], country: "GT"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/v1/interventions", Entry("Beta " + tag, area: "community", rating: "promising", ageGroups: ["adults"], country: "HN"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/v1/interventions", Entry("Gamma " + tag, area: "institutional", rating: "no-effect", ageGroups: ["adolescents", "youngAdults"]))).StatusCode);

        var client = app.CreateClient();
        Assert.Equal(3, await CountAsync(client, $"q={tag}"));
        Assert.Equal(3, await CountAsync(client, $"q={tag.ToUpperInvariant()}"));
        async Task<List<string>> Names(string query) => (await (await client.GetAsync($"/api/v1/interventions?q={tag}&{query}&lang=en")).JsonAsync())
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!.Split(' ')[0]).ToList();
        Assert.Equal(["Alpha"], await Names("area=situational"));
        Assert.Equal(["Beta"], await Names("area=community"));
        Assert.Equal(["Alpha", "Gamma"], await Names("population=adolescents"));
        Assert.Equal(["Gamma"], await Names("population=young-adults"));
        Assert.Equal(["Beta"], await Names("rating=promising"));
        Assert.Equal(["Gamma"], await Names("rating=no-effect"));
        Assert.Equal(["Gamma"], await Names("rating=noEffect"));
        Assert.Equal(["Beta"], await Names("country=hn"));
        Assert.Equal(["Alpha"], await Names("country=GT&area=situational&population=adolescents&rating=effective"));
        Assert.Empty(await Names("country=GT&area=community"));
        // The text filter reads every language and the aliases, without accents.
        Assert.Equal(1, await CountAsync(client, $"q=Intervención ALPHA {tag}"));
        Assert.Equal(1, await CountAsync(client, $"q=alias alpha {tag}"));

        await (await client.GetAsync("/api/v1/interventions?area=everywhere")).ValidationProblemAsync("area");
        await (await client.GetAsync("/api/v1/interventions?rating=great")).ValidationProblemAsync("rating");
        await (await client.GetAsync("/api/v1/interventions?country=ZZ")).ValidationProblemAsync("country");
        await (await client.GetAsync("/api/v1/interventions?population=martians")).ValidationProblemAsync("population");
    }

    [Theory, BothProviders]
    public async Task A_slug_is_unique_and_stable(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var tag = Tag();
        var slug = "focused-deterrence-" + tag;
        var first = await (await editor.PostAsJsonAsync("/api/v1/interventions", Entry("Focused deterrence " + tag, slug: slug))).JsonAsync();
        Assert.Equal(slug, first.GetProperty("slug").GetString());

        // A second entry cannot take the address, whether given or derived from the same name; nothing is saved.
        await (await editor.PostAsJsonAsync("/api/v1/interventions", Entry("Other " + tag, slug: slug.ToUpperInvariant()))).ValidationProblemAsync("slug");
        await (await editor.PostAsJsonAsync("/api/v1/interventions", Entry("Focused deterrence " + tag))).ValidationProblemAsync("slug");
        Assert.Equal(1, await CountAsync(app.CreateClient(), $"q={tag}"));
        await (await editor.PostAsJsonAsync("/api/v1/interventions", Entry("Bad " + tag, slug: "Not a slug!"))).ValidationProblemAsync("slug");
        await (await editor.PostAsJsonAsync("/api/v1/interventions", Entry("Bad " + tag, slug: "new"))).ValidationProblemAsync("slug");
        await (await editor.PostAsJsonAsync("/api/v1/interventions", Entry("Bad " + tag, slug: Guid.NewGuid().ToString()))).ValidationProblemAsync("slug");

        // Renaming keeps the address; another entry cannot be moved onto it.
        var renamed = await (await editor.PutAsJsonAsync($"/api/v1/interventions/{slug}", Entry("Group violence intervention " + tag))).JsonAsync();
        Assert.Equal(slug, renamed.GetProperty("slug").GetString());
        var second = await (await editor.PostAsJsonAsync("/api/v1/interventions", Entry("Second " + tag))).JsonAsync();
        await (await editor.PutAsJsonAsync($"/api/v1/interventions/{second.GetProperty("id").GetGuid()}", Entry("Second " + tag, slug: slug))).ValidationProblemAsync("slug");
        Assert.Equal("second-" + tag, (await (await editor.GetAsync($"/api/v1/interventions/{second.GetProperty("id").GetGuid()}")).JsonAsync()).GetProperty("slug").GetString());
    }

    [Theory, BothProviders]
    public async Task Drafts_are_seen_by_editors_only(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var learner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var anonymous = app.CreateClient();
        var tag = Tag();
        var draft = await (await editor.PostAsJsonAsync("/api/v1/interventions", Entry("Draft " + tag, status: "draft"))).JsonAsync();
        var id = draft.GetProperty("id").GetGuid();
        var slug = draft.GetProperty("slug").GetString();
        Assert.Equal("draft", draft.GetProperty("status").GetString());

        await (await anonymous.GetAsync($"/api/v1/interventions/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/v1/interventions/{slug}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await learner.GetAsync($"/api/v1/interventions/{slug}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/interventions/{slug}")).StatusCode);
        Assert.Equal(0, await CountAsync(anonymous, $"q={tag}&includeDrafts=true"));
        Assert.Equal(0, await CountAsync(learner, $"q={tag}&includeDrafts=true"));
        Assert.DoesNotContain("Draft " + tag, await anonymous.GetStringAsync($"/interventions?q={tag}"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/api/v1/interventions/{slug}")).StatusCode);
        Assert.Equal(0, await CountAsync(editor, $"q={tag}"));
        Assert.Equal(1, await CountAsync(editor, $"q={tag}&includeDrafts=true"));
        await (await learner.PutAsJsonAsync($"/api/v1/interventions/{id}", Entry("Draft " + tag))).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, BothProviders]
    public async Task Learners_and_anonymous_callers_cannot_write_and_country_editors_work_in_their_country(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var learner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var tag = Tag();
        await (await learner.PostAsJsonAsync("/api/v1/interventions", Entry("Learner " + tag))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await app.CreateClient().PostAsJsonAsync("/api/v1/interventions", Entry("Anonymous " + tag))).ProblemAsync(HttpStatusCode.Unauthorized);
        var id = (await (await editor.PostAsJsonAsync("/api/v1/interventions", Entry("Shared " + tag, country: "JM"))).JsonAsync()).GetProperty("id").GetGuid();
        await (await learner.PutAsJsonAsync($"/api/v1/interventions/{id}", Entry("Shared " + tag))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await learner.DeleteAsync($"/api/v1/interventions/{id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await app.CreateClient().DeleteAsync($"/api/v1/interventions/{id}")).ProblemAsync(HttpStatusCode.Unauthorized);

        // An editor of Jamaica edits the entry applied in Jamaica, but neither rates, publishes nor deletes.
        var jamaica = await app.ClientForRoleAsync(HemisphereRole.Editor, country: "JM");
        var costaRica = await app.ClientForRoleAsync(HemisphereRole.Editor, country: "CR");
        Assert.Equal(HttpStatusCode.OK, (await jamaica.PutAsJsonAsync($"/api/v1/interventions/{id}", Entry("Shared " + tag, country: "JM"))).StatusCode);
        await (await costaRica.PutAsJsonAsync($"/api/v1/interventions/{id}", Entry("Shared " + tag, country: "JM"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await jamaica.PutAsJsonAsync($"/api/v1/interventions/{id}", Entry("Shared " + tag, rating: "harmful", country: "JM"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await jamaica.DeleteAsync($"/api/v1/interventions/{id}")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("effective", (await (await editor.GetAsync($"/api/v1/interventions/{id}")).JsonAsync()).GetProperty("rating").GetString());

        // They propose new entries as drafts of their own country.
        Assert.Equal(HttpStatusCode.Created, (await jamaica.PostAsJsonAsync("/api/v1/interventions", Entry("Proposal " + tag, country: "JM", status: "draft"))).StatusCode);
        await (await jamaica.PostAsJsonAsync("/api/v1/interventions", Entry("Published proposal " + tag, country: "JM"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await jamaica.PostAsJsonAsync("/api/v1/interventions", Entry("Elsewhere " + tag, country: "CR", status: "draft"))).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(1, await CountAsync(jamaica, $"q=proposal {tag}&includeDrafts=true"));
        Assert.Equal(0, await CountAsync(costaRica, $"q=proposal {tag}&includeDrafts=true"));
    }

    [Theory, BothProviders]
    public async Task Bad_input_names_the_field_and_saves_nothing(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var tag = Tag();
        async Task Rejected(Dictionary<string, object?> body, string field) =>
            await (await editor.PostAsJsonAsync("/api/v1/interventions", body)).ValidationProblemAsync(field);

        await Rejected(With(Entry("Bad " + tag), "rating", null), "rating");
        await Rejected(With(Entry("Bad " + tag), "rating", "excellent"), "rating");
        await Rejected(With(Entry("Bad " + tag), "area", "everywhere"), "area");
        await Rejected(With(Entry("Bad " + tag), "area", null), "area");
        await Rejected(With(Entry("Bad " + tag), "name", null), "name");
        await Rejected(With(Entry("Bad " + tag), "ratingReviewedOn", null), "ratingReviewedOn");
        await Rejected(Entry("Bad " + tag, country: "ZZ"), "implementations[0].countryCode");
        await Rejected(Entry("Bad " + tag, country: "FR"), "implementations[0].countryCode");
        await Rejected(With(Entry("Bad " + tag), "studies", new object[] { new { citation = "A study", url = "not a link" } }), "studies[0].url");
        await Rejected(With(Entry("Bad " + tag), "studies", new object[] { new { citation = "A study", url = "javascript:alert(1)" } }), "studies[0].url");
        await Rejected(With(Entry("Bad " + tag), "studies", new object[] { new { url = "https://example.org" } }), "studies[0].citation");
        await Rejected(With(Entry("Bad " + tag), "externalRatings", new object[] { new { framework = "Blueprints", label = "Model", url = "ftp://example.org" } }), "externalRatings[0].url");
        await Rejected(With(Entry("Bad " + tag), "name", new { en = "Bad " + tag + new string('x', 400) }), "name.en");
        await Rejected(With(Entry("Bad " + tag), "summary", new { es = new string('x', 2001) }), "summary.es");
        await Rejected(With(Entry("Bad " + tag), "ageGroups", new[] { "toddlers" }), "ageGroups");
        await Rejected(With(Entry("Bad " + tag), "outcomes", new object[] { new { name = new { en = "Crime" }, direction = "sideways", rating = "effective" } }), "outcomes[0].direction");
        await Rejected(With(Entry("Bad " + tag), "cost", new { startUp = 10m }), "cost.currency");
        await Rejected(With(Entry("Bad " + tag), "implementations", new object[] { new { countryCode = "GT", institutionId = Guid.NewGuid() } }), "implementations[0].institutionId");
        await (await editor.PostAsync("/api/v1/interventions", new StringContent("{\"name\": {\"en\": \"Bad\"}, \"studies\": 5}", System.Text.Encoding.UTF8, "application/json"))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(0, await CountAsync(editor, $"q={tag}&includeDrafts=true"));
        Assert.False(await app.WithDbAsync(db => db.Interventions.AnyAsync(i => i.SearchText.Contains(tag))));

        // A bad update leaves the entry as it was.
        var id = (await (await editor.PostAsJsonAsync("/api/v1/interventions", Entry("Good " + tag, country: "PA"))).JsonAsync()).GetProperty("id").GetGuid();
        await (await editor.PutAsJsonAsync($"/api/v1/interventions/{id}", Entry("Good " + tag, country: "ZZ"))).ValidationProblemAsync("implementations[0].countryCode");
        var entry = await (await editor.GetAsync($"/api/v1/interventions/{id}")).JsonAsync();
        Assert.Equal("PA", entry.GetProperty("implementations")[0].GetProperty("countryCode").GetString());
    }

    [Theory, BothProviders]
    public async Task Demo_entries_are_valid_and_seeding_twice_does_not_duplicate_them(DatabaseProvider provider)
    {
        var app = apps[provider];
        await InterventionsDemo.SeedAsync(app.Services);
        Assert.Equal(0, await InterventionsDemo.SeedAsync(app.Services));
        Assert.Equal(1, await app.WithDbAsync(db => db.Interventions.CountAsync(i => i.Slug == "hot-spots-policing")));
        var slugs = InterventionsDemo.Entries(new Dictionary<string, Guid>()).Select(e => e.Slug!).ToList();
        var count = await app.WithDbAsync(db => db.Interventions.CountAsync(i => slugs.Contains(i.Slug)));
        Assert.True(count >= 12, count.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var client = app.CreateClient();
        var harmful = await (await client.GetAsync("/api/v1/interventions?rating=harmful&pageSize=200")).JsonAsync();
        Assert.Contains(harmful.GetProperty("items").EnumerateArray(), i => i.GetProperty("slug").GetString() == "scared-straight");
        var vocabulary = await (await client.GetAsync("/api/v1/interventions/vocabulary?lang=es")).JsonAsync();
        Assert.Equal(["effective", "promising", "noEffect", "harmful", "insufficientEvidence"], vocabulary.GetProperty("ratings").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList());
        Assert.Equal("Eficaz", vocabulary.GetProperty("ratings")[0].GetProperty("label").GetString());
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/interventions/{key}", openApi, StringComparison.Ordinal);
        _ = JsonDocument.Parse(openApi);
    }
}
