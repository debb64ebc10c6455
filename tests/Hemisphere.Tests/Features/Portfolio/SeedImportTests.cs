using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Tests.Features.Portfolio;

[Collection(AppsCollection.Name)]
public sealed class SeedImportTests(Apps apps)
{
    private static string Seed(string prefix) =>
        System.IO.File.ReadAllText(System.IO.Directory.GetFiles(Path.Combine(Repository.Shared, "seeds"), prefix + "_*.txt").Single());

    private static MultipartFormDataContent File(byte[] bytes, string name, string type = "text/plain")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { content, "file", name } };
    }

    [Theory, BothProviders]
    public async Task A_seed_previews_saves_and_a_second_import_updates_instead_of_duplicating(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var preview = await editor.PostAsync("/api/v1/portfolio/import/preview", File(Encoding.UTF8.GetBytes(Seed("001")), "001.txt"));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var body = await preview.JsonAsync();
        var activities = body.GetProperty("activities");
        Assert.True(activities.GetArrayLength() >= 1);
        foreach (var field in new[] { "name", "pillar", "programme", "countries", "startDate", "endDate", "targetBeneficiaries", "donors", "partners", "summary", "objectives", "results", "links" })
            Assert.True(activities[0].TryGetProperty(field, out _), "missing " + field);
        Assert.Equal(0, await app.WithDbAsync(db => db.Activities.CountAsync(a => a.Source == "test-001")));

        var request = new { activities = JsonSerializer.Deserialize<JsonElement>(activities.GetRawText()), source = "test-001", publish = true };
        var first = await (await editor.PostAsJsonAsync("/api/v1/portfolio/import", request)).JsonAsync();
        var count = activities.GetArrayLength();
        Assert.Equal(count, first.GetProperty("created").GetInt32() + first.GetProperty("updated").GetInt32());
        var second = await (await editor.PostAsJsonAsync("/api/v1/portfolio/import", request)).JsonAsync();
        Assert.Equal(0, second.GetProperty("created").GetInt32());
        Assert.Equal(count, second.GetProperty("updated").GetInt32());
    }

    [Theory, BothProviders]
    public async Task The_same_activity_on_two_country_sheets_becomes_one_with_both_countries(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        foreach (var (seed, country) in new[] { ("004", "CR"), ("000", "HN") })
        {
            var preview = await (await editor.PostAsync($"/api/v1/portfolio/import/preview?country={country}", File(Encoding.UTF8.GetBytes(Seed(seed)), seed + ".txt"))).JsonAsync();
            var saved = await editor.PostAsJsonAsync("/api/v1/portfolio/import", new { activities = preview.GetProperty("activities"), source = seed, publish = true });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }
        var list = await (await app.CreateClient().GetAsync("/api/v1/portfolio/activities?q=Police Development and Professionalization&pageSize=50")).JsonAsync();
        var police = Assert.Single(list.GetProperty("items").EnumerateArray());
        var countries = police.GetProperty("countries").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("CR", countries);
        Assert.Contains("HN", countries);
        Assert.Equal("2015-07-01", police.GetProperty("startDate").GetString());
    }
}
