using System.Globalization;

namespace Hemisphere.Bench.Run;

/// <summary>
/// One load: the paths wrk cycles through, and what to say when the site does not serve them.
/// Ceiling: the key of the ceiling scenario it is read against (null for a ceiling). Connections: a
/// fixed concurrency for this scenario instead of --connections (large answers). Skip: a reason known
/// before any request (nothing to ask for).
/// </summary>
public sealed record Scenario(string Key, string Title, string Request, IReadOnlyList<string> Paths, string? WhenMissing)
{
    public string? Ceiling { get; init; }
    public int? Connections { get; init; }
    /// <summary>wrk's --timeout in seconds: large answers take longer than the default 10 s under load.</summary>
    public int TimeoutSeconds { get; init; } = 10;
    public string? Skip { get; init; }
    /// <summary>For a ceiling: the bytes its scenario answers, when more than the endpoint serves.</summary>
    public long? CappedFrom { get; init; }
    /// <summary>The paths answer bodies of different sizes: probe them all and take the mean as the scenario's size.</summary>
    public bool ProbeAll { get; init; }
    /// <summary>Bearer tokens of generated members, sent in turn as "Authorization: Bearer …" (signed-in pages); null: anonymous.</summary>
    public IReadOnlyList<string>? Tokens { get; init; }
    /// <summary>Path i belongs to token i (each learner their own attempt): probed pair by pair.</summary>
    public bool Paired { get; init; }
    /// <summary>Another method, headers or bodies (the LRS): sent alike to its ceiling, which reads and drops a body.</summary>
    public WrkSend? Send { get; init; }
}

public static class Scenarios
{
    public const string PeopleFirstPage = "/api/v1/people?page=1&pageSize=20";
    public const string PortfolioDashboard = "/api/v1/portfolio/dashboard";
    public const string Iati = "/api/v1/portfolio/iati";
    public const string ExportJson = "/api/v1/portfolio/export.json";
    public const string LibraryItems = "/api/v1/library/items";

    /// <summary>The search page's three typical queries (two in Spanish, one in English), and the API's.</summary>
    public static readonly (string Key, string Query)[] SearchPageQueries =
        [("j", "capacitación policial"), ("k", "prevención de la violencia juvenil"), ("l", "police training")];
    public const string SearchApiQuery = "trata de personas";

    public static string SearchPagePath(string query) => "/search?q=" + Uri.EscapeDataString(query);
    public static string SearchApiPath(string query) => "/api/v1/search?q=" + Uri.EscapeDataString(query);
    /// <summary>The most /bench/ceiling serves (BenchCeiling.MaxBytes in the site).</summary>
    public const long CeilingMaxBytes = 1024 * 1024;

    private const string NotMapped = "not mapped: the site needs Bench__Ceiling=true and app.MapBenchCeiling() in HemisphereHost";

    /// <summary>The directory: the ceiling first, every other scenario is read as a fraction of it.</summary>
    public static IReadOnlyList<Scenario> Directory(long ceilingBytes, IReadOnlyList<Guid> publicPeople)
    {
        var ids = publicPeople.Count.ToString(CultureInfo.InvariantCulture);
        return
        [
            new("a", "Ceiling: HTML from memory, as many bytes as (b)", $"GET /bench/ceiling?bytes={ceilingBytes}",
                [$"/bench/ceiling?bytes={ceilingBytes}"], NotMapped),
            new("b", "People API, first page", "GET " + PeopleFirstPage, [PeopleFirstPage], null) { Ceiling = "a" },
            new("c", "People API, page 500", "GET /api/v1/people?page=500&pageSize=20", ["/api/v1/people?page=500&pageSize=20"], null) { Ceiling = "a" },
            new("d", "Profile page of a public person", $"GET /directory/people/{{id}} ({ids} ids)",
                publicPeople.Select(id => $"/directory/people/{id}").ToList(), "the site has no page at /directory/people/{id}") { Ceiling = "a" },
            new("e", "Institutions API, first page", "GET /api/v1/institutions?page=1", ["/api/v1/institutions?page=1"], null) { Ceiling = "a" },
            new("f", "Person API, one public person", $"GET /api/v1/people/{{id}} ({ids} ids)",
                publicPeople.Select(id => $"/api/v1/people/{id}").ToList(), null) { Ceiling = "a" },
        ];
    }

