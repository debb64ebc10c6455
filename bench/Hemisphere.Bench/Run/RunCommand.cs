using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Hemisphere.Bench.Run;

/// <summary>run: measures the size of the people page, picks public people, then loads each scenario in turn with wrk.</summary>
public static class RunCommand
{
    public static async Task<int> RunAsync(Arguments args)
    {
        args.AllowOnly("--url", "--duration", "--warmup", "--connections", "--big-connections", "--threads", "--results", "--label", "--seed", "--members", "--only", "--statements");
        var url = ParseUrl(args.Required("--url"));
        var duration = args.Text("--duration") ?? "20s";
        var warmup = args.Text("--warmup") ?? "5s";
        Durations.Parse(duration);
        var warm = warmup != "0";
        if (warm) Durations.Parse(warmup);
        var connections = args.Int("--connections", 32, 1, 100_000);
        var bigConnections = args.Int("--big-connections", 4, 1, 100_000);
        var threads = args.Int("--threads", 2, 1, 1024);
        if (threads > connections) throw new UsageException("--threads cannot exceed --connections (each wrk thread needs a connection).");
        var resultsFolder = args.Text("--results") ?? Path.Combine("bench", "results");
        var seed = args.Int("--seed", 42, int.MinValue, int.MaxValue);
        var members = args.Int("--members", 200, 0, 1_000_000);
        // How many statements the records verb generated: only for the titles (the run does not read the database).
        var statements = args.Int("--statements", 0, 0, int.MaxValue);
        // --only o,p: just those scenarios, each with its ceiling (to compare before and after a change quickly).
        var only = args.Text("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var ct = CancellationToken.None;

        var started = DateTimeOffset.UtcNow;
        var loadBefore = LoadAverage();
        if (loadBefore is not null && double.Parse(loadBefore.Split(' ')[0], CultureInfo.InvariantCulture) > Environment.ProcessorCount / 2d)
            Console.WriteLine($"warning: the machine is already busy (load average {loadBefore} on {Environment.ProcessorCount} cores); figures will be lower and noisier.");
        using var site = new Site(url);
        var people = await site.GetAsync(Scenarios.PeopleFirstPage, ct);
        if (!people.Ok) throw new BenchException($"GET {Scenarios.PeopleFirstPage} answered {(int)people.Status}; is the site running against a generated database?");
        var publicPeople = await site.PublicPeopleAsync(200, ct);
        var scenarios = new List<Scenario>(Scenarios.Directory(people.Bytes, publicPeople));

        // The portfolio: each scenario is sized first, so that its own ceiling moves as many bytes.
        var (code, activities, why) = await site.BusiestCountryAsync(ct);
        var sheet = Scenarios.CountrySheet(code, activities, why, bigConnections);
        scenarios.AddRange(Scenarios.WithCeiling(sheet, sheet.Skip is null ? await site.GetAsync(sheet.Paths[0], ct) : null));
        foreach (var big in new[] { Scenarios.IatiExport(bigConnections), Scenarios.JsonExport(bigConnections) })
            scenarios.AddRange(Scenarios.WithCeiling(big, await site.GetAsync(big.Paths[0], ct)));

        // The knowledge library: the search page with three typical queries, the search API, an item's page; each with its own ceiling.
        foreach (var (key, query) in Scenarios.SearchPageQueries)
        {
            var page = Scenarios.SearchPage(key, query, await site.SearchTotalAsync(query, ct), bigConnections);
            scenarios.AddRange(Scenarios.WithCeiling(page, await site.GetAsync(page.Paths[0], ct)));
        }
        var api = Scenarios.SearchApi(await site.SearchTotalAsync(Scenarios.SearchApiQuery, ct), bigConnections);
        scenarios.AddRange(Scenarios.WithCeiling(api, await site.GetAsync(api.Paths[0], ct)));
        var (slugs, noSlugs) = await site.LibrarySlugsAsync(50, ct);
        var item = Scenarios.LibraryItem(slugs, noSlugs);
        scenarios.AddRange(Scenarios.WithCeiling(item, item.Skip is null ? await site.MeanAsync(item.Paths, ct) : null));

        // The forums, signed in: generated members' tokens (recomputed from the seed), each scenario with its own ceiling sending the same headers.
        var tokens = BenchUsers.Tokens(seed, 1, members);
        var (forum, noForum) = members > 0 ? await site.ForumAsync(tokens[0], ct) : (null, "--members 0: no signed-in scenarios");
        foreach (var signedIn in new[] { Scenarios.TopicPage(forum, noForum, tokens), Scenarios.CategoryPage(forum, noForum, tokens), Scenarios.CategoryApi(forum, noForum, tokens) })
            scenarios.AddRange(Scenarios.WithCeiling(signedIn, signedIn.Skip is null ? await site.MeanOverTokensAsync(signedIn.Paths[0], tokens, 20, ct) : null));
        // The academy, signed in: learner accounts' tokens, the staff editor's and the institution manager's (all recomputed from the seed).
        var learnerTokens = BenchUsers.LearnerTokens(seed, 1, members);
        var staff = new[] { BenchUsers.AcademyToken(seed, "staff", 1) };
        var manager = new[] { BenchUsers.AcademyToken(seed, "manager", 1) };
        var (academy, noAcademy) = members > 0 ? await site.AcademyAsync(learnerTokens, ct) : (null, "--members 0: no signed-in scenarios");
        var timings = new List<Timing>();
        if (academy is not null && (only is null || only.Overlaps(["v", "w", "x"])))
            timings.AddRange(await DashboardTimingsAsync(site, staff[0], manager[0], ct));
        var attempts = academy is not null && (only is null || only.Contains("u")) ? await site.StartAttemptsAsync(academy.FinalQuiz, learnerTokens, ct) : [];
        var dashboardWhy = academy is null ? noAcademy : null;
        foreach (var signedIn in new[]
                 {
                     Scenarios.LearnerDashboard(academy, noAcademy, learnerTokens), Scenarios.LessonPage(academy, noAcademy, learnerTokens),
                     Scenarios.QuizPage(academy, noAcademy, learnerTokens), Scenarios.AttemptPage(academy, noAcademy, learnerTokens, attempts),
                     Scenarios.CountryDashboard("v", "Country dashboard page, every enrolment, as staff (from memory, recounted behind the readers each minute)", Scenarios.DashboardPage, dashboardWhy, staff),
                     Scenarios.CountryDashboard("w", "Dashboard API by country, every enrolment, as staff (from memory, recounted behind the readers each minute)", Scenarios.DashboardApi, dashboardWhy, staff),
                     Scenarios.CountryDashboard("x", "Country dashboard page, as the manager of one institution (from memory, recounted each minute)", Scenarios.DashboardPage, dashboardWhy, manager),
                 })
            scenarios.AddRange(Scenarios.WithCeiling(signedIn, signedIn.Skip is null ? await ProbeAsync(site, signedIn, ct) : null));
        // Credentials and learning records: the LRS with the bench client's credentials (both recomputed from the seed), queries first
        // (the writes add statements), and the public verification page of the generated certificates.
        var xapi = BenchRecords.XapiAuthorization(seed);
        var (lrs, noLrs) = await site.LrsAsync(xapi, statements, ct);
        var lrsQuery = Scenarios.LrsQuery(lrs, noLrs, xapi);
        scenarios.AddRange(Scenarios.WithCeiling(lrsQuery, lrsQuery.Skip is null ? await ProbeAsync(site, lrsQuery, ct) : null));
        var codes = Enumerable.Range(1, 200).Select(n => BenchRecords.CertificateCode(seed, n)).ToList();
        var firstCertificate = await site.GetAsync("/api/v1/certificates/" + codes[0] + "/verification", ct);
        var verification = Scenarios.VerificationPage(codes, firstCertificate.Ok ? null : $"certificate 1 of the seed is not there (HTTP {(int)firstCertificate.Status}): run the records verb with --certificates and the same --seed");
        scenarios.AddRange(Scenarios.WithCeiling(verification, verification.Skip is null ? await site.MeanAsync(verification.Paths.Take(20).ToList(), ct) : null));
        foreach (var write in Scenarios.LrsWrites(lrs, noLrs, xapi))
            scenarios.AddRange(Scenarios.WithCeiling(write, write.Skip is null ? await ProbeAsync(site, write, ct) : null));
        if (only is not null)
        {
            scenarios = scenarios.Where(s => only.Contains(s.Key) || only.Contains(s.Key.TrimEnd('0'))).ToList();
            // A scenario's ratio needs its ceiling: keep the directory's (a) for b–f.
            if (scenarios.Any(s => s.Ceiling == "a") && scenarios.All(s => s.Key != "a")) scenarios.Insert(0, Scenarios.Directory(people.Bytes, publicPeople)[0]);
        }

        var wrk = new Wrk(url, threads);
        Console.WriteLine($"{url}: {connections} connections ({bigConnections} for the large answers), {threads} wrk threads, {duration} per scenario after a {(warm ? warmup : "no")} warm-up; the people page is {people.Bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes.");

        var results = new List<ScenarioResult>();
        foreach (var scenario in scenarios)
            results.Add(await RunScenarioAsync(site, wrk, scenario, duration, warm ? warmup : null, scenario.Connections ?? connections, ct));
        results = Ratios(results);
        // The dashboard again, more than a minute after its last count: answered at once, recounted behind the reader.
        if (academy is not null && timings.Count > 0)
        {
            // The staff's count was last made during (v)/(w) (recounted behind the readers once a minute): wait until it is over a minute old.
            var lastStaff = results.Where(r => r.Key is "v" or "w" && r.Measured is not null).Select(r => r.FinishedAt).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
            var wait = lastStaff + TimeSpan.FromSeconds(62) - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                Console.WriteLine($"  waiting {wait.TotalSeconds:0} s for the dashboard's count to be over a minute old…");
                await Task.Delay(wait, ct);
            }
            timings.AddRange(await StaleDashboardTimingsAsync(site, staff[0], ct));
        }
        foreach (var t in timings) Console.WriteLine($"  dashboard: {t.What}: {t.Milliseconds.ToString("0", CultureInfo.InvariantCulture)} ms (HTTP {t.Status})");

        var report = new RunReport(started, DateTimeOffset.UtcNow, url.ToString(), duration, warm ? warmup : "0", connections, bigConnections, threads,
            args.Text("--label"), Environment.ProcessorCount, loadBefore, LoadAverage(), people.Bytes, results, Notes(results), timings);
        Console.WriteLine();
        Console.WriteLine(Report.Markdown(report));
        Console.WriteLine("Written to " + await Report.WriteJsonAsync(report, resultsFolder, ct));
        var failed = results.Where(r => r.Broken || r.Measured is { Errors.Total: > 0 }).Select(r => r.Key).ToList();
        if (failed.Count == 0) return 0;
        Console.WriteLine($"Exit code 3: requests failed in ({string.Join("), (", failed)}).");
        return 3;
    }

