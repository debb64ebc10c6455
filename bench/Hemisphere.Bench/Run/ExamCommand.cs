using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace Hemisphere.Bench.Run;

/// <summary>
/// exam: the exam burst of issue 6. Learner accounts 1..--learners (distinct learners, each Enrolled in the exam course) start an
/// attempt at the course's first quiz and save their answers (before the minute), then submit at a steady rate so that every
/// submission is sent within --window, with at most --concurrency in flight. Reports the time from the first submission sent to
/// the last accepted, the submission latency percentiles, errors by status; counts the attempts stored in the database; then
/// submits a sample again to show that a repeated submission answers the same result and stores nothing new.
/// </summary>
public static class ExamCommand
{
    public sealed record ExamReport(DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string Url, string? Label, string? LoadAverageBefore, string? LoadAverageAfter,
        string Course, Guid Quiz, int Learners, double WindowSeconds, int Concurrency,
        double StartSeconds, int Started, IReadOnlyDictionary<string, int> StartErrors, double SaveSeconds, int Saved, IReadOnlyDictionary<string, int> SaveErrors,
        double SendSeconds, double AcceptAllSeconds, int Accepted, IReadOnlyDictionary<string, int> SubmitErrors,
        double P50Ms, double P90Ms, double P99Ms, double MaxMs, double MeanMs,
        long StoredAttempts, long StoredDistinctEnrolments, long StoredSubmittedOrGraded, long EnrolmentsWithMoreThanOne,
        int Resubmitted, int ResubmitSame, IReadOnlyDictionary<string, int> ResubmitErrors, long StoredAfterResubmit, IReadOnlyList<string> Notes);

