using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hemisphere.Features.Academy.Records;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Tests.Features.Academy.Records;

[Collection(AppsCollection.Name)]
public sealed class LrsTests(Apps apps)
{
    /// <summary>Creates a client application through the API (as an administrator) and answers an HTTP client speaking xAPI with its credentials.</summary>
    internal static async Task<(HttpClient Client, string Key, Guid Id)> LrsClientAsync(HemisphereApp app, params string[] scopes)
    {
        var admin = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        var response = await admin.PostAsJsonAsync("/api/v1/xapi/clients", new { name = "Test tool", scopes = scopes.Length == 0 ? ["all"] : scopes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var key = body.GetProperty("client").GetProperty("key").GetString()!;
        var secret = body.GetProperty("secret").GetString()!;
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":" + secret)));
        client.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        return (client, key, body.GetProperty("client").GetProperty("id").GetGuid());
    }

    internal static string Mbox() => $"mailto:learner-{Guid.NewGuid():N}@example.org";

    internal static JsonObject Statement(string mbox, string verb = "http://adlnet.gov/expapi/verbs/experienced", string activity = "http://example.org/activities/a", Guid? id = null) => new()
    {
        ["id"] = (id ?? Guid.NewGuid()).ToString(),
        ["actor"] = new JsonObject { ["objectType"] = "Agent", ["name"] = "Ana", ["mbox"] = mbox },
        ["verb"] = new JsonObject { ["id"] = verb, ["display"] = new JsonObject { ["en-US"] = verb[(verb.LastIndexOf('/') + 1)..] } },
        ["object"] = new JsonObject { ["objectType"] = "Activity", ["id"] = activity, ["definition"] = new JsonObject { ["name"] = new JsonObject { ["en-US"] = "A" } } },
    };

    internal static StringContent Body(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    internal static async Task<JsonElement> QueryAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/xapi/statements?" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.Contains("X-Experience-API-Consistent-Through"));
        Assert.Equal("1.0.3", response.Headers.GetValues("X-Experience-API-Version").Single());
        return await response.JsonAsync();
    }

    internal static List<string> Ids(JsonElement result) =>
        result.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();

    internal static string Agent(string mbox) => Uri.EscapeDataString(new JsonObject { ["mbox"] = mbox }.ToJsonString());

    [Theory, BothProviders]
    public async Task Statements_round_trip_and_every_query_filter_finds_exactly_its_own(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (client, key, _) = await LrsClientAsync(app);
        var mbox = Mbox();
        var other = Mbox();
        var instructor = Mbox();
        var registration = Guid.NewGuid();
        var run = Guid.NewGuid().ToString("N")[..8];
        var course = $"http://example.org/{run}/course";
        var lesson = $"http://example.org/{run}/lesson";
        var s1 = Statement(mbox, "http://adlnet.gov/expapi/verbs/launched", lesson);
        s1["context"] = new JsonObject
        {
            ["registration"] = registration.ToString(),
            ["instructor"] = new JsonObject { ["mbox"] = instructor },
            ["contextActivities"] = new JsonObject { ["parent"] = new JsonArray(new JsonObject { ["id"] = course }) },
        };
        var s2 = Statement(mbox, "http://adlnet.gov/expapi/verbs/completed", course);
        s2["result"] = new JsonObject { ["score"] = new JsonObject { ["scaled"] = 0.9 }, ["success"] = true, ["duration"] = "PT1H2M3.5S" };
        s2["timestamp"] = "2026-01-02T03:04:05.678+02:00";
        var s3 = Statement(other, "http://adlnet.gov/expapi/verbs/completed", course);
        // The object of s4 is the first agent: the agent filter matches the object as well as the actor.
        var s4 = Statement(other, "http://adlnet.gov/expapi/verbs/mentored", lesson);
        s4["object"] = new JsonObject { ["objectType"] = "Agent", ["mbox"] = mbox };

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var post = await client.PostAsync("/xapi/statements", Body(new JsonArray(s1.DeepClone(), s2.DeepClone())));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var ids = (await post.JsonAsync()).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal([s1["id"]!.GetValue<string>(), s2["id"]!.GetValue<string>()], ids);
        await Task.Delay(20);
        var middle = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/xapi/statements", Body(new JsonArray(s3.DeepClone(), s4.DeepClone())))).StatusCode);
        string Id(JsonObject s) => s["id"]!.GetValue<string>();

        // What the LRS set on the way in.
        var single = await client.GetAsync("/xapi/statements?statementId=" + Id(s2));
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        Assert.NotNull(single.Content.Headers.LastModified);
        var got = JsonNode.Parse(await single.Content.ReadAsStringAsync())!;
        Assert.Equal("2026-01-02T03:04:05.678+02:00", got["timestamp"]!.GetValue<string>());
        Assert.Equal(0.9, got["result"]!["score"]!["scaled"]!.GetValue<double>());
        Assert.Equal(key, got["authority"]!["account"]!["name"]!.GetValue<string>());
        Assert.Equal("1.0.0", got["version"]!.GetValue<string>());
        Assert.True(DateTimeOffset.Parse(got["stored"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) >= before);

        Assert.Equal([Id(s4), Id(s2), Id(s1)], Ids(await QueryAsync(client, "agent=" + Agent(mbox))));
        Assert.Equal([Id(s1), Id(s2), Id(s4)], Ids(await QueryAsync(client, "agent=" + Agent(mbox) + "&ascending=true")));
        Assert.Equal([Id(s2)], Ids(await QueryAsync(client, "agent=" + Agent(mbox) + "&verb=" + Uri.EscapeDataString("http://adlnet.gov/expapi/verbs/completed"))));
        Assert.Equal([Id(s3), Id(s2)], Ids(await QueryAsync(client, "activity=" + Uri.EscapeDataString(course))));
        Assert.Equal([Id(s3), Id(s2), Id(s1)], Ids(await QueryAsync(client, "activity=" + Uri.EscapeDataString(course) + "&related_activities=true")));
        Assert.Empty(Ids(await QueryAsync(client, "agent=" + Agent(instructor))));
        Assert.Equal([Id(s1)], Ids(await QueryAsync(client, "agent=" + Agent(instructor) + "&related_agents=true")));
        Assert.Equal([Id(s1)], Ids(await QueryAsync(client, "registration=" + registration)));
        Assert.Equal([Id(s4)], Ids(await QueryAsync(client, "agent=" + Agent(mbox) + "&since=" + Uri.EscapeDataString(middle.ToString("o")))));
        Assert.Equal([Id(s2), Id(s1)], Ids(await QueryAsync(client, "agent=" + Agent(mbox) + "&until=" + Uri.EscapeDataString(middle.ToString("o")))));
        var limited = await QueryAsync(client, "agent=" + Agent(mbox) + "&limit=1");
        Assert.Equal([Id(s4)], Ids(limited));
        Assert.StartsWith("/xapi/statements?more=", limited.GetProperty("more").GetString(), StringComparison.Ordinal);
        Assert.Equal("", (await QueryAsync(client, "agent=" + Agent(mbox))).GetProperty("more").GetString());

        // format=ids: agents by identifier, verbs and activities by id only.
        var idsOnly = (await QueryAsync(client, "registration=" + registration + "&format=ids")).GetProperty("statements")[0];
        Assert.False(idsOnly.GetProperty("actor").TryGetProperty("name", out _));
        Assert.Equal(mbox, idsOnly.GetProperty("actor").GetProperty("mbox").GetString());
        Assert.False(idsOnly.GetProperty("verb").TryGetProperty("display", out _));
        Assert.False(idsOnly.GetProperty("object").TryGetProperty("definition", out _));
        // exact: as received (plus what the LRS sets).
        var exact = (await QueryAsync(client, "registration=" + registration + "&format=exact")).GetProperty("statements")[0];
        Assert.Equal("Ana", exact.GetProperty("actor").GetProperty("name").GetString());

        // In the database: the filter columns.
        var s1Id = Guid.Parse(Id(s1));
        var row = await app.WithDbAsync(db => db.Set<XapiStatement>().SingleAsync(s => s.Id == s1Id));
        Assert.Equal("http://adlnet.gov/expapi/verbs/launched", row.VerbId);
        Assert.Equal("mbox:" + mbox, row.ActorKey);
        Assert.Equal(lesson, row.ActivityId);
        Assert.Equal(registration, row.Registration);
        Assert.False(row.Voided);
        // The activity's definition is kept: the Activities resource answers it.
        var activity = await (await client.GetAsync("/xapi/activities?activityId=" + Uri.EscapeDataString(lesson))).JsonAsync();
        Assert.Equal("A", activity.GetProperty("definition").GetProperty("name").GetProperty("en-US").GetString());
        var person = await (await client.GetAsync("/xapi/agents?agent=" + Agent(mbox))).JsonAsync();
        Assert.Equal("Person", person.GetProperty("objectType").GetString());
        Assert.Equal(mbox, person.GetProperty("mbox")[0].GetString());
    }

    [Theory, BothProviders]
    public async Task A_voided_statement_leaves_the_queries_and_stays_retrievable_by_voidedStatementId(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (client, _, _) = await LrsClientAsync(app);
        var mbox = Mbox();
        var target = Statement(mbox);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/xapi/statements", Body(target))).StatusCode);
        var targetId = target["id"]!.GetValue<string>();
        var voiding = Statement(mbox, XapiValidator.VoidedVerb);
        voiding["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = targetId };
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/xapi/statements", Body(voiding))).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/xapi/statements?statementId=" + targetId)).StatusCode);
        var voided = await client.GetAsync("/xapi/statements?voidedStatementId=" + targetId);
        Assert.Equal(HttpStatusCode.OK, voided.StatusCode);
        Assert.Equal(targetId, (await voided.JsonAsync()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/xapi/statements?voidedStatementId=" + voiding["id"])).StatusCode);
        Assert.Equal([voiding["id"]!.GetValue<string>()], Ids(await QueryAsync(client, "agent=" + Agent(mbox))));
        var targetGuid = Guid.Parse(targetId);
        Assert.True(await app.WithDbAsync(db => db.Set<XapiStatement>().Where(s => s.Id == targetGuid).Select(s => s.Voided).SingleAsync()));

        // A voiding statement cannot be voided.
        var again = Statement(mbox, XapiValidator.VoidedVerb);
        again["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = voiding["id"]!.GetValue<string>() };
        await (await client.PostAsync("/xapi/statements", Body(again))).ProblemAsync(HttpStatusCode.BadRequest);
        // A voiding statement's object must be a StatementRef.
        await (await client.PostAsync("/xapi/statements", Body(Statement(mbox, XapiValidator.VoidedVerb)))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<XapiStatement>().CountAsync(s => s.ActorKey == "mbox:" + mbox)));

        // A statement the LRS does not have yet is no ground for refusing its voiding (xAPI SHOULD NOT): the target is
        // stored voided when it arrives, and only a voidedStatementId request returns it.
        var late = Statement(mbox);
        var lateId = late["id"]!.GetValue<string>();
        var early = Statement(mbox, XapiValidator.VoidedVerb);
        early["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = lateId };
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/xapi/statements", Body(early))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/xapi/statements", Body(late))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/xapi/statements?statementId=" + lateId)).StatusCode);
        Assert.Equal(lateId, (await (await client.GetAsync("/xapi/statements?voidedStatementId=" + lateId)).JsonAsync()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/xapi/statements?statementId=" + early["id"])).StatusCode);
        Assert.Equal([early["id"]!.GetValue<string>(), voiding["id"]!.GetValue<string>()], Ids(await QueryAsync(client, "agent=" + Agent(mbox))));
    }

    [Theory, BothProviders]
    public async Task Filters_also_return_the_statements_targeting_a_match_through_StatementRefs_recursively(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (client, _, _) = await LrsClientAsync(app);
        string Id(JsonObject s) => s["id"]!.GetValue<string>();
        async Task PostAsync(JsonObject s) => Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/xapi/statements", Body(s))).StatusCode);
        JsonObject Targeting(string mbox, string verb, JsonObject target) =>
            Statement(mbox, verb).Also(x => x["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = Id(target) });
        var (ana, ben, carla, other) = (Mbox(), Mbox(), Mbox(), Mbox());
        var verb = "http://example.org/verbs/passed-" + Guid.NewGuid().ToString("N");
        var confirmed = "http://example.org/verbs/confirmed-" + Guid.NewGuid().ToString("N");
        var activity = "http://example.org/activities/explosives-" + Guid.NewGuid().ToString("N");
        var registration = Guid.NewGuid();
        // A: Ana passed the activity; B: Ben confirmed A; C: Carla confirmed B; D: Ben did something else entirely.
        var a = Statement(ana, verb, activity).Also(x => x["context"] = new JsonObject { ["registration"] = registration.ToString() });
        var b = Targeting(ben, confirmed, a);
        var c = Targeting(carla, confirmed, b);
        var d = Statement(ben, confirmed, "http://example.org/activities/unrelated-" + Guid.NewGuid().ToString("N"));
        var unrelated = Statement(other, verb + "-not");
        foreach (var s in new[] { a, b, c, d, unrelated }) await PostAsync(s);

        foreach (var query in new[] { "agent=" + Agent(ana), "verb=" + Uri.EscapeDataString(verb), "activity=" + Uri.EscapeDataString(activity), "registration=" + registration })
            Assert.Equal([Id(c), Id(b), Id(a)], Ids(await QueryAsync(client, query)));
        Assert.Equal([Id(c), Id(b), Id(a)], Ids(await QueryAsync(client, "agent=" + Agent(ana) + "&verb=" + Uri.EscapeDataString(verb))));
        // B matches Ben itself, C through B; A does not (it targets nothing) and D matches directly, once.
        Assert.Equal([Id(d), Id(c), Id(b)], Ids(await QueryAsync(client, "agent=" + Agent(ben))));
        Assert.Equal([Id(unrelated)], Ids(await QueryAsync(client, "agent=" + Agent(other))));
        // The targeting statements do not meet a verb filter they do not match through what they target.
        Assert.Equal([Id(d), Id(c), Id(b)], Ids(await QueryAsync(client, "verb=" + Uri.EscapeDataString(confirmed))));

        // since, until, limit, ascending and paging apply to the returned statements themselves.
        var bId = Guid.Parse(Id(b));
        var stored = (await app.WithDbAsync(db => db.Set<XapiStatement>().Where(s => s.Id == bId).Select(s => s.Stored).SingleAsync())).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([Id(c)], Ids(await QueryAsync(client, "agent=" + Agent(ana) + "&since=" + Uri.EscapeDataString(stored))));
        Assert.Equal([Id(b), Id(a)], Ids(await QueryAsync(client, "agent=" + Agent(ana) + "&until=" + Uri.EscapeDataString(stored))));
        foreach (var (query, expected) in new[] { ("&limit=1", new[] { Id(c), Id(b), Id(a) }), ("&limit=2&ascending=true", new[] { Id(a), Id(b), Id(c) }) })
        {
            var page = await QueryAsync(client, "agent=" + Agent(ana) + query);
            var seen = Ids(page);
            while (page.GetProperty("more").GetString() is { Length: > 0 } more)
            {
                var response = await client.GetAsync(more);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                page = await response.JsonAsync();
                seen.AddRange(Ids(page));
            }
            Assert.Equal(expected, seen);
        }

        // Voiding A: A leaves the queries; B still targets it, so B and C remain, and so does the voiding statement,
        // which targets A too (xAPI 1.0.3 Part Three 2.1.4, conformance XAPI-00162).
        var voiding = Targeting(other, XapiValidator.VoidedVerb, a);
        await PostAsync(voiding);
        foreach (var query in new[] { "agent=" + Agent(ana), "verb=" + Uri.EscapeDataString(verb), "activity=" + Uri.EscapeDataString(activity) })
            Assert.Equal([Id(voiding), Id(c), Id(b)], Ids(await QueryAsync(client, query)));
        Assert.Equal([Id(voiding), Id(unrelated)], Ids(await QueryAsync(client, "agent=" + Agent(other))));
        var targets = await app.WithDbAsync(db => db.Set<XapiStatement>().Where(s => s.TargetId != null && (s.ActorKey == "mbox:" + ben || s.ActorKey == "mbox:" + carla || s.ActorKey == "mbox:" + other))
            .Select(s => s.TargetId!.Value).ToListAsync());
        Assert.Equal(new[] { Id(a), Id(b), Id(a) }.Select(Guid.Parse).Order(), targets.Order());
    }

    [Theory, BothProviders]
    public async Task Put_stores_once_answers_204_again_for_the_same_statement_and_409_for_a_different_one(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (client, _, _) = await LrsClientAsync(app);
        var id = Guid.NewGuid();
        var s = Statement(Mbox(), id: id);
        s.Remove("id");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsync("/xapi/statements?statementId=" + id, Body(s))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsync("/xapi/statements?statementId=" + id, Body(s))).StatusCode);
        var different = Statement(Mbox(), "http://adlnet.gov/expapi/verbs/failed", id: id);
        await (await client.PutAsync("/xapi/statements?statementId=" + id, Body(different))).ProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsync("/xapi/statements", Body(different))).ProblemAsync(HttpStatusCode.Conflict);
        await (await client.PutAsync("/xapi/statements", Body(s))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PutAsync("/xapi/statements?statementId=" + Guid.NewGuid(), Body(different))).ProblemAsync(HttpStatusCode.BadRequest);
        var rows = await app.WithDbAsync(db => db.Set<XapiStatement>().Where(x => x.Id == id).ToListAsync());
        Assert.Equal("http://adlnet.gov/expapi/verbs/experienced", Assert.Single(rows).VerbId);

        // The id is kept as sent (upper case here) and found whatever its case.
        var upper = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/xapi/statements", Body(Statement(Mbox(), id: upper).Also(x => x["id"] = upper.ToString().ToUpperInvariant())))).StatusCode);
        var back = await (await client.GetAsync("/xapi/statements?statementId=" + upper)).JsonAsync();
        Assert.Equal(upper.ToString().ToUpperInvariant(), back.GetProperty("id").GetString());
    }

    [Theory, BothProviders]
    public async Task More_pages_through_every_statement_exactly_once(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (client, _, _) = await LrsClientAsync(app);
        var mbox = Mbox();
        var all = Enumerable.Range(0, 7).Select(_ => Statement(mbox)).ToList();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/xapi/statements", Body(new JsonArray(all.Take(4).Select(s => (JsonNode?)s.DeepClone()).ToArray())))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/xapi/statements", Body(new JsonArray(all.Skip(4).Select(s => (JsonNode?)s.DeepClone()).ToArray())))).StatusCode);
        var seen = new List<string>();
        var page = await QueryAsync(client, "agent=" + Agent(mbox) + "&limit=3");
        var pages = 1;
        seen.AddRange(Ids(page));
        while (page.GetProperty("more").GetString() is { Length: > 0 } more)
        {
            // A statement stored meanwhile (newer) does not enter a descending walk already under way.
            if (pages == 1) Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/xapi/statements", Body(Statement(mbox)))).StatusCode);
            var response = await client.GetAsync(more);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            page = await response.JsonAsync();
            seen.AddRange(Ids(page));
            pages++;
        }
        Assert.Equal(3, pages);
        Assert.Equal(all.Select(s => s["id"]!.GetValue<string>()).Reverse(), seen);
        await (await client.GetAsync("/xapi/statements?more=not-a-token")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    public static TheoryData<string, string> BadStatements()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { "Sqlite", "Postgres" })
        {
            data.Add(provider, "{\"actor\":{\"mbox\":\"mailto:a@b.org\",\"openid\":\"http://a.org/me\"},\"verb\":{\"id\":\"http://a.org/v\"},\"object\":{\"id\":\"http://a.org/o\"}}");
            data.Add(provider, "{\"actor\":{\"mbox\":\"a@b.org\"},\"verb\":{\"id\":\"http://a.org/v\"},\"object\":{\"id\":\"http://a.org/o\"}}");
            data.Add(provider, "{\"actor\":{\"name\":\"nobody\"},\"verb\":{\"id\":\"http://a.org/v\"},\"object\":{\"id\":\"http://a.org/o\"}}");
            data.Add(provider, "{\"actor\":{\"objectType\":\"Group\"},\"verb\":{\"id\":\"http://a.org/v\"},\"object\":{\"id\":\"http://a.org/o\"}}");
            data.Add(provider, "{\"actor\":{\"mbox\":\"mailto:a@b.org\"},\"verb\":{\"id\":\"not an iri\"},\"object\":{\"id\":\"http://a.org/o\"}}");
            data.Add(provider, "{\"actor\":{\"mbox\":\"mailto:a@b.org\"},\"verb\":{\"id\":\"http://a.org/v\",\"display\":{\"not a tag!\":\"x\"}},\"object\":{\"id\":\"http://a.org/o\"}}");
            data.Add(provider, "{\"actor\":{\"mbox\":\"mailto:a@b.org\"},\"verb\":{\"id\":\"http://a.org/v\"},\"object\":{\"id\":\"http://a.org/o\"},\"result\":{\"score\":{\"scaled\":1.5}}}");
            data.Add(provider, "{\"actor\":{\"mbox\":\"mailto:a@b.org\"},\"verb\":{\"id\":\"http://a.org/v\"},\"object\":{\"id\":\"http://a.org/o\"},\"result\":{\"duration\":\"1 hour\"}}");
            data.Add(provider, "{\"actor\":{\"mbox\":\"mailto:a@b.org\"},\"verb\":{\"id\":\"http://a.org/v\"},\"object\":{\"id\":\"http://a.org/o\"},\"timestamp\":\"yesterday\"}");
            data.Add(provider, "{\"actor\":{\"mbox\":\"mailto:a@b.org\"},\"verb\":{\"id\":\"http://a.org/v\"},\"object\":{\"id\":\"http://a.org/o\"},\"surprise\":1}");
            data.Add(provider, "{\"id\":\"not-a-uuid\",\"actor\":{\"mbox\":\"mailto:a@b.org\"},\"verb\":{\"id\":\"http://a.org/v\"},\"object\":{\"id\":\"http://a.org/o\"}}");
            data.Add(provider, "{\"actor\":{\"mbox\":\"mailto:a@b.org\"},\"verb\":{\"id\":\"http://a.org/v\"},\"object\":{\"objectType\":\"SubStatement\",\"id\":\"" + Guid.NewGuid() + "\",\"actor\":{\"mbox\":\"mailto:a@b.org\"},\"verb\":{\"id\":\"http://a.org/v\"},\"object\":{\"id\":\"http://a.org/o\"}}}");
            data.Add(provider, "{\"actor\":{\"mbox\":\"mailto:a@b.org\"},\"verb\":{\"id\":\"http://a.org/v\"},\"object\":{\"id\":\"http://a.org/o\"},\"context\":{\"extensions\":{\"not-an-iri\":1}}}");
            data.Add(provider, "{\"actor\":{\"mbox\":\"mailto:a@b.org\"},\"verb\":{\"id\":\"http://a.org/v\"},\"object\":{\"id\":\"http://a.org/o\"}");
            data.Add(provider, "{\"actor\":{\"mbox\":\"mailto:a@b.org\"},\"verb\":{\"id\":\"http://a.org/v\"},\"object\":{\"id\":\"http://a.org/o\"},\"context\":null}");
            // A group authority: only an anonymous group of exactly two agents.
            data.Add(provider, "{\"actor\":{\"mbox\":\"mailto:a@b.org\"},\"verb\":{\"id\":\"http://a.org/v\"},\"object\":{\"id\":\"http://a.org/o\"},\"authority\":{\"objectType\":\"Group\",\"mbox\":\"mailto:g@b.org\",\"member\":[{\"mbox\":\"mailto:x@b.org\"},{\"mbox\":\"mailto:y@b.org\"}]}}");
            data.Add(provider, "{\"actor\":{\"mbox\":\"mailto:a@b.org\"},\"verb\":{\"id\":\"http://a.org/v\"},\"object\":{\"id\":\"http://a.org/o\"},\"authority\":{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"mailto:x@b.org\"}]}}");
            data.Add(provider, "{\"actor\":{\"mbox\":\"mailto:a@b.org\"},\"verb\":{\"id\":\"http://a.org/v\"},\"object\":{\"id\":\"http://a.org/o\"},\"authority\":{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"mailto:x@b.org\"},{\"mbox\":\"mailto:y@b.org\"},{\"mbox\":\"mailto:z@b.org\"}]}}");
        }
        return data;
    }

    [Theory, MemberData(nameof(BadStatements))]
    public async Task A_statement_breaking_the_specification_is_refused_with_400_and_nothing_is_stored(string provider, string json)
    {
        var app = apps[Enum.Parse<DatabaseProvider>(provider)];
        var (client, key, _) = await LrsClientAsync(app);
        var problem = await (await client.PostAsync("/xapi/statements", new StringContent(json, Encoding.UTF8, "application/json"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        var marker = "\"name\":\"" + key + "\"";
        var stored = await app.WithDbAsync(db => db.Set<XapiStatement>().CountAsync(s => s.Json.Contains(marker)));
        Assert.Equal(0, stored);
    }

    [Theory, BothProviders]
    public async Task The_version_header_is_required_and_must_be_1_0_x(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (client, _, _) = await LrsClientAsync(app);
        var plain = app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/xapi/statements?limit=1");
        request.Headers.Authorization = client.DefaultRequestHeaders.Authorization;
        var missing = await plain.SendAsync(request);
        await missing.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("1.0.3", missing.Headers.GetValues("X-Experience-API-Version").Single());
        var wrong = new HttpRequestMessage(HttpMethod.Get, "/xapi/statements?limit=1");
        wrong.Headers.Authorization = client.DefaultRequestHeaders.Authorization;
        wrong.Headers.Add("X-Experience-API-Version", "2.0.0");
        await (await plain.SendAsync(wrong)).ProblemAsync(HttpStatusCode.BadRequest);
        // An unknown parameter is refused too.
        await (await client.GetAsync("/xapi/statements?colour=blue")).ProblemAsync(HttpStatusCode.BadRequest);

        // About needs neither credentials nor the header.
        var about = await plain.GetAsync("/xapi/about");
        Assert.Equal(HttpStatusCode.OK, about.StatusCode);
        Assert.Contains("1.0.3", (await about.JsonAsync()).GetProperty("version").EnumerateArray().Select(v => v.GetString()));
    }

    [Theory, BothProviders]
    public async Task Credentials_are_required_and_scopes_are_enforced(DatabaseProvider provider)
    {
        var app = apps[provider];
        var anonymous = app.CreateClient();
        anonymous.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        var refused = await anonymous.GetAsync("/xapi/statements");
        await refused.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.StartsWith("Basic", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        var (reader, readerKey, readerId) = await LrsClientAsync(app, "statements/read");
        var wrong = app.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(readerKey + ":wrong")));
        await (await wrong.GetAsync("/xapi/statements")).ProblemAsync(HttpStatusCode.Unauthorized);

        var mbox = Mbox();
        await (await reader.PostAsync("/xapi/statements", Body(Statement(mbox)))).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<XapiStatement>().CountAsync(s => s.ActorKey == "mbox:" + mbox)));
        await (await reader.PutAsync("/xapi/activities/state?activityId=http%3A%2F%2Fa.org%2Fo&agent=" + Agent(mbox) + "&stateId=s", Body(new JsonObject()))).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/xapi/statements?limit=1")).StatusCode);

        // statements/read/mine sees only what it stored itself.
        var (writer, _, _) = await LrsClientAsync(app, "statements/write", "statements/read/mine");
        var (others, _, _) = await LrsClientAsync(app, "statements/write");
        var mine = Statement(mbox);
        Assert.Equal(HttpStatusCode.OK, (await writer.PostAsync("/xapi/statements", Body(mine))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await others.PostAsync("/xapi/statements", Body(Statement(mbox)))).StatusCode);
        Assert.Equal([mine["id"]!.GetValue<string>()], Ids(await QueryAsync(writer, "agent=" + Agent(mbox))));
        Assert.Equal(2, Ids(await QueryAsync(reader, "agent=" + Agent(mbox))).Count);

        // Only academy staff and administrators manage clients; a revoked client is refused at once.
        var learner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.PostAsJsonAsync("/api/v1/xapi/clients", new { name = "Mine", scopes = new[] { "all" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.DeleteAsync($"/api/v1/xapi/clients/{readerId}")).StatusCode);
        var admin = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        await (await admin.PostAsJsonAsync("/api/v1/xapi/clients", new { name = "Bad", scopes = new[] { "everything" } })).ValidationProblemAsync("scopes");
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/xapi/clients/{readerId}")).StatusCode);
        await (await reader.GetAsync("/xapi/statements?limit=1")).ProblemAsync(HttpStatusCode.Unauthorized);
        var row = await app.WithDbAsync(db => db.Set<XapiClient>().SingleAsync(c => c.Id == readerId));
        Assert.NotNull(row.RevokedAt);
        Assert.Equal(64, row.SecretHash.Length);
    }

    [Theory, BothProviders]
    public async Task Documents_keep_etags_merge_json_and_honour_the_preconditions(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (client, _, _) = await LrsClientAsync(app);
        var agent = Agent(Mbox());
        var activity = Uri.EscapeDataString("http://example.org/activities/" + Guid.NewGuid().ToString("N"));
        var state = $"/xapi/activities/state?activityId={activity}&agent={agent}";

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsync(state + "&stateId=progress", Body(new JsonObject { ["page"] = 1, ["keep"] = "yes" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync(state + "&stateId=progress", Body(new JsonObject { ["page"] = 2 }))).StatusCode);
        var doc = await client.GetAsync(state + "&stateId=progress");
        Assert.NotNull(doc.Headers.ETag);
        var merged = await doc.JsonAsync();
        Assert.Equal(2, merged.GetProperty("page").GetInt32());
        Assert.Equal("yes", merged.GetProperty("keep").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsync(state + "&stateId=note", new StringContent("plain text", Encoding.UTF8, "text/plain"))).StatusCode);
        await (await client.PostAsync(state + "&stateId=note", Body(new JsonObject { ["a"] = 1 }))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("plain text", await client.GetStringAsync(state + "&stateId=note"));
        var list = await (await client.GetAsync(state)).JsonAsync();
        Assert.Equal(["note", "progress"], list.EnumerateArray().Select(x => x.GetString()).ToList());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(state + "&stateId=note")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(state + "&stateId=note")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(state)).StatusCode);
        Assert.Empty((await (await client.GetAsync(state)).JsonAsync()).EnumerateArray());
        await (await client.GetAsync($"/xapi/activities/state?activityId={activity}&agent=%7B%22mbox%22%3A%22nope%22%7D")).ProblemAsync(HttpStatusCode.BadRequest);

        // Activity profile: a blind overwrite is a conflict; a stale ETag fails the precondition.
        var profile = $"/xapi/activities/profile?activityId={activity}&profileId=p1";
        var create = new HttpRequestMessage(HttpMethod.Put, profile) { Content = Body(new JsonObject { ["v"] = 1 }) };
        create.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(create)).StatusCode);
        var again = new HttpRequestMessage(HttpMethod.Put, profile) { Content = Body(new JsonObject { ["v"] = 9 }) };
        again.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
        await (await client.SendAsync(again)).ProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await client.PutAsync(profile, Body(new JsonObject { ["v"] = 2 }))).ProblemAsync(HttpStatusCode.Conflict);
        var stale = new HttpRequestMessage(HttpMethod.Put, profile) { Content = Body(new JsonObject { ["v"] = 3 }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0000000000000000000000000000000000000000\""));
        await (await client.SendAsync(stale)).ProblemAsync(HttpStatusCode.PreconditionFailed);
        var current = await client.GetAsync(profile);
        Assert.Equal(1, (await current.JsonAsync()).GetProperty("v").GetInt32());
        var fresh = new HttpRequestMessage(HttpMethod.Put, profile) { Content = Body(new JsonObject { ["v"] = 4 }) };
        fresh.Headers.IfMatch.Add(current.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(fresh)).StatusCode);
        Assert.Equal(4, (await (await client.GetAsync(profile)).JsonAsync()).GetProperty("v").GetInt32());
        var sha1 = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes("{\"v\":4}")));
        Assert.Equal(sha1, await app.WithDbAsync(db => db.Set<XapiDocument>().Where(d => d.Kind == XapiDocumentKind.ActivityProfile && d.DocumentId == "p1" && d.ActivityId == Uri.UnescapeDataString(activity)).Select(d => d.Sha1).SingleAsync()));

        // Agent profile.
        var agentProfile = $"/xapi/agents/profile?agent={agent}&profileId=prefs";
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync(agentProfile, Body(new JsonObject { ["lang"] = "es" }))).StatusCode);
        Assert.Equal("es", (await (await client.GetAsync(agentProfile)).JsonAsync()).GetProperty("lang").GetString());
        Assert.Equal(["prefs"], (await (await client.GetAsync($"/xapi/agents/profile?agent={agent}")).JsonAsync()).EnumerateArray().Select(x => x.GetString()).ToList());
    }

    [Theory, BothProviders]
    public async Task Attachments_round_trip_as_multipart_and_signatures_must_match_the_statement(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (client, _, _) = await LrsClientAsync(app);
        var content = Encoding.UTF8.GetBytes("Certificate scan " + Guid.NewGuid());
        var sha2 = Convert.ToHexStringLower(SHA256.HashData(content));
        var s = Statement(Mbox());
        s["attachments"] = new JsonArray(new JsonObject
        {
            ["usageType"] = "http://example.org/attachment/scan",
            ["display"] = new JsonObject { ["en-US"] = "Scan" },
            ["contentType"] = "text/plain",
            ["length"] = content.Length,
            ["sha2"] = sha2,
        });
        // Without the part it is refused; with a part whose content does not match its hash too.
        await (await client.PostAsync("/xapi/statements", Body(s))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsync("/xapi/statements", Multipart(s, ("text/plain", Encoding.UTF8.GetBytes("tampered"), sha2)))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/xapi/statements", Multipart(s, ("text/plain", content, sha2)))).StatusCode);

        var response = await client.GetAsync($"/xapi/statements?statementId={s["id"]}&attachments=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("multipart/mixed", response.Content.Headers.ContentType?.MediaType);
        var reader = new MultipartReader(response.Content.Headers.ContentType!.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"'), await response.Content.ReadAsStreamAsync());
        var first = await reader.ReadNextSectionAsync();
        Assert.Equal(s["id"]!.GetValue<string>(), JsonNode.Parse(await new StreamReader(first!.Body).ReadToEndAsync())!["id"]!.GetValue<string>());
        var part = await reader.ReadNextSectionAsync();
        Assert.Equal(sha2, part!.Headers!["X-Experience-API-Hash"].ToString());
        using var ms = new MemoryStream();
        await part.Body.CopyToAsync(ms);
        Assert.Equal(content, ms.ToArray());
        Assert.Null(await reader.ReadNextSectionAsync());

        // A signed statement: its JWS payload must be the statement.
        using var rsa = RSA.Create(2048);
        var signed = Statement(Mbox());
        var (ok, okHash) = Jws(rsa, signed);
        signed["attachments"] = new JsonArray(SignatureAttachment(ok, okHash));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/xapi/statements", Multipart(signed, ("application/octet-stream", ok, okHash)))).StatusCode);
        var forged = Statement(Mbox());
        var other = Statement(Mbox());
        var (bad, badHash) = Jws(rsa, other);
        forged["attachments"] = new JsonArray(SignatureAttachment(bad, badHash));
        await (await client.PostAsync("/xapi/statements", Multipart(forged, ("application/octet-stream", bad, badHash)))).ProblemAsync(HttpStatusCode.BadRequest);
        var garbage = Encoding.ASCII.GetBytes("not a jws");
        var garbageHash = Convert.ToHexStringLower(SHA256.HashData(garbage));
        var broken = Statement(Mbox());
        broken["attachments"] = new JsonArray(SignatureAttachment(garbage, garbageHash));
        await (await client.PostAsync("/xapi/statements", Multipart(broken, ("application/octet-stream", garbage, garbageHash)))).ProblemAsync(HttpStatusCode.BadRequest);
        var forgedId = Guid.Parse(forged["id"]!.GetValue<string>());
        var brokenId = Guid.Parse(broken["id"]!.GetValue<string>());
        Assert.False(await app.WithDbAsync(db => db.Set<XapiStatement>().AnyAsync(x => x.Id == forgedId || x.Id == brokenId)));
    }

    private static JsonObject SignatureAttachment(byte[] jws, string hash) => new()
    {
        ["usageType"] = XapiValidator.SignatureUsage,
        ["display"] = new JsonObject { ["en-US"] = "Signature" },
        ["contentType"] = "application/octet-stream",
        ["length"] = jws.Length,
        ["sha2"] = hash,
    };

    private static (byte[] Jws, string Sha2) Jws(RSA rsa, JsonObject statement)
    {
        static string B64(byte[] b) => WebEncoders.Base64UrlEncode(b);
        var head = B64(Encoding.UTF8.GetBytes("{\"alg\":\"RS256\"}")) + "." + B64(Encoding.UTF8.GetBytes(statement.ToJsonString()));
        var jws = Encoding.ASCII.GetBytes(head + "." + B64(rsa.SignData(Encoding.ASCII.GetBytes(head), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)));
        return (jws, Convert.ToHexStringLower(SHA256.HashData(jws)));
    }

    private static MultipartContent Multipart(JsonObject statement, params (string Type, byte[] Content, string Sha2)[] parts)
    {
        var multipart = new MultipartContent("mixed");
        multipart.Add(new StringContent(statement.ToJsonString(), Encoding.UTF8, "application/json"));
        foreach (var (type, content, sha2) in parts)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            part.Headers.Add("Content-Transfer-Encoding", "binary");
            part.Headers.Add("X-Experience-API-Hash", sha2);
            multipart.Add(part);
        }
        return multipart;
    }

    [Theory, BothProviders]
    public async Task The_alternate_request_syntax_carries_method_headers_and_content_in_a_form(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (client, _, _) = await LrsClientAsync(app);
        var mbox = Mbox();
        var s = Statement(mbox);
        var plain = app.CreateClient();
        var form = new Dictionary<string, string>
        {
            ["Authorization"] = client.DefaultRequestHeaders.Authorization!.ToString(),
            ["X-Experience-API-Version"] = "1.0.3",
            ["Content-Type"] = "application/json",
            ["statementId"] = s["id"]!.GetValue<string>(),
            ["content"] = s.ToJsonString(),
        };
        Assert.Equal(HttpStatusCode.NoContent, (await plain.PostAsync("/xapi/statements?method=PUT", new FormUrlEncodedContent(form))).StatusCode);
        var get = new Dictionary<string, string>
        {
            ["Authorization"] = form["Authorization"],
            ["X-Experience-API-Version"] = "1.0.3",
            ["agent"] = new JsonObject { ["mbox"] = mbox }.ToJsonString(),
        };
        var found = await plain.PostAsync("/xapi/statements?method=GET", new FormUrlEncodedContent(get));
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal([s["id"]!.GetValue<string>()], Ids(await found.JsonAsync()));
        await (await plain.PostAsync("/xapi/statements?method=GET&limit=1", new FormUrlEncodedContent(get))).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, BothProviders]
    public async Task An_academy_event_delivered_twice_is_recorded_as_exactly_one_statement(DatabaseProvider provider)
    {
        var app = apps[provider];
        var learner = Guid.NewGuid();
        var enrolment = Guid.NewGuid();
        var lesson = Guid.NewGuid();
        var e = new AcademyLearningEvent($"lesson-launched:{enrolment}:{lesson}", AcademyStatements.Verbs.Launched, learner,
            $"academy/lessons/{lesson}", "Lesson one", AcademyStatements.ActivityTypes.Lesson, enrolment, DateTimeOffset.UtcNow);
        await app.WithDbAsync(async db =>
        {
            AcademyStatements.Queue(db, e);
            AcademyStatements.Queue(db, e);
            return await db.SaveChangesAsync();
        });
        await app.WaitForOutboxDrainedAsync();
        var id = AcademyStatements.StatementId(e.Key);
        var rows = await app.WithDbAsync(db => db.Set<XapiStatement>().Where(s => s.Registration == enrolment).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal(id, row.Id);
        Assert.Equal(AcademyStatements.Verbs.Launched, row.VerbId);
        Assert.Equal("account:http://localhost|" + learner, row.ActorKey);

        // A client of the LRS reads it by the learner's account.
        var (client, _, _) = await LrsClientAsync(app, "all/read");
        var agent = Uri.EscapeDataString(new JsonObject { ["account"] = new JsonObject { ["homePage"] = "http://localhost", ["name"] = learner.ToString() } }.ToJsonString());
        var found = (await QueryAsync(client, "agent=" + agent)).GetProperty("statements");
        Assert.Equal(id.ToString(), Assert.Single(found.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("http://localhost/academy/lessons/" + lesson, found[0].GetProperty("object").GetProperty("id").GetString());
    }

    [Theory, BothProviders]
    public async Task A_course_completion_records_its_statements_once(DatabaseProvider provider)
    {
        var app = apps[provider];
        // The completion event is delivered twice (see CertificateTests): one "earned" statement for the certificate.
        var (code, _, enrolment, _) = await Certificates.CertificateTests.CompletedAsync(app);
        await app.WaitForOutboxDrainedAsync();
        var earned = await app.WithDbAsync(db => db.Set<XapiStatement>().Where(s => s.Registration == enrolment && s.VerbId == AcademyStatements.Verbs.Earned).ToListAsync());
        Assert.EndsWith("/verify/" + code, Assert.Single(earned).ActivityId, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Staff_create_and_revoke_client_applications_on_their_page_and_learners_cannot_see_it(DatabaseProvider provider)
    {
        var app = apps[provider];
        var staff = await PageClientAsync(app, await app.CreateUserAsync(HemisphereRole.Administrator));
        var learner = await PageClientAsync(app, await app.CreateUserAsync(HemisphereRole.Learner));
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync("/academy/records/clients")).StatusCode);

        var name = "Simulator " + Guid.NewGuid().ToString("N")[..6];
        var created = await staff.PostAsync("/academy/records/clients?handler=Create", new FormUrlEncodedContent(
        [
            new("Name", name), new("Scopes", "statements/write"), new("Scopes", "statements/read/mine"),
            new("__RequestVerificationToken", await staff.AntiforgeryTokenAsync("/academy/records/clients")),
        ]));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var html = await created.Content.ReadAsStringAsync();
        var client = await app.WithDbAsync(db => db.Set<XapiClient>().SingleAsync(c => c.Name == name));
        Assert.Equal("statements/write statements/read/mine", client.Scopes);
        Assert.Contains(client.Key, html, StringComparison.Ordinal);
        // The secret on the page is the one that works.
        var secret = System.Text.RegularExpressions.Regex.Match(html, "<dd><code>([A-Za-z0-9_-]{40,})</code></dd>").Groups[1].Value;
        var lrs = app.CreateClient();
        lrs.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(client.Key + ":" + secret)));
        lrs.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        Assert.Equal(HttpStatusCode.OK, (await lrs.GetAsync("/xapi/statements?limit=1")).StatusCode);
        // The secret is not shown again.
        Assert.DoesNotContain(secret, await staff.GetStringAsync("/academy/records/clients"), StringComparison.Ordinal);

        var revoked = await staff.PostFormAsync("/academy/records/clients?handler=Revoke", new() { ["Id"] = client.Id.ToString() }, "/academy/records/clients");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await lrs.GetAsync("/xapi/statements?limit=1")).StatusCode);
    }

    private static async Task<HttpClient> PageClientAsync(HemisphereApp app, TestUser user)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account/login", new() { ["Email"] = user.Email, ["Password"] = user.Password })).StatusCode);
        return client;
    }

    [Theory, BothProviders]
    public async Task A_learner_reading_every_lesson_leaves_one_statement_per_event_even_when_opening_them_twice(DatabaseProvider provider)
    {
        var app = apps[provider];
        var staff = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var course = await AcademyApiTests.PublishedCourseAsync(staff, "XAPI-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant());
        var edition = await AcademyApiTests.EditionAsync(staff, course.Id);
        var learner = await app.ClientForAsync(await app.CreateUserAsync(HemisphereRole.Learner));
        var enrolled = await learner.PostAsync($"/api/v1/academy/editions/{edition}/enrol", null);
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        var enrolmentId = (await enrolled.JsonAsync()).GetProperty("id").GetGuid();
        foreach (var lesson in course.Lessons)
            await Task.WhenAll(learner.GetAsync($"/api/v1/academy/lessons/{lesson}"), learner.GetAsync($"/api/v1/academy/lessons/{lesson}"));
        await app.WaitForOutboxDrainedAsync();
        await app.WaitForOutboxDrainedAsync();
        var learnerId = await app.WithDbAsync(db => db.Enrolments.Where(e => e.Id == enrolmentId).Select(e => e.LearnerId).SingleAsync());
        var rows = await app.WithDbAsync(db => db.Set<XapiStatement>().Where(s => s.Registration == enrolmentId).ToListAsync());
        Assert.All(rows, r => Assert.Equal("account:http://localhost|" + learnerId, r.ActorKey));
        Assert.Equal(course.Lessons.Select(l => "http://localhost/academy/lessons/" + l).Order(),
            rows.Where(r => r.VerbId == AcademyStatements.Verbs.Launched).Select(r => r.ActivityId).Order());
        Assert.Equal("http://localhost/academy/courses/" + course.Id, Assert.Single(rows, r => r.VerbId == AcademyStatements.Verbs.Completed).ActivityId);
        Assert.Single(rows, r => r.VerbId == AcademyStatements.Verbs.Earned);
        Assert.Equal(4, rows.Count);
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject o, Action<JsonObject> change)
    {
        change(o);
        return o;
    }
}
