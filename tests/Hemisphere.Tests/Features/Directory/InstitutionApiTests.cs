using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hemisphere.Features.Directory;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Tests.Features.Directory;

[Collection(AppsCollection.Name)]
public sealed class InstitutionApiTests(Apps apps)
{
    private static object Body(string name, string country = "GT", string kind = "police") => new { name, kind, countryCode = country, acronym = "T" };

    [Theory, BothProviders]
    public async Task Editor_creates_updates_and_deletes_an_institution_and_each_change_is_audited(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var created = await editor.PostAsJsonAsync("/api/v1/institutions", Body("Policía Nacional de Prueba"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        var updated = await editor.PutAsJsonAsync($"/api/v1/institutions/{id}", new { name = "Policía Nacional Civil de Prueba", kind = "police", countryCode = "gt", website = "https://example.org/pnc" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var json = await updated.JsonAsync();
        Assert.Equal("GT", json.GetProperty("countryCode").GetString());
        Assert.Equal("police", json.GetProperty("kind").GetString());

        var found = await (await app.CreateClient().GetAsync("/api/v1/institutions?q=policia nacional civil de prueba")).JsonAsync();
        Assert.Equal(1, found.GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/v1/institutions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/api/v1/institutions/{id}")).StatusCode);
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Institution" && a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Equal(3, actions.Count);
        Assert.Contains("created", actions);
        Assert.Contains("updated", actions);
        Assert.Contains("deleted", actions);
    }

    [Theory, BothProviders]
    public async Task Anonymous_learner_and_manager_of_another_institution_cannot_change_an_institution(DatabaseProvider provider)
    {
        var app = apps[provider];
        var target = await app.AddInstitutionAsync("HN", name: "Academia Original");
        var other = await app.AddInstitutionAsync("HN");
        var update = new { name = "Renamed", kind = "police", countryCode = "HN" };

        await (await app.CreateClient().PutAsJsonAsync($"/api/v1/institutions/{target.Id}", update)).ProblemAsync(HttpStatusCode.Unauthorized);
        var learner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        await (await learner.PutAsJsonAsync($"/api/v1/institutions/{target.Id}", update)).ProblemAsync(HttpStatusCode.Forbidden);
        var otherManager = await app.ClientForRoleAsync(HemisphereRole.InstitutionManager, institution: other.Id);
        await (await otherManager.PutAsJsonAsync($"/api/v1/institutions/{target.Id}", update)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await otherManager.DeleteAsync($"/api/v1/institutions/{target.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        var countryEditor = await app.ClientForRoleAsync(HemisphereRole.Editor, country: "CR");
        await (await countryEditor.PutAsJsonAsync($"/api/v1/institutions/{target.Id}", update)).ProblemAsync(HttpStatusCode.Forbidden);

        var name = await app.WithDbAsync(db => db.Institutions.Where(i => i.Id == target.Id).Select(i => i.Name).SingleAsync());
        Assert.Equal("Academia Original", name);

        // Its own manager may.
        var ownManager = await app.ClientForRoleAsync(HemisphereRole.InstitutionManager, institution: target.Id);
        Assert.Equal(HttpStatusCode.OK, (await ownManager.PutAsJsonAsync($"/api/v1/institutions/{target.Id}", update)).StatusCode);
        // …but not move it to a country it has no rights in.
        await (await ownManager.PutAsJsonAsync($"/api/v1/institutions/{target.Id}", new { name = "Renamed", kind = "police", countryCode = "CR" })).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, BothProviders]
    public async Task Bad_input_gets_problem_details_naming_the_field_and_saves_nothing(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var before = await app.WithDbAsync(db => db.Institutions.CountAsync());

        await (await editor.PostAsJsonAsync("/api/v1/institutions", new { kind = "police", countryCode = "GT" })).ValidationProblemAsync("name");
        await (await editor.PostAsJsonAsync("/api/v1/institutions", new { name = new string('x', 301), kind = "police", countryCode = "GT" })).ValidationProblemAsync("name");
        await (await editor.PostAsJsonAsync("/api/v1/institutions", new { name = "X", kind = "police", countryCode = "ZZ" })).ValidationProblemAsync("countryCode");
        await (await editor.PostAsJsonAsync("/api/v1/institutions", new { name = "X", kind = "police", countryCode = "GT", website = "javascript:alert(1)" })).ValidationProblemAsync("website");
        await (await editor.PostAsJsonAsync("/api/v1/institutions", new { name = "X", kind = "spaceship", countryCode = "GT" })).ValidationProblemAsync("kind");
        await (await editor.PostAsJsonAsync("/api/v1/institutions", new { name = "X", kind = "police", countryCode = "GT", parentId = Guid.NewGuid() })).ValidationProblemAsync("parentId");
        await (await editor.PostAsJsonAsync("/api/v1/institutions", new { name = 42, kind = "police" })).ValidationProblemAsync("name");

        var malformed = await editor.PostAsync("/api/v1/institutions", new StringContent("{\"name\": \"X\",", Encoding.UTF8, "application/json"));
        await malformed.ProblemAsync(HttpStatusCode.BadRequest);
        var wrongType = await editor.PostAsync("/api/v1/institutions", new StringContent("name=X", Encoding.UTF8, "application/x-www-form-urlencoded"));
        // 415 is HTTP's status for a body of the wrong type; the problem names the header to fix.
        Assert.True((await wrongType.ProblemAsync(HttpStatusCode.UnsupportedMediaType)).GetProperty("errors").TryGetProperty("Content-Type", out _));
        await (await editor.GetAsync("/api/v1/institutions?kind=spaceship")).ValidationProblemAsync("kind");
        await (await editor.GetAsync("/api/v1/institutions?page=abc")).ValidationProblemAsync("page");

        Assert.Equal(before, await app.WithDbAsync(db => db.Institutions.CountAsync()));
    }

    [Theory, BothProviders]
    public async Task An_institution_cannot_be_placed_under_its_own_unit(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var parent = await app.AddInstitutionAsync();
        var child = (await (await editor.PostAsJsonAsync("/api/v1/institutions", new { name = "Unit", kind = "police", countryCode = "GT", parentId = parent.Id })).JsonAsync()).GetProperty("id").GetGuid();
        await (await editor.PutAsJsonAsync($"/api/v1/institutions/{parent.Id}", new { name = parent.Name, kind = "police", countryCode = "GT", parentId = child })).ValidationProblemAsync("parentId");
        await (await editor.DeleteAsync($"/api/v1/institutions/{parent.Id}")).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, BothProviders]
    public async Task Lists_page_and_filter_and_answer_items_and_total(DatabaseProvider provider)
    {
        var app = apps[provider];
        var country = provider == DatabaseProvider.Sqlite ? "BS" : "BB";
        for (var i = 0; i < 7; i++) await app.AddInstitutionAsync(country, InstitutionKind.PortAuthority, $"Port {i:00} {country}");
        var page2 = await (await app.CreateClient().GetAsync($"/api/v1/institutions?country={country}&kind=portAuthority&page=2&pageSize=3")).JsonAsync();
        Assert.Equal(7, page2.GetProperty("total").GetInt32());
        Assert.Equal(["Port 03 " + country, "Port 04 " + country, "Port 05 " + country], page2.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList());
    }

    [Theory, BothProviders]
    public async Task Certifications_are_added_by_those_who_may_edit(DatabaseProvider provider)
    {
        var app = apps[provider];
        var institution = await app.AddInstitutionAsync("CO");
        var manager = await app.ClientForRoleAsync(HemisphereRole.InstitutionManager, institution: institution.Id);
        var learner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var cert = new { standard = "ISO 9001:2015", scope = "Training", certifiedOn = "2018-01-15", validUntil = "2021-01-14" };
        await (await learner.PostAsJsonAsync($"/api/v1/institutions/{institution.Id}/certifications", cert)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PostAsJsonAsync($"/api/v1/institutions/{institution.Id}/certifications", new { standard = "ISO 9001", scope = "x", certifiedOn = "2020-01-01", validUntil = "2019-01-01" })).ValidationProblemAsync("validUntil");
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/v1/institutions/{institution.Id}/certifications", cert)).StatusCode);
        var json = await (await app.CreateClient().GetAsync($"/api/v1/institutions/{institution.Id}")).JsonAsync();
        var c = Assert.Single(json.GetProperty("certifications").EnumerateArray());
        Assert.False(c.GetProperty("current").GetBoolean());
        var certified = await (await app.CreateClient().GetAsync("/api/v1/institutions?certified=true&country=CO&pageSize=200")).JsonAsync();
        Assert.Contains(certified.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == institution.Id);
    }
}
