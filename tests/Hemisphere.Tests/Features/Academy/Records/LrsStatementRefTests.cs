using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hemisphere.Features.Academy.Records;
using Hemisphere.Platform.Data;
using Hemisphere.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Tests.Features.Academy.Records;

/// <summary>Filtered queries return the statements whose object is a StatementRef to a match, whichever of the two was stored first.</summary>
[Collection(AppsCollection.Name)]
public sealed class LrsStatementRefTests(Apps apps)
{
    private static JsonObject Statement(Guid id, string mbox, JsonObject target) => new()
    {
        ["id"] = id.ToString(),
        ["actor"] = new JsonObject { ["mbox"] = mbox },
        ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/experienced" },
        ["object"] = target,
    };

    private static StringContent Body(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    [Theory, BothProviders]
    public async Task A_statement_referring_to_one_not_yet_stored_is_found_once_its_target_arrives(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (client, _, _) = await LrsTests.LrsClientAsync(app);
        var learner = $"mailto:learner-{Guid.NewGuid():N}@example.org";
        var reviewer = $"mailto:reviewer-{Guid.NewGuid():N}@example.org";
        var target = Guid.NewGuid();
        var comment = Guid.NewGuid();
        var other = Guid.NewGuid();

        // The reviewer's statement about the learner's statement arrives first (an LRS may not reject a StatementRef to an unknown statement).
        var first = await client.PostAsync("/xapi/statements", Body(Statement(comment, reviewer, new JsonObject { ["objectType"] = "StatementRef", ["id"] = target.ToString() })));
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var second = await client.PostAsync("/xapi/statements", Body(new JsonArray(
            Statement(target, learner, new JsonObject { ["id"] = "http://example.org/activities/patrol-101" }),
            Statement(other, learner, new JsonObject { ["id"] = "http://example.org/activities/patrol-102" }))));
        Assert.True(second.StatusCode == HttpStatusCode.OK, await second.Content.ReadAsStringAsync());

        var targeted = await app.WithDbAsync(db => db.Set<XapiStatement>().Where(s => s.Id == target || s.Id == other || s.Id == comment)
            .ToDictionaryAsync(s => s.Id, s => s.Targeted));
        Assert.True(targeted[target]);
        Assert.False(targeted[other]);
        Assert.False(targeted[comment]);

        var byLearner = await client.GetAsync("/xapi/statements?agent=" + Uri.EscapeDataString(new JsonObject { ["mbox"] = learner }.ToJsonString()));
        Assert.True(byLearner.StatusCode == HttpStatusCode.OK, await byLearner.Content.ReadAsStringAsync());
        var ids = (await byLearner.JsonAsync()).GetProperty("statements").EnumerateArray().Select(s => Guid.Parse(s.GetProperty("id").GetString()!)).ToHashSet();
        Assert.Equal(new HashSet<Guid> { target, other, comment }, ids);

        var byActivity = await client.GetAsync("/xapi/statements?activity=" + Uri.EscapeDataString("http://example.org/activities/patrol-102"));
        var only = (await byActivity.JsonAsync()).GetProperty("statements").EnumerateArray().Select(s => Guid.Parse(s.GetProperty("id").GetString()!)).ToList();
        Assert.Equal([other], only);
    }
}