    /// <summary>
    /// A scenario with a ceiling of its own, run just before it: /bench/ceiling?bytes=N with N the
    /// scenario's answer, measured the same way (same connections). When N is more than the ceiling
    /// serves, the ceiling is capped and the ratio compares body bytes per second.
    /// </summary>
    public static IEnumerable<Scenario> WithCeiling(Scenario scenario, Site.Answer? probe)
    {
        var ceilingKey = scenario.Key + "0";
        var ceiling = scenario.Skip is null && probe is { Ok: true }
            ? Ceiling(ceilingKey, scenario.Key, probe.Bytes, scenario.Tokens, scenario.Send) with { Connections = scenario.Connections, TimeoutSeconds = scenario.TimeoutSeconds, Tokens = scenario.Tokens, Send = scenario.Send }
            : new Scenario(ceilingKey, $"Ceiling for ({scenario.Key})", "GET /bench/ceiling?bytes=N", [], NotMapped)
            { Skip = $"nothing to compare: ({scenario.Key}) is not served", Connections = scenario.Connections };
        return [ceiling, scenario with { Ceiling = ceilingKey }];
    }

    private static Scenario Ceiling(string key, string of, long bytes, IReadOnlyList<string>? tokens = null, WrkSend? send = null)
    {
        var served = Math.Min(bytes, CeilingMaxBytes);
        var title = bytes > CeilingMaxBytes
            ? $"Ceiling for ({of}), capped at {served.ToString("N0", CultureInfo.InvariantCulture)} bytes"
            : $"Ceiling for ({of}): as many bytes";
        if (tokens is { Count: > 0 }) title += $", signed in with the same {tokens.Count.ToString(CultureInfo.InvariantCulture)} tokens";
        if (send is { Bodies.Count: > 0 }) title += ", the same bodies sent";
        return new Scenario(key, title, $"{send?.Method ?? "GET"} /bench/ceiling?bytes={served}" + Bearer(tokens), [$"/bench/ceiling?bytes={served}"], NotMapped)
        {
            CappedFrom = bytes > CeilingMaxBytes ? bytes : null,
        };
    }

    /// <summary>The sheet of the member state with the most activities: about a megabyte of HTML, so as few connections as the exports.</summary>
    public static Scenario CountrySheet(string? code, int activities, string? why, int connections) => code is null
        ? new Scenario("g", "Country sheet page", "GET /portfolio/countries/{code}", [], null) { Skip = why, Connections = connections }
        : new Scenario("g", $"Country sheet page, {code} ({activities.ToString("N0", CultureInfo.InvariantCulture)} published activities, the most)",
            $"GET /portfolio/countries/{code}", [$"/portfolio/countries/{code}"], "the site has no page at /portfolio/countries/{code}")
        {
            Connections = connections,
            TimeoutSeconds = 60,
        };

    /// <summary>
    /// The search page (HTML, 20 results with snippets and the facets of the whole result) for one query. A
    /// search takes seconds at this size, so it runs with --big-connections: at 32 connections no request
    /// completed within a 10 s run (each waited behind 31 others).
    /// </summary>
    public static Scenario SearchPage(string key, string query, int? total, int connections) =>
        new(key, $"Search page, “{query}”{Results(total)}", "GET " + SearchPagePath(query), [SearchPagePath(query)], "the site has no page at /search")
        {
            Connections = connections,
            TimeoutSeconds = 60,
        };

    public static Scenario SearchApi(int? total, int connections) =>
        new("m", $"Search API, “{SearchApiQuery}”{Results(total)}", "GET " + SearchApiPath(SearchApiQuery), [SearchApiPath(SearchApiQuery)], "the site has no search API")
        {
            Connections = connections,
            TimeoutSeconds = 60,
        };

    private static string Results(int? total) => total is { } n ? $" ({n.ToString("N0", CultureInfo.InvariantCulture)} results)" : "";

