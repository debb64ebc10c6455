using System.Net;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hemisphere.Tests.Features.Portfolio;

[Collection(AppsCollection.Name)]
public sealed class PortfolioPageTests(Apps apps)
{
    [Theory, BothProviders]
    public async Task An_editor_writes_an_activity_in_two_languages_through_the_form(DatabaseProvider provider)
    {
        var app = apps[provider];
        var user = await app.CreateUserAsync(HemisphereRole.Editor);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account/login", new() { ["Email"] = user.Email, ["Password"] = user.Password })).StatusCode);

        var invalid = await client.PostFormAsync("/portfolio/activities/new?lang=en", new() { ["In"] = "en", ["Form.Name"] = "", ["Form.Countries"] = "GT" }, "/portfolio/activities/new?lang=en");
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("name: This field is required.", WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var name = "Port security plan " + Guid.NewGuid().ToString("N")[..6];
        var created = await client.PostFormAsync("/portfolio/activities/new", new() { ["In"] = "en", ["Form.Name"] = name, ["Form.Countries"] = "GT, hn", ["Form.Published"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;

        // The Spanish version is added without touching the English one.
        var edit = location + "/edit?in=es";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(edit, new() { ["In"] = "es", ["Form.Name"] = "Plan de seguridad portuaria", ["Form.Countries"] = "GT, HN", ["Form.Published"] = "true" }, edit)).StatusCode);
        Assert.Contains(name, await client.GetStringAsync(location + "?lang=en"), StringComparison.Ordinal);
        Assert.Contains("Plan de seguridad portuaria", await client.GetStringAsync(location + "?lang=es"), StringComparison.Ordinal);

        var learner = await app.CreateUserAsync(HemisphereRole.Learner);
        var other = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await other.PostFormAsync("/account/login", new() { ["Email"] = learner.Email, ["Password"] = learner.Password });
        Assert.NotEqual(HttpStatusCode.OK, (await other.GetAsync(location + "/edit")).StatusCode);
    }
}
