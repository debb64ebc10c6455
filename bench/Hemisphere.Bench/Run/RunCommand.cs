using System.Globalization;

namespace Hemisphere.Bench.Run;

/// <summary>run: measures the size of the people page, picks public people, then loads each scenario in turn with wrk.</summary>
public static class RunCommand
{
    public static async Task<int> RunAsync(Arguments args)
    {
        args.AllowOnly("--url", "--duration", "--warmup", "--connections", "--threads", "--results", "--label");
        var url = ParseUrl(args.Required("--url"));
        var duration = args.Text("--duration") ?? "20s";
        var warmup = args.Text("--warmup") ?? "5s";
        Durations.Parse(duration);
        var warm = warmup != "0";
        if (warm) Durations.Parse(warmup);
        var connections = args.Int("--connections", 32, 1, 100_000);
        var threads = args.Int("--threads", 2, 1, 1024);
        if (threads > connections) throw new UsageException("--threads cannot exceed --connections (each wrk thread needs a connection).");
        var resultsFolder = args.Text("--results") ?? Path.Combine("bench", "results");
        var ct = CancellationToken.None;

        var started = DateTimeOffset.UtcNow;
        var loadBefore = LoadAverage();
        if (loadBefore is not null && double.Parse(loadBefore.Split(' ')[0], CultureInfo.InvariantCulture) > Environment.ProcessorCount / 2d)
            Console.WriteLine($"warning: the machine is already busy (load average {loadBefore} on {Environment.ProcessorCount} cores); figures will be lower and noisier.");
        using var site = new Site(url);
        var people = await site.GetAsync(Scenarios.PeopleFirstPage, ct);
        if (!people.Ok) throw new BenchException($"GET {Scenarios.PeopleFirstPage} answered {(int)people.Status}; is the site running against a generated database?");
        var publicPeople = await site.PublicPeopleAsync(200, ct);
        var wrk = new Wrk(url, threads, connections);
        Console.WriteLine($"{url}: {connections} connections, {threads} wrk threads, {duration} per scenario after a {(warm ? warmup : "no")} warm-up; the people page is {people.Bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes.");

        var results = new List<ScenarioResult>();
        foreach (var scenario in Scenarios.All(people.Bytes, publicPeople))
            results.Add(await RunScenarioAsync(site, wrk, scenario, duration, warm ? warmup : null, ct));

        var ceiling = results[0].Measured?.RequestsPerSecond;
        results = results.Select(r => r with { RatioToCeiling = ceiling > 0 && r.Measured is { } m ? m.RequestsPerSecond / ceiling : null }).ToList();
        var report = new RunReport(started, DateTimeOffset.UtcNow, url.ToString(), duration, warm ? warmup : "0", connections, threads,
            args.Text("--label"), Environment.ProcessorCount, loadBefore, LoadAverage(), people.Bytes, results);
        Console.WriteLine();
        Console.WriteLine(Report.Markdown(report));
        Console.WriteLine("Written to " + await Report.WriteJsonAsync(report, resultsFolder, ct));
        return results.Any(r => r.Measured is { Errors.Total: > 0 }) ? 3 : 0;
    }

    private static async Task<ScenarioResult> RunScenarioAsync(Site site, Wrk wrk, Scenario s, string duration, string? warmup, CancellationToken ct)
    {
        Console.Write($"  ({s.Key}) {s.Title}: ");
        var load = LoadAverage();
        if (s.Paths.Count == 0)
        {
            Console.WriteLine("skipped (no public people to ask for)");
            return new ScenarioResult(s.Key, s.Title, s.Request, 0, null, null, null, "no public people", load, null, null);
        }
        var probe = await site.GetAsync(s.Paths[0], ct);
        if (!probe.Ok)
        {
            var reason = probe.Status == System.Net.HttpStatusCode.NotFound && s.WhenMissing is not null ? s.WhenMissing : "the site did not answer 2xx";
            Console.WriteLine($"skipped, HTTP {(int)probe.Status}: {reason}");
            return new ScenarioResult(s.Key, s.Title, s.Request, s.Paths.Count, (int)probe.Status, probe.Bytes, probe.ContentType, reason, load, null, null);
        }
        if (warmup is not null) await wrk.RunAsync(s.Paths, warmup, ct);
        var measured = await wrk.RunAsync(s.Paths, duration, ct);
        var errors = measured.Errors.Total > 0 ? $" ({measured.Errors.Total.ToString(CultureInfo.InvariantCulture)} errors: {measured.Errors})" : "";
        Console.WriteLine($"{measured.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture)} req/s, p99 {measured.P99Ms.ToString("0.0", CultureInfo.InvariantCulture)} ms{errors}");
        return new ScenarioResult(s.Key, s.Title, s.Request, s.Paths.Count, (int)probe.Status, probe.Bytes, probe.ContentType, null, load, measured, null);
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