    private static Task<Site.Answer> ProbeAsync(Site site, Scenario s, CancellationToken ct) =>
        s.Send is { } send ? site.MeanSentAsync(send.Method, s.Paths, send.Headers, send.Bodies, s.ProbeAll ? int.MaxValue : 20, ct) :
        s.Paired ? site.MeanPairedAsync(s.Paths, s.Tokens!, 20, ct) : site.MeanOverTokensAsync(s.Paths[0], s.Tokens!, 20, ct);

    /// <summary>One request, timed alone: the dashboards' first (uncached) answers.</summary>
    private static async Task<Timing> TimeAsync(Site site, string what, string path, string token, CancellationToken ct)
    {
        var answer = await site.GetAsync(path, ct, token);
        return new Timing(what, path, (int)answer.Status, answer.Bytes, answer.Milliseconds, DateTimeOffset.UtcNow);
    }

    /// <summary>
    /// The dashboards before any load. The site counts the staff's whole-academy dashboards (by each dimension) about ten seconds
    /// after it starts, keeps every count in memory, and recounts one in the background when a reader finds it over a minute old
    /// (DashboardSnapshots): readers wait only for a key nobody has asked for yet. So: the whole-academy answers staff get (counted
    /// at start; a request made while that count still runs waits for it), the first answers of keys nobody asked for (the reader
    /// waits for the count: the uncached time), and the same keys again (from memory).
    /// </summary>
    private static async Task<List<Timing>> DashboardTimingsAsync(Site site, string staff, string manager, CancellationToken ct)
    {
        // A key nothing matches first, so the page's first compilation and the code's first run are not in the figures below.
        await TimeAsync(site, "warm-up", Scenarios.DashboardPage + "&year=1990", staff, ct);
        var list = new List<Timing>
        {
            await TimeAsync(site, "Country dashboard page, staff, every enrolment (counted by the site at start)", Scenarios.DashboardPage, staff, ct),
            await TimeAsync(site, "The same page again", Scenarios.DashboardPage, staff, ct),
            await TimeAsync(site, "Dashboard API by country, staff (the page's count)", Scenarios.DashboardApi, staff, ct),
            await TimeAsync(site, "Dashboard API by institution, staff (counted at start)", "/api/v1/academy/dashboard?by=institution", staff, ct),
            await TimeAsync(site, "Dashboard API by course, staff (counted at start)", "/api/v1/academy/dashboard?by=course", staff, ct),
        };
        foreach (var year in new[] { 2022, 2024, 2026 })
            list.Add(await TimeAsync(site, $"Dashboard API by country, staff, year={year}: first request (the reader waits for the count)", $"/api/v1/academy/dashboard?by=country&year={year}", staff, ct));
        list.Add(await TimeAsync(site, "Dashboard API by country, staff, year=2026 again (from memory)", "/api/v1/academy/dashboard?by=country&year=2026", staff, ct));
        list.Add(await TimeAsync(site, "Country dashboard page, institution manager: first request (the reader waits for the count)", Scenarios.DashboardPage, manager, ct));
        return list;
    }