    /// <summary>A library item's page (HTML) in the default language, cycling through items picked from the library's list.</summary>
    public static Scenario LibraryItem(IReadOnlyList<string> slugs, string? why)
    {
        var request = $"GET /library/{{slug}} ({slugs.Count.ToString(CultureInfo.InvariantCulture)} items)";
        return slugs.Count == 0
            ? new Scenario("n", "Library item page", request, [], null) { Skip = why ?? "no library items to ask for" }
            : new Scenario("n", "Library item page", request, slugs.Select(s => "/library/" + Uri.EscapeDataString(s)).ToList(), "the site has no page at /library/{slug}")
            {
                ProbeAll = true,
            };
    }

    /// <summary>" (bearer, N members)" after a request signed in with tokens.</summary>
    public static string Bearer(IReadOnlyList<string>? tokens) =>
        tokens is { Count: > 0 } ? $" (bearer, {tokens.Count.ToString(CultureInfo.InvariantCulture)} members)" : "";

    /// <summary>
    /// A page of the longest topic, deep in it (the second-to-last page: full, and past all but 50–100 of its
    /// posts), as signed-in members (the page marks what it shows as read).
    /// </summary>
    public static Scenario TopicPage(Site.ForumPick? pick, string? why, IReadOnlyList<string> tokens)
    {
        if (pick is not { } p || tokens.Count == 0)
            return new Scenario("o", "Topic page, deep in the longest topic", "GET /forums/topics/{id}?page=N", [], null) { Skip = why ?? "no bench members' tokens (run generate with --users)", Tokens = tokens };
        var path = $"/forums/topics/{p.TopicId}?page={p.DeepPage.ToString(CultureInfo.InvariantCulture)}";
        var n = p.TopicPosts.ToString("N0", CultureInfo.InvariantCulture);
        return new Scenario("o", $"Topic page {p.DeepPage.ToString(CultureInfo.InvariantCulture)} of {p.TopicPages.ToString(CultureInfo.InvariantCulture)}, longest topic ({n} posts), {p.PageSize.ToString(CultureInfo.InvariantCulture)} posts a page", "GET " + path + Bearer(tokens),
            [path], "the site has no page at /forums/topics/{id}")
        { Tokens = tokens };
    }

    /// <summary>The first page of the category with the most topics (25 topics, pinned first, then by last post).</summary>
    public static Scenario CategoryPage(Site.ForumPick? pick, string? why, IReadOnlyList<string> tokens)
    {
        if (pick is not { } p || tokens.Count == 0)
            return new Scenario("p", "Category page, busiest category", "GET /forums/{slug}", [], null) { Skip = why ?? "no bench members' tokens (run generate with --users)", Tokens = tokens };
        var path = "/forums/" + Uri.EscapeDataString(p.CategorySlug);
        return new Scenario("p", $"Category page, {p.CategorySlug} ({p.CategoryTopics.ToString("N0", CultureInfo.InvariantCulture)} topics, the most)", "GET " + path + Bearer(tokens),
            [path], "the site has no page at /forums/{slug}")
        { Tokens = tokens };
    }

    /// <summary>The same category's first page from the forum API (JSON), to tell the query from the HTML.</summary>
    public static Scenario CategoryApi(Site.ForumPick? pick, string? why, IReadOnlyList<string> tokens)
    {
        if (pick is not { } p || tokens.Count == 0)
            return new Scenario("q", "Forum API, busiest category's topics", "GET /api/v1/forums/categories/{slug}", [], null) { Skip = why ?? "no bench members' tokens", Tokens = tokens };
        var path = "/api/v1/forums/categories/" + Uri.EscapeDataString(p.CategorySlug);
        return new Scenario("q", $"Forum API, the topics of {p.CategorySlug} (page 1)", "GET " + path + Bearer(tokens), [path], "the site has no forum API") { Tokens = tokens };
    }

    // ---------- The academy (issue 6) ----------

    public const string DashboardPage = "/academy/dashboard?by=country";
    public const string DashboardApi = "/api/v1/academy/dashboard?by=country";

    private static Scenario AcademySkip(string key, string title, string request, string? why, IReadOnlyList<string>? tokens) =>
        new(key, title, request, [], null) { Skip = why ?? "no bench learner accounts' tokens (run generate with --learner-accounts)", Tokens = tokens };

