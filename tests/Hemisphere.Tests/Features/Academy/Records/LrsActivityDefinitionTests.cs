using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hemisphere.Features.Academy.Records;
using Hemisphere.Platform.Data;
using Hemisphere.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Tests.Features.Academy.Records;

/// <summary>The canonical definitions of activities the LRS keeps from the statements it stores.</summary>
[Collection(AppsCollection.Name)]
public sealed class LrsActivityDefinitionTests(Apps apps)
{
    private static JsonObject Statement(string activity, string name) => new()
    {
        ["actor"] = new JsonObject { ["mbox"] = $"mailto:learner-{Guid.NewGuid():N}@example.org" },
        ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/experienced" },
        ["object"] = new JsonObject { ["id"] = activity, ["definition"] = new JsonObject { ["name"] = new JsonObject { ["en-US"] = name } } },
    };

    [Theory, BothProviders]
    public async Task Many_packages_reporting_a_new_activity_at_once_all_succeed_and_one_definition_is_kept(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (client, _, _) = await LrsTests.LrsClientAsync(app);
        var activity = $"http://example.org/packages/{Guid.NewGuid():N}/slide-1";
        var sent = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            client.PostAsync("/xapi/statements", new StringContent(new JsonArray(Statement(activity, "Slide " + i), Statement(activity + "-b", "B " + i)).ToJsonString(), Encoding.UTF8, "application/json"))));
        foreach (var response in sent) Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        var names = await app.WithDbAsync(db => db.Set<XapiActivity>().Where(a => a.Id == activity || a.Id == activity + "-b").Select(a => a.Json).ToListAsync());
        Assert.Equal(2, names.Count);
        var kept = JsonNode.Parse(names.Single(n => n.Contains("Slide ", StringComparison.Ordinal)))!["definition"]!["name"]!["en-US"]!.GetValue<string>();
        Assert.Matches("^Slide ([0-9]|1[01])$", kept);
        Assert.Equal(24, await app.WithDbAsync(db => db.Set<XapiStatement>().CountAsync(s => s.ActivityId == activity || s.ActivityId == activity + "-b")));

        // A later statement with another definition replaces it (the last one stored is canonical).
        var again = await client.PostAsync("/xapi/statements", new StringContent(Statement(activity, "Renamed").ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var canonical = await (await client.GetAsync("/xapi/activities?activityId=" + Uri.EscapeDataString(activity))).JsonAsync();
        Assert.Equal("Renamed", canonical.GetProperty("definition").GetProperty("name").GetProperty("en-US").GetString());
    }
}