    /// <summary>
    /// A dashboard whose count is over a minute old: answered from memory at once while the site recounts it behind the reader;
    /// then how long until the new count is answered (the API's "at" changes), which is the recount's time under whatever load there is.
    /// </summary>
    private static async Task<List<Timing>> StaleDashboardTimingsAsync(Site site, string staff, CancellationToken ct)
    {
        static string? At(string body) => JsonDocument.Parse(body).RootElement.GetProperty("at").GetString();
        var before = await site.GetAsync(Scenarios.DashboardApi, ct, staff);
        var countedAt = At(before.Body);
        var started = Stopwatch.StartNew();
        var list = new List<Timing>
        {
            await TimeAsync(site, "Country dashboard page, staff, its count over a minute old: answered from memory while it is recounted", Scenarios.DashboardPage, staff, ct),
        };
        while (started.Elapsed < TimeSpan.FromMinutes(2))
        {
            var now = await site.GetAsync(Scenarios.DashboardApi, ct, staff);
            if (now.Ok && At(now.Body) != countedAt)
            {
                list.Add(new Timing("The recount behind it, until its new figures are answered (polled every 100 ms)", "(background)", 200, now.Bytes,
                    started.Elapsed.TotalMilliseconds, DateTimeOffset.UtcNow));
                break;
            }
            await Task.Delay(100, ct);
        }
        return list;
    }