    /// <summary>The learner's dashboard: every course of the learner with the next step and where they stopped.</summary>
    public static Scenario LearnerDashboard(Site.AcademyPick? pick, string? why, IReadOnlyList<string> tokens) =>
        pick is null || tokens.Count == 0
            ? AcademySkip("r", "Learner's dashboard", "GET /academy/my", why, tokens)
            : new Scenario("r", "Learner's dashboard (their courses, next step, where they stopped)", "GET /academy/my" + Bearer(tokens), ["/academy/my"], "the site has no page at /academy/my")
            { Tokens = tokens };

    /// <summary>A lesson page of the exam course, every learner enrolled in it (a first view records it and recomputes progress).</summary>
    public static Scenario LessonPage(Site.AcademyPick? pick, string? why, IReadOnlyList<string> tokens) =>
        pick is not { } p || tokens.Count == 0
            ? AcademySkip("s", "Lesson page", "GET /academy/lessons/{id}", why, tokens)
            : new Scenario("s", $"Lesson page, {p.Code} ({p.Lessons.Count.ToString(CultureInfo.InvariantCulture)} lessons in turn)",
                $"GET /academy/lessons/{{id}} ({p.Lessons.Count.ToString(CultureInfo.InvariantCulture)} lessons)" + Bearer(tokens),
                p.Lessons.Select(id => $"/academy/lessons/{id}").ToList(), "the site has no page at /academy/lessons/{id}")
            { Tokens = tokens };

    /// <summary>The quiz page (the learner's overview: settings, their attempts, whether they may start).</summary>
    public static Scenario QuizPage(Site.AcademyPick? pick, string? why, IReadOnlyList<string> tokens) =>
        pick is not { } p || tokens.Count == 0
            ? AcademySkip("t", "Quiz page", "GET /academy/quizzes/{id}", why, tokens)
            : new Scenario("t", $"Quiz page, {p.Code}'s first quiz (the exam's)", "GET /academy/quizzes/{id}" + Bearer(tokens),
                [$"/academy/quizzes/{p.Quiz}"], "the site has no page at /academy/quizzes/{id}")
            { Tokens = tokens };

    /// <summary>The attempt page of an open attempt at the course's final quiz, each learner their own (started before the run).</summary>
    public static Scenario AttemptPage(Site.AcademyPick? pick, string? why, IReadOnlyList<string> tokens, IReadOnlyList<Guid> attempts) =>
        pick is not { } p || tokens.Count == 0 || attempts.Count != tokens.Count
            ? AcademySkip("u", "Attempt page", "GET /academy/attempts/{id}", why ?? "no attempts started", tokens)
            : new Scenario("u", $"Attempt page, an open attempt at {p.Code}'s final quiz (each learner their own)", "GET /academy/attempts/{id}" + Bearer(tokens),
                attempts.Select(id => $"/academy/attempts/{id}").ToList(), "the site has no page at /academy/attempts/{id}")
            { Tokens = tokens, Paired = true };

    /// <summary>The country dashboard over every enrolment, as staff (after its first, uncached answer: the site keeps a count a minute).</summary>
    public static Scenario CountryDashboard(string key, string title, string path, string? why, IReadOnlyList<string> tokens) =>
        why is not null
            ? AcademySkip(key, title, "GET " + path, why, tokens)
            : new Scenario(key, title, "GET " + path + Bearer(tokens), [path], "the site has no academy dashboard") { Tokens = tokens };

    // ---------- Credentials and learning records (issue 7) ----------

    public const int Batch = 50;