    public static async Task<int> RunAsync(Arguments args)
    {
        args.AllowOnly("--url", "--connection", "--seed", "--learners", "--window", "--concurrency", "--prepare-concurrency", "--resubmit", "--results", "--label");
        var url = new Uri(args.Required("--url").TrimEnd('/') + "/");
        var connection = args.Required("--connection");
        var seed = args.Int("--seed", 42, int.MinValue, int.MaxValue);
        var count = args.Int("--learners", 5000, 1, 1_000_000);
        var window = Durations.Parse(args.Text("--window") ?? "60s");
        var concurrency = args.Int("--concurrency", 128, 1, 10_000);
        var prepare = args.Int("--prepare-concurrency", 16, 1, 1000);
        var resubmitCount = args.Int("--resubmit", 100, 0, 100_000);
        var resultsFolder = args.Text("--results") ?? Path.Combine("bench", "results");
        var ct = CancellationToken.None;
        var started = DateTimeOffset.UtcNow;
        var loadBefore = Load();
        var notes = new List<string>();

        var tokens = BenchUsers.LearnerTokens(seed, 1, count);
        using var site = new Site(url);
        var (pick, why) = await site.AcademyAsync(tokens, ct);
        if (pick is null) throw new BenchException("No exam course: " + why);
        Console.WriteLine($"Exam burst: {count:N0} learners, quiz {pick.Quiz} of {pick.Code}; submissions spread over {window.TotalSeconds:0} s, at most {concurrency} in flight.");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(concurrency, prepare), PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        { BaseAddress = url, Timeout = TimeSpan.FromSeconds(120) };
        await using var db = NpgsqlDataSource.Create(connection);
        var before = await CountAsync(db, pick.Quiz, ct);
        if (before.Attempts > 0) notes.Add($"The quiz already had {before.Attempts:N0} attempts before the burst (an earlier exam on this database): the counts below are of attempts started by this run.");
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        // 1. Before the minute: every learner starts an attempt and saves answers of the right shape for each question of their paper.
        var attempts = new (Guid Id, JsonObject Answers)?[count];
        var startErrors = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = prepare }, async (i, token) =>
        {
            var (status, body) = await SendAsync(http, HttpMethod.Post, $"api/v1/academy/quizzes/{pick.Quiz}/attempts", tokens[i], null, token);
            if (status is not (HttpStatusCode.Created or HttpStatusCode.OK)) { startErrors.AddOrUpdate(Key(status), 1, (_, n) => n + 1); return; }
            using var json = JsonDocument.Parse(body);
            attempts[i] = (json.RootElement.GetProperty("id").GetGuid(), Answers(json.RootElement));
        });
        var startSeconds = clock.Elapsed.TotalSeconds;
        var startedCount = attempts.Count(a => a is not null);
        Console.WriteLine($"  started {startedCount:N0} attempts in {startSeconds:0.0} s{Errors(startErrors)}");

        var saveErrors = new ConcurrentDictionary<string, int>();
        clock.Restart();
        var saved = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count).Where(i => attempts[i] is not null), new ParallelOptions { MaxDegreeOfParallelism = prepare }, async (i, token) =>
        {
            var (id, answers) = attempts[i]!.Value;
            var (status, _) = await SendAsync(http, HttpMethod.Put, $"api/v1/academy/attempts/{id}/answers", tokens[i], new JsonObject { ["answers"] = answers.DeepClone() }.ToJsonString(), token);
            if (status == HttpStatusCode.OK) Interlocked.Increment(ref saved); else saveErrors.AddOrUpdate(Key(status), 1, (_, n) => n + 1);
        });
        var saveSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  saved answers of {saved:N0} attempts in {saveSeconds:0.0} s{Errors(saveErrors)}");

        // 2. The minute: submission k is sent at k × window / count (a steady rate), unless --concurrency are already in flight.
        var submitErrors = new ConcurrentDictionary<string, int>();
        var latencies = new ConcurrentBag<double>();
        var results = new ConcurrentDictionary<Guid, string>();
        using var gate = new SemaphoreSlim(concurrency);
        var indexes = Enumerable.Range(0, count).Where(i => attempts[i] is not null).ToList();
        var interval = window.TotalMilliseconds / Math.Max(1, indexes.Count);
        var loadAtBurst = Load();
        clock.Restart();
        double lastSent = 0, lastAccepted = 0;
        var lockObject = new object();
        var tasks = new List<Task>(indexes.Count);
        for (var k = 0; k < indexes.Count; k++)
        {
            var due = k * interval - clock.Elapsed.TotalMilliseconds;
            if (due > 1) await Task.Delay(TimeSpan.FromMilliseconds(due), ct);
            await gate.WaitAsync(ct);
            var i = indexes[k];
            var sentAt = clock.Elapsed.TotalMilliseconds;
            lock (lockObject) lastSent = Math.Max(lastSent, sentAt);
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    var (id, answers) = attempts[i]!.Value;
                    var (status, body) = await SendAsync(http, HttpMethod.Post, $"api/v1/academy/attempts/{id}/submit", tokens[i], "{}", ct);
                    var done = clock.Elapsed.TotalMilliseconds;
                    latencies.Add(done - sentAt);
                    if (status == HttpStatusCode.OK)
                    {
                        results[id] = Outcome(body);
                        lock (lockObject) lastAccepted = Math.Max(lastAccepted, done);
                    }
                    else submitErrors.AddOrUpdate(Key(status), 1, (_, n) => n + 1);
                }
                finally
                {
                    gate.Release();
                }
            }, ct));
        }
        await Task.WhenAll(tasks);
        var sorted = latencies.Order().ToArray();
        double P(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine($"  submitted: the last of {indexes.Count:N0} sent at {lastSent / 1000:0.00} s, the last accepted at {lastAccepted / 1000:0.00} s; {results.Count:N0} accepted{Errors(submitErrors)}; latency p50 {P(0.5):0.0} ms, p90 {P(0.9):0.0} ms, p99 {P(0.99):0.0} ms, max {(sorted.Length > 0 ? sorted[^1] : 0):0.0} ms");

        // 3. What the database holds.
        var after = await CountAsync(db, pick.Quiz, ct, since);
        Console.WriteLine($"  stored: {after.Attempts:N0} attempts at the quiz started by this run ({after.Distinct:N0} distinct enrolments, {after.Closed:N0} Submitted or Graded, {after.Twice:N0} enrolments with more than one)");

        // 4. Submitting again: the same result, nothing new stored.
        var resubmitErrors = new ConcurrentDictionary<string, int>();
        var same = 0;
        var sample = indexes.Where(i => results.ContainsKey(attempts[i]!.Value.Id)).Take(resubmitCount).ToList();
        await Parallel.ForEachAsync(sample, new ParallelOptions { MaxDegreeOfParallelism = prepare }, async (i, token) =>
        {
            var id = attempts[i]!.Value.Id;
            var (status, body) = await SendAsync(http, HttpMethod.Post, $"api/v1/academy/attempts/{id}/submit", tokens[i], "{}", token);
            if (status != HttpStatusCode.OK) { resubmitErrors.AddOrUpdate(Key(status), 1, (_, n) => n + 1); return; }
            if (Outcome(body) == results[id]) Interlocked.Increment(ref same);
        });
        var afterResubmit = await CountAsync(db, pick.Quiz, ct, since);
        Console.WriteLine($"  resubmitted {sample.Count:N0}: {same:N0} answered the same state, score and submission time{Errors(resubmitErrors)}; attempts stored after: {afterResubmit.Attempts:N0}");

        var ok = startedCount == count && results.Count == count && after.Attempts == count && after.Distinct == count && after.Closed == count
                 && after.Twice == 0 && same == sample.Count && afterResubmit.Attempts == after.Attempts;
        if (lastSent > window.TotalMilliseconds + 1000)
            notes.Add($"The last submission was sent at {lastSent / 1000:0.0} s, after the {window.TotalSeconds:0} s window: {concurrency} were in flight, so sending waited for answers.");
        notes.Add($"Load average at the start of the burst: {loadAtBurst}.");
        var report = new ExamReport(started, DateTimeOffset.UtcNow, url.ToString(), args.Text("--label"), loadBefore, Load(), $"{pick.Code} ({pick.Slug})", pick.Quiz, count,
            window.TotalSeconds, concurrency, startSeconds, startedCount, new Dictionary<string, int>(startErrors), saveSeconds, saved, new Dictionary<string, int>(saveErrors),
            lastSent / 1000, lastAccepted / 1000, results.Count, new Dictionary<string, int>(submitErrors), P(0.5), P(0.9), P(0.99), sorted.Length > 0 ? sorted[^1] : 0,
            sorted.Length > 0 ? sorted.Average() : 0, after.Attempts, after.Distinct, after.Closed, after.Twice, sample.Count, same, new Dictionary<string, int>(resubmitErrors),
            afterResubmit.Attempts, notes);
        Directory.CreateDirectory(resultsFolder);
        var path = Path.Combine(resultsFolder, "exam-" + started.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + ".json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }) + "\n", ct);
        foreach (var n in notes) Console.WriteLine("  " + n);
        Console.WriteLine((ok ? "OK: " : "FAILED: ") + $"{after.Attempts:N0} of {count:N0} attempts stored, accepted within {lastAccepted / 1000:0.0} s of the first submission. Written to {path}");
        return ok ? 0 : 3;
    }

    private static string Key(HttpStatusCode status) => ((int)status).ToString(CultureInfo.InvariantCulture);

    private static string Errors(IDictionary<string, int> errors) =>
        errors.Count == 0 ? "" : " (errors: " + string.Join(", ", errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Value:N0} × {e.Key}")) + ")";

    /// <summary>What a submission answered that a repeat must answer too: state, score, percent and submission time.</summary>
    private static string Outcome(string body)
    {
        using var json = JsonDocument.Parse(body);
        var r = json.RootElement;
        return string.Join('|', new[] { "state", "score", "percent", "submittedAt" }.Select(p => r.TryGetProperty(p, out var v) ? v.GetRawText() : ""));
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient http, HttpMethod method, string path, string token, string? json, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        try
        {
            using var response = await http.SendAsync(request, ct);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return ((HttpStatusCode)599, e.Message);
        }
    }

    /// <summary>An answer of the right shape for each question of the paper (right or wrong: the engine grades either).</summary>
    private static JsonObject Answers(JsonElement attempt)
    {
        var answers = new JsonObject();
        foreach (var q in attempt.GetProperty("questions").EnumerateArray())
        {
            var id = q.GetProperty("id").GetString()!;
            static List<string> Ids(JsonElement q, string name) =>
                q.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList() : [];
            JsonNode? answer = q.GetProperty("kind").GetString() switch
            {
                "singleChoice" => Ids(q, "choices")[0],
                "multipleChoice" => new JsonArray(Ids(q, "choices").Take(2).Select(c => (JsonNode)c!).ToArray()),
                "trueFalse" => true,
                "shortAnswer" => "INTERPOL",
                "numeric" => 25,
                "matching" => new JsonObject(Ids(q, "left").Zip(Ids(q, "right")).Select(p => KeyValuePair.Create(p.First, (JsonNode?)p.Second))),
                "ordering" => new JsonArray(Ids(q, "items").Select(c => (JsonNode)c!).ToArray()),
                _ => "La policía debe coordinar con la fiscalía y proteger a las víctimas.",
            };
            answers[id] = answer;
        }
        return answers;
    }

    private sealed record Counts(long Attempts, long Distinct, long Closed, long Twice);

    private static async Task<Counts> CountAsync(NpgsqlDataSource db, Guid quiz, CancellationToken ct, DateTimeOffset? since = null)
    {
        await using var command = db.CreateCommand("""
            SELECT count(*), count(DISTINCT "EnrolmentId"), count(*) FILTER (WHERE "State" IN ('Submitted', 'Graded')),
                   (SELECT count(*) FROM (SELECT 1 FROM "QuizAttempts" WHERE "QuizId" = $1 AND "StartedAt" >= $2 GROUP BY "EnrolmentId" HAVING count(*) > 1) t)
            FROM "QuizAttempts" WHERE "QuizId" = $1 AND "StartedAt" >= $2
            """);
        command.Parameters.AddWithValue(quiz);
        command.Parameters.AddWithValue(since ?? DateTimeOffset.MinValue.AddYears(2000));
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Counts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    private static string? Load()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return null; }
    }
}
