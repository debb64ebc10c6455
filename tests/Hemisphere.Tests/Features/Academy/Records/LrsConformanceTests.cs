using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hemisphere.Features.Academy;
using Hemisphere.Features.Academy.Programmes;
using Hemisphere.Features.Academy.Records;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Outbox;
using Hemisphere.Tests.Features.Academy.Quizzes;
using Hemisphere.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hemisphere.Tests.Features.Academy.Accreditation.AccreditationWorld;
using static Hemisphere.Tests.Features.Academy.Records.LrsTests;

namespace Hemisphere.Tests.Features.Academy.Records;

/// <summary>
/// The xAPI 1.0.3 requirements the ADL LRS conformance suite checks and an earlier audit found missing: the canonical
/// format's languages, the agent filter on groups, CORS, request size, the headers every answer carries, the document
/// resources' edge cases; and the academy events that reach the LRS late (essay grades, programme certificates).
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class LrsConformanceTests(Apps apps)
{
    private static JsonObject Map(params (string Lang, string Text)[] entries)
    {
        var o = new JsonObject();
        foreach (var (lang, text) in entries) o[lang] = text;
        return o;
    }

    private static async Task<JsonObject> GetJsonAsync(HttpClient client, string url, string? acceptLanguage)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null) request.Headers.Add("Accept-Language", acceptLanguage);
        var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static List<string> Keys(JsonNode? map) => map!.AsObject().Select(p => p.Key).ToList();

    [Theory, BothProviders]
    public async Task Canonical_format_keeps_one_language_per_map_chosen_by_accept_language_and_exact_keeps_them_all(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (client, _, _) = await LrsClientAsync(app);
        var mbox = Mbox();
        var s = Statement(mbox);
        s["verb"]!["display"] = Map(("en-US", "attended"), ("en-GB", "attended (GB)"), ("es", "asistió"));
        s["object"]!["definition"] = new JsonObject
        {
            ["name"] = Map(("en-US", "Meeting"), ("en-GB", "Meeting (GB)")),
            ["description"] = Map(("en-US", "A meeting"), ("en-GB", "A meeting (GB)"), ("fr", "Une réunion")),
            ["interactionType"] = "choice",
            ["choices"] = new JsonArray(new JsonObject { ["id"] = "a", ["description"] = Map(("en-US", "Yes"), ("es", "Sí")) }),
        };
        s["context"] = new JsonObject
        {
            ["contextActivities"] = new JsonObject
            {
                ["category"] = new JsonArray(new JsonObject
                {
                    ["id"] = "http://example.org/category/" + Guid.NewGuid().ToString("N"),
                    ["definition"] = new JsonObject { ["name"] = Map(("en-US", "Category"), ("en-GB", "Category (GB)")) },
                }),
            },
        };
        var id = s["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/xapi/statements", Body(s))).StatusCode);

        // en-GB asked: every map keeps en-GB where it has it; a map without it keeps one entry.
        var gb = await GetJsonAsync(client, $"/xapi/statements?statementId={id}&format=canonical", "en-GB");
        Assert.Equal(["en-GB"], Keys(gb["verb"]!["display"]));
        Assert.Equal(["en-GB"], Keys(gb["object"]!["definition"]!["name"]));
        Assert.Equal(["en-GB"], Keys(gb["object"]!["definition"]!["description"]));
        Assert.Single(Keys(gb["object"]!["definition"]!["choices"]![0]!["description"]));
        Assert.Equal(["en-GB"], Keys(gb["context"]!["contextActivities"]!["category"]![0]!["definition"]!["name"]));
        // The agents are as received.
        Assert.Equal(mbox, gb["actor"]!["mbox"]!.GetValue<string>());

        // Quality values: Spanish first, then any English.
        var es = await GetJsonAsync(client, $"/xapi/statements?statementId={id}&format=canonical", "es, en;q=0.5, *;q=0.1");
        Assert.Equal(["es"], Keys(es["verb"]!["display"]));
        Assert.Equal(["es"], Keys(es["object"]!["definition"]!["choices"]![0]!["description"]));
        Assert.Equal(["en-US"], Keys(es["object"]!["definition"]!["name"]));
        var fr = await GetJsonAsync(client, $"/xapi/statements?agent={Agent(mbox)}&format=canonical", "fr-CA, fr;q=0.9");
        var listed = fr["statements"]![0]!;
        Assert.Equal(["fr"], Keys(listed["object"]!["definition"]!["description"]));
        Assert.Single(Keys(listed["verb"]!["display"]));

        // Without format (exact) the header changes nothing.
        var exact = await GetJsonAsync(client, $"/xapi/statements?statementId={id}", "en-GB");
        Assert.Equal(["en-US", "en-GB", "es"], Keys(exact["verb"]!["display"]));
        Assert.Equal(["en-US", "en-GB"], Keys(exact["context"]!["contextActivities"]!["category"]![0]!["definition"]!["name"]));
    }

    [Theory, BothProviders]
    public async Task The_agent_filter_matches_the_groups_an_agent_is_member_of_but_an_identified_group_matches_only_itself(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (client, _, _) = await LrsClientAsync(app);
        var person = Mbox();
        var team = Mbox();
        // 1: the person alone; 2: an anonymous group with the person as member; 3: the identified team (person inside);
        // 4: an anonymous group whose member happens to have the team's identifier.
        var alone = Statement(person);
        var anonymous = Statement(Mbox());
        anonymous["actor"] = new JsonObject { ["objectType"] = "Group", ["member"] = new JsonArray(new JsonObject { ["mbox"] = person }, new JsonObject { ["mbox"] = Mbox() }) };
        var identified = Statement(Mbox());
        identified["actor"] = new JsonObject { ["objectType"] = "Group", ["mbox"] = team, ["member"] = new JsonArray(new JsonObject { ["mbox"] = person }) };
        var lookalike = Statement(Mbox());
        lookalike["actor"] = new JsonObject { ["objectType"] = "Group", ["member"] = new JsonArray(new JsonObject { ["objectType"] = "Agent", ["mbox"] = team }) };
        // 5: the person is both the actor and a member of the object group: found once.
        var both = Statement(person);
        both["object"] = new JsonObject { ["objectType"] = "Group", ["member"] = new JsonArray(new JsonObject { ["mbox"] = person }) };
        var all = new[] { alone, anonymous, identified, lookalike, both };
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/xapi/statements", Body(new JsonArray(all.Select(x => (JsonNode?)x.DeepClone()).ToArray())))).StatusCode);
        string Id(JsonObject x) => x["id"]!.GetValue<string>();

        Assert.Equal([Id(both), Id(identified), Id(anonymous), Id(alone)], Ids(await QueryAsync(client, "agent=" + Agent(person))));
        var teamAsGroup = Uri.EscapeDataString(new JsonObject { ["objectType"] = "Group", ["mbox"] = team }.ToJsonString());
        Assert.Equal([Id(identified)], Ids(await QueryAsync(client, "agent=" + teamAsGroup)));
        Assert.Equal([Id(identified)], Ids(await QueryAsync(client, "agent=" + teamAsGroup + "&related_agents=true")));
        // The same identifier given as an Agent: equal to the identified group, and a member of the look-alike group.
        Assert.Equal([Id(lookalike), Id(identified)], Ids(await QueryAsync(client, "agent=" + Agent(team))));
        Assert.Equal([Id(lookalike), Id(identified)], Ids(await QueryAsync(client, "agent=" + Agent(team) + "&related_agents=true")));
        Assert.Equal([Id(both), Id(identified), Id(anonymous), Id(alone)], Ids(await QueryAsync(client, "agent=" + Agent(person) + "&verb=" + Uri.EscapeDataString("http://adlnet.gov/expapi/verbs/experienced"))));
    }

    [Theory, BothProviders]
    public async Task Cors_preflights_are_answered_and_every_answer_exposes_the_xapi_headers_to_the_calling_origin(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (client, _, _) = await LrsClientAsync(app);
        const string origin = "https://packages.example.net";
        var plain = app.CreateClient();

        // The preflight of a cross-origin PUT (no credentials, no version header: browsers send neither).
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/xapi/activities/state?activityId=http%3A%2F%2Fa.org%2Fo");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "PUT");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-experience-api-version,if-match");
        var answer = await plain.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal(origin, answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("true", answer.Headers.GetValues("Access-Control-Allow-Credentials").Single());
        Assert.Contains("PUT", answer.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        var allowed = answer.Headers.GetValues("Access-Control-Allow-Headers").Single().Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        foreach (var h in new[] { "authorization", "content-type", "x-experience-api-version", "if-match", "if-none-match" }) Assert.Contains(h, allowed);

        // A real cross-origin request: the origin is echoed and the xAPI headers exposed.
        var get = new HttpRequestMessage(HttpMethod.Get, "/xapi/statements?limit=1");
        get.Headers.Add("Origin", origin);
        var response = await client.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var exposed = response.Headers.GetValues("Access-Control-Expose-Headers").Single().Split(',').Select(h => h.Trim()).ToList();
        foreach (var h in new[] { "ETag", "Last-Modified", "X-Experience-API-Version", "X-Experience-API-Consistent-Through" }) Assert.Contains(h, exposed);
        Assert.Contains("Origin", response.Headers.Vary);

        // Errors carry them too (a script must be able to read a 401).
        var refused = new HttpRequestMessage(HttpMethod.Get, "/xapi/statements");
        refused.Headers.Add("Origin", origin);
        refused.Headers.Add("X-Experience-API-Version", "1.0.3");
        var unauthorized = await plain.SendAsync(refused);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(origin, unauthorized.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("1.0.3", unauthorized.Headers.GetValues("X-Experience-API-Version").Single());

        // Without an Origin there is nothing to allow; an OPTIONS that is no preflight is not answered as one.
        Assert.False((await client.GetAsync("/xapi/statements?limit=1")).Headers.Contains("Access-Control-Allow-Origin"));
        var bare = new HttpRequestMessage(HttpMethod.Options, "/xapi/statements");
        bare.Headers.Add("X-Experience-API-Version", "1.0.3");
        bare.Headers.Authorization = client.DefaultRequestHeaders.Authorization;
        await (await plain.SendAsync(bare)).ProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Theory, BothProviders]
    public async Task The_statement_resource_sends_consistent_through_and_the_version_on_every_answer_errors_included(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (client, _, _) = await LrsClientAsync(app);
        var plain = app.CreateClient();
        // No header at all (the suite's "misusing GET"): 400, still with both headers.
        var misuse = await plain.GetAsync("/xapi/statements");
        await misuse.ProblemAsync(HttpStatusCode.BadRequest);
        var through = misuse.Headers.GetValues("X-Experience-API-Consistent-Through").Single();
        Assert.True(DateTimeOffset.TryParse(through, System.Globalization.CultureInfo.InvariantCulture, out _), through);
        Assert.Equal("1.0.3", misuse.Headers.GetValues("X-Experience-API-Version").Single());
        var notFound = await client.GetAsync("/xapi/statements?statementId=" + Guid.NewGuid());
        await notFound.ProblemAsync(HttpStatusCode.NotFound);
        Assert.True(notFound.Headers.Contains("X-Experience-API-Consistent-Through"));
        // (An OAuth-style authority, an anonymous group of two agents, is accepted; the LRS puts the client's own in its place.)
        var withAuthority = Statement(Mbox());
        withAuthority["authority"] = new JsonObject { ["objectType"] = "Group", ["member"] = new JsonArray(new JsonObject { ["mbox"] = Mbox() }, new JsonObject { ["mbox"] = Mbox() }) };
        var post = await client.PostAsync("/xapi/statements", Body(withAuthority));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var authority = (await (await client.GetAsync("/xapi/statements?statementId=" + withAuthority["id"])).JsonAsync()).GetProperty("authority");
        Assert.True(authority.TryGetProperty("account", out _));
        Assert.True(post.Headers.Contains("X-Experience-API-Consistent-Through"));
        // Other resources do not carry it.
        Assert.False((await plain.GetAsync("/xapi/about")).Headers.Contains("X-Experience-API-Consistent-Through"));

        // A method a resource does not have is 405 even without credentials (as the suite asks).
        foreach (var (method, url) in new[] { ("DELETE", "/xapi/statements?statementId=" + Guid.NewGuid()), ("DELETE", "/xapi/activities?activityId=http%3A%2F%2Fa.org%2Fo"), ("POST", "/xapi/activities?activityId=http%3A%2F%2Fa.org%2Fo"), ("PUT", "/xapi/agents?agent=" + Agent(Mbox())), ("DELETE", "/xapi/agents?agent=" + Agent(Mbox())) })
        {
            var wrong = new HttpRequestMessage(new HttpMethod(method), url);
            wrong.Headers.Add("X-Experience-API-Version", "1.0.1");
            var refused = await plain.SendAsync(wrong);
            await refused.ProblemAsync(HttpStatusCode.MethodNotAllowed);
            Assert.Equal("1.0.3", refused.Headers.GetValues("X-Experience-API-Version").Single());
        }
        await (await client.GetAsync("/xapi/nothing-here")).ProblemAsync(HttpStatusCode.NotFound);

        // HEAD answers as GET, without a body.
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/xapi/statements?limit=1"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        var aboutHead = await plain.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/xapi/about"));
        Assert.Equal(HttpStatusCode.OK, aboutHead.StatusCode);
        Assert.Empty(await aboutHead.Content.ReadAsByteArrayAsync());
    }

    /// <summary>A body of <paramref name="size"/> bytes whose length is not announced (sent chunked).</summary>
    private sealed class UnannouncedContent(long size) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
            for (long sent = 0; sent < size; sent += chunk.Length) await stream.WriteAsync(chunk);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Theory, BothProviders]
    public async Task A_request_larger_than_the_limit_is_refused_with_413_and_changes_nothing(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (client, _, _) = await LrsClientAsync(app);
        var mbox = Mbox();
        var s = Statement(mbox);
        s["result"] = new JsonObject { ["response"] = new string('x', (int)XapiEndpoints.MaxRequestBytes) };
        var big = await client.PostAsync("/xapi/statements", Body(s));
        await big.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.True(big.Headers.Contains("X-Experience-API-Consistent-Through"));
        // Chunked (no Content-Length): counted while read.
        var chunked = new UnannouncedContent(XapiEndpoints.MaxRequestBytes + 1);
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await (await client.PostAsync("/xapi/statements", chunked)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<XapiStatement>().CountAsync(x => x.ActorKey == "mbox:" + mbox)));

        // A document too.
        var state = $"/xapi/activities/state?activityId=http%3A%2F%2Fa.org%2Fo&agent={Agent(mbox)}&stateId=huge";
        var document = new ByteArrayContent(new byte[XapiEndpoints.MaxRequestBytes + 1]);
        document.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        await (await client.PutAsync(state, document)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await client.GetAsync(state)).ProblemAsync(HttpStatusCode.NotFound);
        // Just under the limit is fine.
        var fits = new ByteArrayContent(new byte[1024 * 1024]);
        fits.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsync(state, fits)).StatusCode);
    }

    [Theory, BothProviders]
    public async Task Document_resources_follow_the_suite_on_since_empty_posts_agent_profile_puts_and_last_modified(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (client, _, _) = await LrsClientAsync(app);
        var agent = Agent(Mbox());
        var activity = Uri.EscapeDataString("http://example.org/activities/" + Guid.NewGuid().ToString("N"));
        var state = $"/xapi/activities/state?activityId={activity}&agent={agent}";
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync(state + "&stateId=s1", Body(new JsonObject { ["a"] = 1 }))).StatusCode);
        // since with a stateId is accepted (and validated); the document is answered.
        var since = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-1).ToString("o"));
        Assert.Equal(1, (await (await client.GetAsync(state + "&stateId=s1&since=" + since)).JsonAsync()).GetProperty("a").GetInt32());
        await (await client.GetAsync(state + "&stateId=s1&since=not-a-timestamp")).ProblemAsync(HttpStatusCode.BadRequest);
        // A list of ids says when the latest changed.
        var list = await client.GetAsync(state + "&since=" + since);
        Assert.Equal(["s1"], (await list.JsonAsync()).EnumerateArray().Select(x => x.GetString()).ToList());
        Assert.NotNull(list.Content.Headers.LastModified);

        // A POST with no document is refused and stores nothing.
        var profile = $"/xapi/activities/profile?activityId={activity}&profileId=empty";
        await (await client.PostAsync(profile, null)).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync(profile)).ProblemAsync(HttpStatusCode.NotFound);
        // An Activity Profile PUT of a new document needs no precondition; an Agent Profile PUT does.
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsync($"/xapi/activities/profile?activityId={activity}&profileId=new", Body(new JsonObject { ["v"] = 1 }))).StatusCode);
        var agentProfile = $"/xapi/agents/profile?agent={agent}&profileId=prefs";
        await (await client.PutAsync(agentProfile, Body(new JsonObject { ["v"] = 1 }))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync(agentProfile)).ProblemAsync(HttpStatusCode.NotFound);
        var create = new HttpRequestMessage(HttpMethod.Put, agentProfile) { Content = Body(new JsonObject { ["v"] = 2 }) };
        create.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(create)).StatusCode);
        var stored = await client.GetAsync(agentProfile);
        Assert.Matches("^\"[0-9a-f]{40}\"$", stored.Headers.ETag!.ToString());
        Assert.Equal(2, (await stored.JsonAsync()).GetProperty("v").GetInt32());
        // Existing, no precondition: 409 (unchanged).
        await (await client.PutAsync(agentProfile, Body(new JsonObject { ["v"] = 3 }))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(2, (await (await client.GetAsync(agentProfile)).JsonAsync()).GetProperty("v").GetInt32());
        // Non-JSON posted onto a JSON document: 400, unchanged.
        var text = new StringContent("abcdefg", Encoding.UTF8, "application/octet-stream");
        await (await client.PostAsync(agentProfile, text)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(2, (await (await client.GetAsync(agentProfile)).JsonAsync()).GetProperty("v").GetInt32());
    }

    [Theory, BothProviders]
    public async Task The_alternate_request_syntax_is_refused_when_misused(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (client, _, _) = await LrsClientAsync(app);
        var s = Statement(Mbox());
        var id = s["id"]!.GetValue<string>();
        // Not a POST; other query parameters; no form body; a JSON body instead of a form.
        await (await client.GetAsync("/xapi/statements?method=POST")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsync("/xapi/statements?method=PUT&statementId=" + id, new FormUrlEncodedContent(new Dictionary<string, string> { ["statementId"] = id, ["content"] = s.ToJsonString() }))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsync("/xapi/statements?method=PUT", null)).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsync("/xapi/statements?method=PUT", new StringContent(JsonSerializer.Serialize(new { statementId = id, content = s.ToJsonString() }), Encoding.UTF8, "application/x-www-form-urlencoded"))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/xapi/statements?statementId=" + id)).ProblemAsync(HttpStatusCode.NotFound);
        // The headers as form fields (here, a cross-origin package with no headers of its own but Content-Type).
        var plain = app.CreateClient();
        var form = new HttpRequestMessage(HttpMethod.Post, "/xapi/statements?method=PUT")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Authorization"] = client.DefaultRequestHeaders.Authorization!.ToString(),
                ["X-Experience-API-Version"] = "1.0.3",
                ["statementId"] = id,
                ["content"] = s.ToJsonString(),
            }),
        };
        form.Headers.Add("Origin", "https://packages.example.net");
        var stored = await plain.SendAsync(form);
        Assert.Equal(HttpStatusCode.NoContent, stored.StatusCode);
        Assert.Equal("https://packages.example.net", stored.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/xapi/statements?statementId=" + id)).StatusCode);
    }

    [Theory, BothProviders]
    public async Task An_essay_graded_later_records_the_quiz_result_once_when_the_attempt_is_graded(DatabaseProvider provider)
    {
        var app = apps[provider];
        var world = await QuizWorld.CreateAsync(app);
        var quizId = await world.AddQuizAsync(passing: 60);
        var learner = await world.AddLearnerAsync();
        var attempt = await QuizWorld.StartAsync(learner.Client, quizId);
        var attemptId = attempt.GetProperty("id").GetGuid();
        var submitted = await (await QuizWorld.SubmitAsync(learner.Client, attemptId, QuizWorld.Answers(attempt))).JsonAsync();
        Assert.Equal("submitted", submitted.GetProperty("state").GetString());
        await app.WaitForOutboxDrainedAsync();
        var id = AcademyStatements.StatementId("quiz-attempt:" + attemptId);
        // Nothing is recorded while the essay waits.
        Assert.False(await app.WithDbAsync(db => db.Set<XapiStatement>().AnyAsync(s => s.Id == id)));

        var instructor = await world.InstructorAsync();
        var essay = world.Questions[QuestionKind.Essay];
        Assert.Equal(HttpStatusCode.OK, (await instructor.PutAsJsonAsync($"/api/v1/academy/attempts/{attemptId}/grades/{essay}", new { points = 4, comment = "Complete." })).StatusCode);
        // A regrade does not record a second result.
        Assert.Equal(HttpStatusCode.OK, (await instructor.PutAsJsonAsync($"/api/v1/academy/attempts/{attemptId}/grades/{essay}", new { points = 3, comment = "On second reading." })).StatusCode);
        await app.WaitForOutboxDrainedAsync();
        var graded = await app.WithDbAsync(db => db.QuizAttempts.AsNoTracking().SingleAsync(a => a.Id == attemptId));
        var rows = await app.WithDbAsync(db => db.Set<XapiStatement>().Where(s => s.Registration == learner.EnrolmentId && s.ActivityId!.EndsWith("/academy/quizzes/" + quizId)).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal(id, row.Id);
        Assert.Equal(AcademyStatements.Verbs.Passed, row.VerbId);
        Assert.Equal("account:http://localhost|" + learner.LearnerId, row.ActorKey);
        var json = JsonNode.Parse(row.Json)!;
        Assert.True(json["result"]!["success"]!.GetValue<bool>());
        Assert.True(json["result"]!["completion"]!.GetValue<bool>());
        Assert.True(json["result"]!["score"]!["raw"]!.GetValue<double>() > 0);
        Assert.Equal(StatementService.Format(graded.SubmittedAt!.Value), json["timestamp"]!.GetValue<string>());
    }

    [Theory, BothProviders]
    public async Task A_programme_certificate_is_recorded_as_earned_once_however_often_its_event_comes(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (first, firstEdition) = await app.AddEditionAsync();
        var (second, secondEdition) = await app.AddEditionAsync();
        var slug = "lrs-" + Guid.NewGuid().ToString("N")[..8];
        var programme = new AcademyProgramme { Slug = slug, Kind = ProgrammeKind.OnSiteCourse, Title = new() { En = "Programme " + slug, Es = "Programa " + slug } };
        await app.WithDbAsync(async db =>
        {
            db.AcademyProgrammes.Add(programme);
            db.ProgrammeCourses.Add(new ProgrammeCourse { ProgrammeId = programme.Id, CourseId = first.Id, Position = 1 });
            db.ProgrammeCourses.Add(new ProgrammeCourse { ProgrammeId = programme.Id, CourseId = second.Id, Position = 2 });
            return await db.SaveChangesAsync();
        });
        var (learner, _, user) = await app.CompleteAsync(first, firstEdition);
        await app.CompleteAsync(second, secondEdition, learner: learner, user: user);
        var done = new ProgrammeCompleted(learner.Id, user.Id, programme.Id, DateTimeOffset.UtcNow);
        await app.WithDbAsync(async db =>
        {
            db.Outbox.Add(OutboxMessage.Create(ProgrammeCompleted.Kind, done));
            db.Outbox.Add(OutboxMessage.Create(ProgrammeCompleted.Kind, done));
            return await db.SaveChangesAsync();
        });
        await app.WaitForOutboxDrainedAsync();
        await app.WaitForOutboxDrainedAsync();

        var certificate = await app.WithDbAsync(db => db.Certificates.SingleAsync(c => c.ProgrammeId == programme.Id));
        var id = AcademyStatements.StatementId("certificate-earned:" + certificate.Id);
        var row = await app.WithDbAsync(db => db.Set<XapiStatement>().SingleAsync(s => s.ActivityId == "http://localhost/verify/" + certificate.Code));
        Assert.Equal(id, row.Id);
        Assert.Equal(AcademyStatements.Verbs.Earned, row.VerbId);
        Assert.Null(row.Registration);
        Assert.Equal("account:http://localhost|" + learner.Id, row.ActorKey);
        var json = JsonNode.Parse(row.Json)!;
        Assert.Equal("Programme " + slug, json["object"]!["definition"]!["name"]!["en"]!.GetValue<string>());
        Assert.Equal(AcademyStatements.ActivityTypes.Certificate, json["object"]!["definition"]!["type"]!.GetValue<string>());
        // The learner's statements hold one per certificate: two courses and the programme.
        var learnerKey = "account:http://localhost|" + learner.Id;
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<XapiStatement>().CountAsync(s => s.ActorKey == learnerKey && s.VerbId == AcademyStatements.Verbs.Earned)));
    }
}