    private static async Task<ScenarioResult> RunScenarioAsync(Site site, Wrk wrk, Scenario s, string duration, string? warmup, int connections, CancellationToken ct)
    {
        Console.Write($"  ({s.Key}) {s.Title}: ");
        var load = LoadAverage();
        ScenarioResult Result(Site.Answer? probe, string? skipped, bool broken, WrkResult? measured) => new(
            s.Key, s.Title, s.Request, s.Paths.Count, connections, (int?)probe?.Status, probe?.Bytes, probe?.ContentType, probe?.Milliseconds,
            skipped, broken, load, measured, s.Ceiling, s.CappedFrom, null, null,
            measured is not null && probe is not null ? measured.RequestsPerSecond * probe.Bytes : null)
        { FinishedAt = DateTimeOffset.UtcNow };
        if (s.Skip is not null || s.Paths.Count == 0)
        {
            var reason = s.Skip ?? "no public people to ask for";
            Console.WriteLine("skipped: " + reason);
            return Result(null, reason, false, null);
        }
        // Signed-in pages differ a little by member (language, unread marks, links to their own posts): their size is the mean over a sample of the tokens.
        var probe = s.Paired || s.Tokens is { Count: > 0 } || s.Send is not null ? await ProbeAsync(site, s, ct)
            : s.ProbeAll ? await site.MeanAsync(s.Paths, ct) : await site.GetAsync(s.Paths[0], ct);
        if (!probe.Ok)
        {
            var reason = probe.Truncated
                ? $"the site answered {(int)probe.Status} and then closed the connection after {probe.Bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes of the body (see the site's log)"
                : probe.Status == System.Net.HttpStatusCode.NotFound && s.WhenMissing is not null ? s.WhenMissing : "the site did not answer 2xx";
            Console.WriteLine($"skipped, HTTP {(int)probe.Status}: {reason}");
            return Result(probe, reason, probe.Truncated || (int)probe.Status >= 500, null);
        }
        if (warmup is not null) await wrk.RunAsync(s.Paths, s.Tokens, warmup, connections, s.TimeoutSeconds, ct, s.Send);
        var measured = await wrk.RunAsync(s.Paths, s.Tokens, duration, connections, s.TimeoutSeconds, ct, s.Send);
        var errors = measured.Errors.Total > 0 ? $" ({measured.Errors.Total.ToString(CultureInfo.InvariantCulture)} errors: {measured.Errors})" : "";
        Console.WriteLine($"{measured.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture)} req/s, {(measured.RequestsPerSecond * probe.Bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture)} MB/s of bodies, p99 {measured.P99Ms.ToString("0.0", CultureInfo.InvariantCulture)} ms, {connections} connections{errors}");
        return Result(probe, null, false, measured);
    }

