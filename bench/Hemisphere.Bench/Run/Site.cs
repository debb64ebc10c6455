using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Hemisphere.Bench.Run;

/// <summary>Plain requests to the site before the load: sizes, status codes, the ids of public people, the busiest country.</summary>
public sealed class Site(Uri baseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(120) };

    /// <summary>
    /// One answer, read to its end. Truncated: the status and headers came, then the connection closed
    /// before the body was complete (a site that fails after it has started the response).
    /// </summary>
    public sealed record Answer(HttpStatusCode Status, long Bytes, string Body, string? ContentType, bool Truncated, double Milliseconds)
    {
        public bool Ok => (int)Status is >= 200 and < 300 && !Truncated;
    }

    public Task<Answer> GetAsync(string path, CancellationToken ct, string? token = null) =>
        SendAsync("GET", path, token is null ? null : new Dictionary<string, string> { ["Authorization"] = "Bearer " + token }, null, ct);

    /// <summary>
    /// Any request: headers as wrk sends them (Content-Type among them goes on the body), the body as UTF-8 text.
    /// </summary>
    public async Task<Answer> SendAsync(string method, string path, IReadOnlyDictionary<string, string>? headers, string? content, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            string? contentType = null;
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = value;
                else request.Headers.TryAddWithoutValidation(name, value);
            }
            if (content is not null)
            {
                request.Content = new StringContent(content, System.Text.Encoding.UTF8);
                if (contentType is not null) request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
            }
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException e)
        {
            throw new BenchException($"The site at {baseUrl} does not answer ({path}): {e.Message}", e);
        }
        using (response)
        {
            using var body = new MemoryStream();
            var truncated = false;
            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(ct);
                await stream.CopyToAsync(body, ct);
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                truncated = true;
            }
            return new Answer(response.StatusCode, body.Length, System.Text.Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length),
                response.Content.Headers.ContentType?.ToString(), truncated, clock.Elapsed.TotalMilliseconds);
        }
    }

    /// <summary>The mean answer over the first <paramref name="sample"/> requests of a scenario that sends headers or bodies; the first failure if any.</summary>
    public async Task<Answer> MeanSentAsync(string method, IReadOnlyList<string> paths, IReadOnlyDictionary<string, string>? headers, IReadOnlyList<string>? bodies, int sample, CancellationToken ct)
    {
        var n = Math.Min(sample, Math.Max(paths.Count, bodies?.Count ?? 0));
        var answers = new List<Answer>();
        for (var i = 0; i < n; i++)
        {
            var answer = await SendAsync(method, paths[i % paths.Count], headers, bodies is { Count: > 0 } ? bodies[i % bodies.Count] : null, ct);
            if (!answer.Ok) return answer;
            answers.Add(answer);
        }
        var first = answers[0];
        return first with { Bytes = (long)Math.Round(answers.Average(a => a.Bytes)), Milliseconds = answers.Average(a => a.Milliseconds) };
    }

    /// <summary>Ids of public profiles from a few pages spread over the list (an anonymous caller only sees public ones).</summary>
    public async Task<List<Guid>> PublicPeopleAsync(int wanted, CancellationToken ct)
    {
        var first = await PeoplePageAsync(1, ct);
        var pages = Math.Max(1, (first.Total + 99) / 100);
        var ids = new List<Guid>(first.Ids);
        foreach (var page in new[] { pages / 7, pages / 3, pages / 2, pages * 4 / 5, pages }.Where(p => p > 1).Distinct())
        {
            if (ids.Count >= wanted) break;
            ids.AddRange((await PeoplePageAsync(page, ct)).Ids);
        }
        return ids.Distinct().Take(wanted).ToList();
    }

    private async Task<(int Total, List<Guid> Ids)> PeoplePageAsync(int page, CancellationToken ct)
    {
        var answer = await GetAsync($"/api/v1/people?page={page}&pageSize=100", ct);
        if (!answer.Ok) throw new BenchException($"GET /api/v1/people answered {(int)answer.Status}.");
        using var json = JsonDocument.Parse(answer.Body);
        var root = json.RootElement;
        var ids = root.GetProperty("items").EnumerateArray()
            .Where(p => string.Equals(p.GetProperty("visibility").GetString(), "public", StringComparison.OrdinalIgnoreCase))
            .Select(p => p.GetProperty("id").GetGuid())
            .ToList();
        return (root.GetProperty("total").GetInt32(), ids);
    }

    /// <summary>The member state with the most published activities, from the portfolio dashboard; null (and why) when there is none.</summary>
    public async Task<(string? Code, int Activities, string? Why)> BusiestCountryAsync(CancellationToken ct)
    {
        var answer = await GetAsync(Scenarios.PortfolioDashboard, ct);
        if (!answer.Ok) return (null, 0, $"GET {Scenarios.PortfolioDashboard} answered {(int)answer.Status}{(answer.Truncated ? " (cut off)" : "")}");
        using var json = JsonDocument.Parse(answer.Body);
        var busiest = json.RootElement.GetProperty("byCountry").EnumerateArray()
            .Select(r => (Code: r.GetProperty("key").GetString() ?? "", Count: r.GetProperty("activities").GetInt32()))
            .Where(r => r.Code.Length == 2)
            .OrderByDescending(r => r.Count).ThenBy(r => r.Code, StringComparer.Ordinal)
            .FirstOrDefault();
        return busiest.Count > 0 ? (busiest.Code, busiest.Count, null) : (null, 0, "no published activity has a country (run generate with --activities)");
    }

    /// <summary>Slugs of published library items from a few pages spread over the library's list (newest first); none when it is empty or not served.</summary>
    public async Task<(List<string> Slugs, string? Why)> LibrarySlugsAsync(int wanted, CancellationToken ct)
    {
        var first = await LibraryPageAsync(1, ct);
        if (first is null) return ([], $"GET {Scenarios.LibraryItems}?page=1 did not answer 2xx");
        if (first.Value.Slugs.Count == 0) return ([], "the library has no published item (run generate with --library)");
        var pages = Math.Max(1, (first.Value.Total + 99) / 100);
        var slugs = new List<string>(first.Value.Slugs.Take(wanted / 5));
        foreach (var page in new[] { pages / 7, pages / 3, pages / 2, pages * 4 / 5, pages }.Where(p => p > 1).Distinct())
        {
            if (slugs.Count >= wanted) break;
            if (await LibraryPageAsync(page, ct) is { } more) slugs.AddRange(more.Slugs.Take(wanted / 5));
        }
        return (slugs.Distinct(StringComparer.Ordinal).Take(wanted).ToList(), null);
    }

    private async Task<(int Total, List<string> Slugs)?> LibraryPageAsync(int page, CancellationToken ct)
    {
        var answer = await GetAsync($"{Scenarios.LibraryItems}?page={page}&pageSize=100", ct);
        if (!answer.Ok) return null;
        using var json = JsonDocument.Parse(answer.Body);
        var root = json.RootElement;
        var slugs = root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString() ?? "").Where(s => s.Length > 0).ToList();
        return (root.GetProperty("total").GetInt32(), slugs);
    }

    /// <summary>How many documents the search API finds for a query (the page and the API run the same search); null when it does not answer.</summary>
    public async Task<int?> SearchTotalAsync(string query, CancellationToken ct)
    {
        var answer = await GetAsync(Scenarios.SearchApiPath(query), ct);
        if (!answer.Ok) return null;
        using var json = JsonDocument.Parse(answer.Body);
        return json.RootElement.GetProperty("total").GetInt32();
    }

    /// <summary>
    /// Every path once: the first answer that is not 2xx, or the first answer with the mean size of all
    /// of them as its size (pages of different items differ in length; the ceiling should move their mean).
    /// </summary>
    public async Task<Answer> MeanAsync(IReadOnlyList<string> paths, CancellationToken ct, string? token = null)
    {
        Answer? first = null;
        long bytes = 0;
        foreach (var path in paths)
        {
            var answer = await GetAsync(path, ct, token);
            if (!answer.Ok) return answer;
            first ??= answer;
            bytes += answer.Bytes;
        }
        return first is null ? throw new BenchException("No path to ask for.") : first with { Bytes = (long)Math.Round((double)bytes / paths.Count) };
    }

    /// <summary>Path i asked with token i (each learner their own attempt), for a sample of the pairs: the first answer that is not 2xx, or the mean size.</summary>
    public async Task<Answer> MeanPairedAsync(IReadOnlyList<string> paths, IReadOnlyList<string> tokens, int sample, CancellationToken ct)
    {
        Answer? first = null;
        long bytes = 0;
        var n = Math.Min(sample, Math.Min(paths.Count, tokens.Count));
        for (var i = 0; i < n; i++)
        {
            var k = i * Math.Min(paths.Count, tokens.Count) / n;
            var answer = await GetAsync(paths[k], ct, tokens[k]);
            if (!answer.Ok) return answer;
            first ??= answer;
            bytes += answer.Bytes;
        }
        return first is null ? throw new BenchException("No path to ask for.") : first with { Bytes = (long)Math.Round((double)bytes / n) };
    }

    /// <summary>One path asked with <paramref name="sample"/> of the tokens spread over the list: the first answer that is not 2xx, or the mean size.</summary>
    public async Task<Answer> MeanOverTokensAsync(string path, IReadOnlyList<string> tokens, int sample, CancellationToken ct)
    {
        Answer? first = null;
        long bytes = 0;
        var picked = Enumerable.Range(0, Math.Min(sample, tokens.Count)).Select(i => tokens[i * tokens.Count / Math.Min(sample, tokens.Count)]).ToList();
        foreach (var token in picked)
        {
            var answer = await GetAsync(path, ct, token);
            if (!answer.Ok) return answer;
            first ??= answer;
            bytes += answer.Bytes;
        }
        return first is null ? throw new BenchException("No token to ask with.") : first with { Bytes = (long)Math.Round((double)bytes / picked.Count) };
    }

    /// <summary>
    /// What the forum scenarios ask for: the category with the most topics, and the longest topic among the
    /// first pages of every category (each category's longest is pinned, so it is on its first page), with
    /// the site's posts per page and a deep page of it (the second-to-last).
    /// </summary>
    public sealed record ForumPick(string CategorySlug, int CategoryTopics, Guid TopicId, int TopicPosts, int PageSize, int TopicPages, int DeepPage);

    public async Task<(ForumPick? Pick, string? Why)> ForumAsync(string token, CancellationToken ct)
    {
        var categories = await GetAsync("/api/v1/forums/categories", ct, token);
        if (!categories.Ok) return (null, $"GET /api/v1/forums/categories answered {(int)categories.Status} with a bench member's token (run generate with --users, and run with the same --seed)");
        using var json = JsonDocument.Parse(categories.Body);
        var list = json.RootElement.GetProperty("items").EnumerateArray()
            .Select(c => (Slug: c.GetProperty("slug").GetString() ?? "", Topics: c.GetProperty("topics").GetInt32())).ToList();
        if (list.Count == 0 || list.Max(c => c.Topics) == 0) return (null, "no forum topics (run generate with --forum-topics)");
        var busiest = list.OrderByDescending(c => c.Topics).ThenBy(c => c.Slug, StringComparer.Ordinal).First();
        (Guid Id, int Posts) longest = (Guid.Empty, 0);
        foreach (var c in list.Where(c => c.Topics > 0))
        {
            var page = await GetAsync("/api/v1/forums/categories/" + Uri.EscapeDataString(c.Slug), ct, token);
            if (!page.Ok) continue;
            using var topics = JsonDocument.Parse(page.Body);
            foreach (var t in topics.RootElement.GetProperty("topics").GetProperty("items").EnumerateArray())
                if (t.GetProperty("posts").GetInt32() is var n && n > longest.Posts) longest = (t.GetProperty("id").GetGuid(), n);
        }
        if (longest.Posts == 0) return (null, "no topic with posts on the categories' first pages");
        var first = await GetAsync($"/api/v1/forums/topics/{longest.Id}?page=1", ct, token);
        if (!first.Ok) return (null, $"GET /api/v1/forums/topics/{{id}} answered {(int)first.Status}");
        using var topic = JsonDocument.Parse(first.Body);
        var posts = topic.RootElement.GetProperty("posts");
        var size = Math.Max(1, posts.GetProperty("pageSize").GetInt32());
        var total = posts.GetProperty("total").GetInt32();
        var pages = Math.Max(1, (total + size - 1) / size);
        return (new ForumPick(busiest.Slug, busiest.Topics, longest.Id, total, size, pages, Math.Max(1, pages - 1)), null);
    }

    /// <summary>
    /// The exam course: the course every learner account is Enrolled in (the intersection of the first three accounts'
    /// courses), its reading lessons in course order, its first quiz (the exam burst's) and its last (the attempt page's).
    /// </summary>
    public sealed record AcademyPick(Guid CourseId, string Code, string Slug, IReadOnlyList<Guid> Lessons, Guid Quiz, Guid FinalQuiz, int Enrolments);

    public async Task<(AcademyPick? Pick, string? Why)> AcademyAsync(IReadOnlyList<string> learnerTokens, CancellationToken ct)
    {
        HashSet<Guid>? common = null;
        foreach (var token in learnerTokens.Take(3))
        {
            var mine = await GetAsync("/api/v1/academy/me/courses", ct, token);
            if (!mine.Ok) return (null, $"GET /api/v1/academy/me/courses answered {(int)mine.Status} with a bench learner's token (run generate with --courses and --learner-accounts, and run with the same --seed)");
            using var json = JsonDocument.Parse(mine.Body);
            var ids = json.RootElement.EnumerateArray().Select(x => x.GetProperty("enrolment"))
                .Where(e => string.Equals(e.GetProperty("status").GetString(), "enrolled", StringComparison.OrdinalIgnoreCase))
                .Select(e => e.GetProperty("courseId").GetGuid()).ToHashSet();
            if (common is null) common = ids; else common.IntersectWith(ids);
        }
        if (common is not { Count: > 0 }) return (null, "the learner accounts share no course they are enrolled in (run generate with --learner-accounts)");
        foreach (var id in common.Order())
        {
            var course = await GetAsync($"/api/v1/academy/courses/{id}", ct);
            if (!course.Ok) continue;
            using var json = JsonDocument.Parse(course.Body);
            var root = json.RootElement;
            var lessons = root.GetProperty("modules").EnumerateArray().SelectMany(m => m.GetProperty("lessons").EnumerateArray()).ToList();
            var reading = lessons.Where(l => !string.Equals(l.GetProperty("kind").GetString(), "quiz", StringComparison.OrdinalIgnoreCase)).Select(l => l.GetProperty("id").GetGuid()).ToList();
            var quizzes = lessons.Where(l => l.TryGetProperty("quizId", out var q) && q.ValueKind == JsonValueKind.String).Select(l => l.GetProperty("quizId").GetGuid()).ToList();
            if (quizzes.Count == 0 || reading.Count == 0) continue;
            return (new AcademyPick(id, root.GetProperty("code").GetString() ?? "", root.GetProperty("slug").GetString() ?? "", reading, quizzes[0], quizzes[^1], 0), null);
        }
        return (null, "the learner accounts' common course has no lessons or quizzes");
    }

    /// <summary>Starts (or resumes) an attempt at a quiz with each token, in order: the attempts' ids, one per token.</summary>
    public async Task<List<Guid>> StartAttemptsAsync(Guid quiz, IReadOnlyList<string> tokens, CancellationToken ct)
    {
        var ids = new List<Guid>(tokens.Count);
        foreach (var token in tokens)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/academy/quizzes/{quiz}/attempts");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var response = await _http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode) throw new BenchException($"POST /api/v1/academy/quizzes/{quiz}/attempts answered {(int)response.StatusCode}: {body}");
            using var json = JsonDocument.Parse(body);
            ids.Add(json.RootElement.GetProperty("id").GetGuid());
        }
        return ids;
    }

    /// <summary>(agent JSON, verb id) pairs of learners' statements, from the newest the LRS holds, and how many it holds (the "more" chain is not followed).</summary>
    public sealed record LrsPick(IReadOnlyList<(string Agent, string Verb)> Pairs, string Stored);

    /// <summary>Verbs the records verb gives officers' statements (and the writes (aa), (ab) never use): pairs are picked among them.</summary>
    private static readonly string[] GeneratedVerbs =
    [
        "http://adlnet.gov/expapi/verbs/launched", "http://adlnet.gov/expapi/verbs/answered", "http://adlnet.gov/expapi/verbs/completed",
        "http://adlnet.gov/expapi/verbs/passed", "http://adlnet.gov/expapi/verbs/attended",
    ];

    public async Task<(LrsPick? Pick, string? Why)> LrsAsync(string authorization, long stored, CancellationToken ct)
    {
        var headers = Scenarios.XapiHeaders(authorization);
        var pairs = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var wanted in GeneratedVerbs)
        {
            var answer = await SendAsync("GET", "/xapi/statements?limit=40&verb=" + Uri.EscapeDataString(wanted), headers, null, ct);
            if (answer.Status == HttpStatusCode.Unauthorized) return (null, "the LRS refused the bench client (run the records verb with the same --seed)");
            if (!answer.Ok) return (null, $"GET /xapi/statements answered {(int)answer.Status}");
            foreach (var s in JsonDocument.Parse(answer.Body).RootElement.GetProperty("statements").EnumerateArray())
            {
                // The generated officers' statements only (accounts of the site), not the academy's own.
                if (!s.GetProperty("actor").TryGetProperty("account", out var account) || account.GetProperty("name").GetString() == "academy") continue;
                var agent = JsonSerializer.Serialize(new { objectType = "Agent", account = new { homePage = account.GetProperty("homePage").GetString(), name = account.GetProperty("name").GetString() } });
                if (seen.Add(agent + " " + wanted)) pairs.Add((agent, wanted));
            }
        }
        return pairs.Count == 0 ? (null, "the LRS holds no generated officer's statements (run the records verb)") : (new LrsPick(pairs, stored.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)), null);
    }

    public void Dispose() => _http.Dispose();
}
