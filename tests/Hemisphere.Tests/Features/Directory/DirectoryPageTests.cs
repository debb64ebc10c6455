using System.Net;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Tests.Features.Directory;

[Collection(AppsCollection.Name)]
public sealed class DirectoryPageTests(Apps apps)
{
    private async Task<HttpClient> SignedInAsync(HemisphereApp app, TestUser user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await client.PostFormAsync("/account/login", new() { ["Email"] = user.Email, ["Password"] = user.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    [Theory, BothProviders]
    public async Task Editing_pages_send_anonymous_visitors_to_sign_in_and_refuse_the_wrong_user(DatabaseProvider provider)
    {
        var app = apps[provider];
        var institution = await app.AddInstitutionAsync("DO");
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var redirect = await anonymous.GetAsync($"/directory/institutions/{institution.Id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("/account/login", redirect.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var learner = await SignedInAsync(app, await app.CreateUserAsync(HemisphereRole.Learner));
        var refused = await learner.GetAsync($"/directory/institutions/{institution.Id}/edit");
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, refused.StatusCode.ToString());
        if (refused.StatusCode == HttpStatusCode.Redirect) Assert.StartsWith("/account/access-denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var post = await learner.PostFormAsync($"/directory/institutions/{institution.Id}/edit",
            new() { ["Form.Name"] = "Hacked", ["Form.Kind"] = "Police", ["Form.CountryCode"] = "DO" }, "/directory/institutions/new");
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(institution.Name, await app.WithDbAsync(db => db.Institutions.Where(i => i.Id == institution.Id).Select(i => i.Name).SingleAsync()));
    }

    [Theory, BothProviders]
    public async Task An_editor_creates_an_institution_through_the_form_and_errors_show_on_the_form(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await SignedInAsync(app, await app.CreateUserAsync(HemisphereRole.Editor));
        var invalid = await editor.PostFormAsync("/directory/institutions/new", new() { ["Form.Name"] = "", ["Form.Kind"] = "Police", ["Form.CountryCode"] = "DO" });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("This field is required.", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var name = "Dirección General de Migración " + Guid.NewGuid().ToString("N")[..4];
        var created = await editor.PostFormAsync("/directory/institutions/new", new() { ["Form.Name"] = name, ["Form.Kind"] = "Ministry", ["Form.CountryCode"] = "DO" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await editor.GetStringAsync(created.Headers.Location!.OriginalString);
        Assert.Contains(name, page, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Administration_pages_are_for_administrators_only(DatabaseProvider provider)
    {
        var app = apps[provider];
        var learner = await SignedInAsync(app, await app.CreateUserAsync(HemisphereRole.Learner));
        foreach (var path in new[] { "/admin/users", "/admin/audit" })
            Assert.NotEqual(HttpStatusCode.OK, (await learner.GetAsync(path)).StatusCode);
        var admin = await SignedInAsync(app, await app.CreateUserAsync(HemisphereRole.Administrator));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
        var audit = await admin.GetStringAsync("/admin/audit");
        Assert.Contains("<table", audit, StringComparison.Ordinal);
    }
}
