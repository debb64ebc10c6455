using System.Net;
using System.Net.Http.Json;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hemisphere.Tests.Features.Interventions;

[Collection(AppsCollection.Name)]
public sealed class InterventionsPageTests(Apps apps)
{
    [Theory, BothProviders]
    public async Task An_entry_page_reads_in_Spanish_and_says_which_languages_exist(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var entry = InterventionsApiTests.Entry("Lighting " + tag, country: "GT");
        var json = await (await editor.PostAsJsonAsync("/api/v1/interventions", entry)).JsonAsync();
        var slug = json.GetProperty("slug").GetString();
        var client = app.CreateClient();

        var es = WebUtility.HtmlDecode(await client.GetStringAsync($"/interventions/{slug}?lang=es"));
        Assert.Contains("<html lang=\"es\">", es, StringComparison.Ordinal);
        Assert.Contains("<h1>Intervención Lighting " + tag + "</h1>", es, StringComparison.Ordinal);
        Assert.Contains("Calificación de la evidencia", es, StringComparison.Ordinal);
        Assert.Contains("rating rating-effective\">Eficaz</span>", es, StringComparison.Ordinal);
        Assert.Contains("Redactada en: English, Español.", es, StringComparison.Ordinal);
        Assert.Contains("Más vigilancia natural.", es, StringComparison.Ordinal);
        Assert.Contains("Delito nocturno", es, StringComparison.Ordinal);
        Assert.Contains("Guatemala", es, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", es, StringComparison.Ordinal);
        // Texts written only in English are shown in English.
        Assert.Contains("A lighting audit and a maintenance budget.", es, StringComparison.Ordinal);

        var fr = WebUtility.HtmlDecode(await client.GetStringAsync($"/interventions/{slug}?lang=fr"));
        Assert.Contains("<h1>Lighting " + tag + "</h1>", fr, StringComparison.Ordinal);
        Assert.Contains("Les textes absents dans votre langue sont affichés en anglais.", fr, StringComparison.Ordinal);

        // The id answers at the stable address.
        var noRedirect = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var byId = await noRedirect.GetAsync($"/interventions/{json.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.MovedPermanently, byId.StatusCode);
        Assert.Equal("/interventions/" + slug, byId.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/interventions/no-such-entry-" + tag)).StatusCode);
    }

    [Theory, BothProviders]
    public async Task The_list_page_filters_and_explains_the_scale(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await editor.PostAsJsonAsync("/api/v1/interventions", InterventionsApiTests.Entry("Cameras " + tag, area: "situational", rating: "promising", country: "CR"));
        await editor.PostAsJsonAsync("/api/v1/interventions", InterventionsApiTests.Entry("Mentors " + tag, area: "community", rating: "harmful", ageGroups: ["adolescents"]));
        var client = app.CreateClient();

        var all = await client.GetStringAsync($"/interventions?q={tag}&lang=en");
        Assert.Contains("Cameras " + tag, all, StringComparison.Ordinal);
        Assert.Contains("Mentors " + tag, all, StringComparison.Ordinal);
        Assert.Contains("How the evidence is rated", all, StringComparison.Ordinal);
        Assert.Contains("Reviewed, but the evaluations are too few", all, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", all, StringComparison.Ordinal);
        foreach (var (query, shown, hidden) in new[]
        {
            ("area=situational", "Cameras", "Mentors"),
            ("population=adolescents", "Mentors", "Cameras"),
            ("rating=harmful", "Mentors", "Cameras"),
            ("country=CR", "Cameras", "Mentors"),
        })
        {
            var page = await client.GetStringAsync($"/interventions?q={tag}&{query}&lang=en");
            Assert.Contains(shown + " " + tag, page, StringComparison.Ordinal);
            Assert.DoesNotContain(hidden + " " + tag, page, StringComparison.Ordinal);
        }
        var spanish = await client.GetStringAsync($"/interventions?q={tag}&rating=promising&lang=es");
        Assert.Contains("Prometedora", spanish, StringComparison.Ordinal);
        Assert.Contains("Intervención Cameras " + tag, WebUtility.HtmlDecode(spanish), StringComparison.Ordinal);
        var bad = await client.GetAsync("/interventions?area=everywhere&lang=en");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("area: This value is not one of the allowed values.", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task An_editor_writes_an_entry_in_two_languages_through_the_form(DatabaseProvider provider)
    {
        var app = apps[provider];
        var user = await app.CreateUserAsync(HemisphereRole.Editor);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account/login", new() { ["Email"] = user.Email, ["Password"] = user.Password })).StatusCode);
        var tag = Guid.NewGuid().ToString("N")[..8];

        var invalid = await client.PostFormAsync("/interventions/new?lang=en", new() { ["In"] = "en", ["Form.Name"] = "Mentoring " + tag, ["Form.Area"] = "community", ["Form.RatingReviewedOn"] = "2026-03-01" }, "/interventions/new?lang=en");
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("rating: This field is required.", WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var created = await client.PostFormAsync("/interventions/new", new()
        {
            ["In"] = "en",
            ["Form.Name"] = "Mentoring " + tag,
            ["Form.Area"] = "community",
            ["Form.Rating"] = "promising",
            ["Form.Status"] = "published",
            ["Form.RatingReviewedOn"] = "2026-03-01",
            ["Form.AgeGroups"] = "adolescents",
            ["Form.Kind"] = "practice",
            ["Form.Studies[0].Citation"] = "Tolan, P., et al. (2013). Mentoring interventions. Campbell Systematic Reviews.",
            ["Form.Studies[0].Design"] = "systematicReview",
            ["Form.Outcomes[0].Name"] = "Delinquency",
            ["Form.Outcomes[0].Direction"] = "reduced",
            ["Form.Outcomes[0].Rating"] = "promising",
            ["Form.Implementations[0].CountryCode"] = "CA",
            ["Form.Implementations[0].Adaptations"] = "National network.",
        }, "/interventions/new");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.Equal("/interventions/mentoring-" + tag, location);

        // The Spanish version is added without touching the English one, rows included.
        var edit = location + "/edit?in=es";
        var form = await client.GetStringAsync(edit);
        Assert.Contains("Tolan, P., et al. (2013)", WebUtility.HtmlDecode(form), StringComparison.Ordinal);
        Assert.DoesNotContain("style=", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(edit, new()
        {
            ["In"] = "es",
            ["Form.Name"] = "Mentoría " + tag,
            ["Form.Area"] = "community",
            ["Form.Rating"] = "promising",
            ["Form.Status"] = "published",
            ["Form.RatingReviewedOn"] = "2026-03-01",
            ["Form.AgeGroups"] = "adolescents",
            ["Form.Kind"] = "practice",
            ["Form.Studies[0].Citation"] = "Tolan, P., et al. (2013). Mentoring interventions. Campbell Systematic Reviews.",
            ["Form.Studies[0].Design"] = "systematicReview",
            ["Form.Outcomes[0].Name"] = "Delincuencia",
            ["Form.Outcomes[0].Direction"] = "reduced",
            ["Form.Outcomes[0].Rating"] = "promising",
            ["Form.Implementations[0].CountryCode"] = "CA",
            ["Form.Implementations[0].Adaptations"] = "Red nacional.",
        }, edit)).StatusCode);
        var en = WebUtility.HtmlDecode(await client.GetStringAsync(location + "?lang=en"));
        Assert.Contains("Mentoring " + tag, en, StringComparison.Ordinal);
        Assert.Contains("Delinquency", en, StringComparison.Ordinal);
        Assert.Contains("National network.", en, StringComparison.Ordinal);
        var es = WebUtility.HtmlDecode(await client.GetStringAsync(location + "?lang=es"));
        Assert.Contains("Mentoría " + tag, es, StringComparison.Ordinal);
        Assert.Contains("Delincuencia", es, StringComparison.Ordinal);
        Assert.Contains("Red nacional.", es, StringComparison.Ordinal);

        var learner = await app.CreateUserAsync(HemisphereRole.Learner);
        var other = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await other.PostFormAsync("/account/login", new() { ["Email"] = learner.Email, ["Password"] = learner.Password });
        Assert.NotEqual(HttpStatusCode.OK, (await other.GetAsync(location + "/edit")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await other.GetAsync("/interventions/new")).StatusCode);
    }
}
