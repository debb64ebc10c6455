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
public sealed class ImportApiTests(Apps apps)
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
    public async Task Bad_sheets_get_clear_messages_and_nothing_is_saved(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var before = await app.WithDbAsync(db => db.Activities.CountAsync());
        await (await editor.PostAsync("/api/v1/portfolio/import/preview", File([], "empty.txt"))).ValidationProblemAsync("file");
        await (await editor.PostAsync("/api/v1/portfolio/import/preview", File([0x00, 0x01, 0x02, 0xFF, 0x00, 0x10], "binary.bin", "application/octet-stream"))).ValidationProblemAsync("file");
        await (await editor.PostAsync("/api/v1/portfolio/import/preview", File(Encoding.UTF8.GetBytes("Just a shopping list.\nMilk\nBread\n"), "list.txt"))).ValidationProblemAsync("file");
        await (await editor.PostAsync("/api/v1/portfolio/import/preview", File(Encoding.ASCII.GetBytes("%PDF-1.4 broken"), "broken.pdf", "application/pdf"))).ValidationProblemAsync("file");
        var huge = new byte[50 * 1024 * 1024];
        Array.Fill(huge, (byte)'a');
        var tooLarge = await editor.PostAsync("/api/v1/portfolio/import/preview", new ByteArrayContent(huge) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } });
        Assert.True(tooLarge.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode.ToString());
        await (await editor.PostAsync("/api/v1/portfolio/import/preview?country=ZZ", File(Encoding.UTF8.GetBytes(Seed("001")), "001.txt"))).ValidationProblemAsync("country");
        await (await editor.PostAsJsonAsync("/api/v1/portfolio/import", new { activities = Array.Empty<object>() })).ValidationProblemAsync("activities");
        await (await editor.PostAsJsonAsync("/api/v1/portfolio/import", new { activities = new[] { new { name = "Valid " + Guid.NewGuid(), countries = Array.Empty<string>() }, new { name = "Bad", countries = new[] { "ZZ" } } } }))
            .ValidationProblemAsync("activities[1].countries");
        Assert.Equal(before, await app.WithDbAsync(db => db.Activities.CountAsync()));

        var learner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        await (await learner.PostAsync("/api/v1/portfolio/import/preview", File(Encoding.UTF8.GetBytes(Seed("001")), "001.txt"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await learner.PostAsJsonAsync("/api/v1/portfolio/import", new { activities = new[] { new { name = "X" } } })).ProblemAsync(HttpStatusCode.Forbidden);
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
        var police = Assert.Single(list.GetProperty("items").EnumerateArray(),
            i => i.GetProperty("name").GetString() == "Inter-American Network for Police Development and Professionalization");
        var countries = police.GetProperty("countries").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("CR", countries);
        Assert.Contains("HN", countries);
        Assert.Equal("2015-07-01", police.GetProperty("startDate").GetString());
    }
}