    /// <summary>
    /// Each scenario against its ceiling: requests per second divided by the ceiling's, or, when the
    /// ceiling had to be capped below the scenario's size, body bytes per second divided by the ceiling's.
    /// </summary>
    private static List<ScenarioResult> Ratios(List<ScenarioResult> results)
    {
        var byKey = results.ToDictionary(r => r.Key, StringComparer.Ordinal);
        return results.Select(r =>
        {
            if (r.Measured is not { } m) return r;
            if (r.CeilingKey is null) return r with { RatioToCeiling = 1, RatioBasis = "requests" };
            if (byKey.GetValueOrDefault(r.CeilingKey) is not { Measured: { RequestsPerSecond: > 0 } c } ceiling) return r;
            return ceiling.CappedFrom is not null && ceiling.BodyBytesPerSecond > 0
                ? r with { RatioToCeiling = r.BodyBytesPerSecond / ceiling.BodyBytesPerSecond, RatioBasis = "bytes" }
                : r with { RatioToCeiling = m.RequestsPerSecond / c.RequestsPerSecond, RatioBasis = "requests" };
        }).ToList();
    }

    /// <summary>What the table cannot say in a cell.</summary>
    private static List<string> Notes(List<ScenarioResult> results)
    {
        static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        var notes = new List<string>();
        var byKey = results.ToDictionary(r => r.Key, StringComparer.Ordinal);
        foreach (var r in results)
        {
            if (r.CappedFrom is { } full && r.ResponseBytes is { } served)
            {
                var of = r.Key.TrimEnd('0');
                notes.Add($"({r.Key}) serves {N(served)} bytes, the most /bench/ceiling serves, while ({of}) answers {N(full)} bytes: ({of}) is compared on body bytes per second (its req/s × its bytes ÷ ({r.Key})'s req/s × {N(served)}), not on requests per second. At these sizes the ceiling's cost is mostly moving the bytes, so its bytes per second hardly depends on its size; if anything a full-size ceiling would be a little faster per byte, which makes this ratio slightly generous to ({of}).");
            }
            if (r.Broken)
                notes.Add($"({r.Key}) could not be measured: {r.Skipped}.");
            if (r.Measured is { } m && r.ResponseBytes is { } body && m.Requests > 0 && m.BytesPerRequest < body)
                notes.Add($"({r.Key}): wrk read {N((long)m.BytesPerRequest)} bytes per request, fewer than the {N(body)} bytes of the body: bodies were not all read whole, so its figures are not a measurement of the endpoint.");
            if (r.Measured is { Requests: 0 })
                notes.Add($"({r.Key}): no request completed in the measured time (slower than the whole run at this concurrency): its row says nothing.");
            if (r.Measured is { Requests: > 0 and < 100 } few)
                notes.Add($"({r.Key}): only {N(few.Requests)} requests in the measured time; its percentiles are rough.");
        }
        return notes;
    }

    private static Uri ParseUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw new UsageException($"--url must be an absolute http(s) address, not '{text}'.");
        return new Uri(url.GetLeftPart(UriPartial.Authority) + "/");
    }

    private static string? LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(' ', fields.Take(3));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