    /// <summary>The headers of every LRS request: the xAPI version and the bench client's HTTP Basic credentials (recomputed from the seed).</summary>
    public static Dictionary<string, string> XapiHeaders(string authorization, bool json = false)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["X-Experience-API-Version"] = "1.0.3", ["Authorization"] = authorization };
        if (json) headers["Content-Type"] = "application/json";
        return headers;
    }

    /// <summary>
    /// A statement as an e-learning package on another site sends it (no id: the LRS assigns one), about learner i of 200 known
    /// to it by e-mail address: not the generated officers, so that the writes never change what (y) reads.
    /// </summary>
    public static string StatementJson(int i)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        var learner = (i % 200).ToString("000", CultureInfo.InvariantCulture);
        return "{\"actor\":{\"objectType\":\"Agent\",\"mbox\":\"mailto:package-learner-" + learner + "@content.example\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\",\"display\":{\"en-US\":\"experienced\"}},"
            + "\"object\":{\"objectType\":\"Activity\",\"id\":\"https://content.example/packages/first-response/slides/" + n + "\","
            + "\"definition\":{\"name\":{\"en-US\":\"Slide " + n + "\"},\"type\":\"http://adlnet.gov/expapi/activities/lesson\"}},"
            + "\"context\":{\"contextActivities\":{\"parent\":[{\"id\":\"https://content.example/packages/first-response\"}]}},"
            + "\"timestamp\":\"2026-11-30T10:00:00.000Z\"}";
    }

    /// <summary>POST /xapi/statements: one statement a request (200 learners in turn), and batches of <see cref="Batch"/>.</summary>
    public static IEnumerable<Scenario> LrsWrites(Site.LrsPick? pick, string? why, string authorization)
    {
        const string path = "/xapi/statements";
        if (pick is null)
        {
            yield return new Scenario("aa", "LRS: POST one statement", "POST " + path, [], null) { Skip = why };
            yield return new Scenario("ab", $"LRS: POST a batch of {Batch} statements", "POST " + path, [], null) { Skip = why };
            yield break;
        }
        var singles = Enumerable.Range(0, 200).Select(StatementJson).ToList();
        var batches = Enumerable.Range(0, 20).Select(b => "[" + string.Join(',', Enumerable.Range(b * Batch, Batch).Select(StatementJson)) + "]").ToList();
        var headers = XapiHeaders(authorization, json: true);
        yield return new Scenario("aa", $"LRS: POST one statement (HTTP Basic client; {pick.Stored} statements stored)", "POST " + path + " (1 statement a request, 200 learners in turn)",
            [path], "the site has no LRS at /xapi/")
        { Send = new WrkSend("POST", headers, singles) };
        yield return new Scenario("ab", $"LRS: POST a batch of {Batch} statements (statements/s = {Batch} × req/s)", "POST " + path + $" ({Batch} statements a request)",
            [path], "the site has no LRS at /xapi/")
        { Send = new WrkSend("POST", headers, batches) };
    }

    /// <summary>GET /xapi/statements?agent=…&amp;verb=… for (agent, verb) pairs picked from the stored statements.</summary>
    public static Scenario LrsQuery(Site.LrsPick? pick, string? why, string authorization)
    {
        if (pick is null) return new Scenario("y", "LRS: GET statements by agent and verb", "GET /xapi/statements?agent=…&verb=…", [], null) { Skip = why };
        var paths = pick.Pairs.Select(p => "/xapi/statements?agent=" + Uri.EscapeDataString(p.Agent) + "&verb=" + Uri.EscapeDataString(p.Verb)).ToList();
        return new Scenario("y", $"LRS: GET statements by agent and verb, over {pick.Stored} statements", $"GET /xapi/statements?agent=…&verb=… ({paths.Count.ToString(CultureInfo.InvariantCulture)} pairs)",
            paths, "the site has no LRS at /xapi/")
        { Send = new WrkSend("GET", XapiHeaders(authorization), null), ProbeAll = true };
    }

    /// <summary>The public verification page of generated certificates, anonymous (codes recomputed from the seed).</summary>
    public static Scenario VerificationPage(IReadOnlyList<string> codes, string? why) =>
        why is not null
            ? new Scenario("z", "Certificate verification page", "GET /verify/{code}", [], null) { Skip = why }
            : new Scenario("z", "Certificate verification page (public, anonymous)", $"GET /verify/{{code}} ({codes.Count.ToString(CultureInfo.InvariantCulture)} certificates)",
                codes.Select(c => "/verify/" + c).ToList(), "the site has no page at /verify/{code}")
            { ProbeAll = false };

    public static Scenario IatiExport(int connections) =>
        new("h", "IATI 2.03 export, all published activities", "GET " + Iati, [Iati], "the site has no IATI export")
        {
            Connections = connections,
            TimeoutSeconds = 60,
        };

    /// <summary>Not in the issue: the same activities as (h) through System.Text.Json, to tell the query from the XML writing.</summary>
    public static Scenario JsonExport(int connections) =>
        new("i", "JSON export, the same activities as (h)", "GET " + ExportJson, [ExportJson], "the site has no JSON export")
        {
            Connections = connections,
            TimeoutSeconds = 60,
        };
}
