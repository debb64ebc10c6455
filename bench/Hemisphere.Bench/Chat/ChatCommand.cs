using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Hemisphere.Bench.Run;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hemisphere.Bench.Chat;

/// <summary>
/// chat: the two chat measurements of issue 5 against a running site with generated members.
/// Fan-out: --members distinct members connect to /hubs/chat (WebSockets, their own bearer token) and join
/// the fan-out room; senders, rotating among them so that none passes the flood limit, send --rate messages
/// a second for --duration; every connection records when each "message" event arrives. Latency is arrival
/// minus the moment Send was invoked, on one Stopwatch in this process.
/// Connections: connections are opened in steps of --step up to --max, each joined to one of the public
/// rooms "bench-room-NN", and after each step the site's memory is read (its cgroup's usage when --cgroup
/// is given, and VmRSS/VmHWM of --site-pid from /proc).
/// </summary>
public static class ChatCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(Arguments args)
    {
        args.AllowOnly("--url", "--seed", "--users", "--members", "--room", "--rate", "--duration", "--max", "--step", "--rooms", "--site-pid", "--cgroup",
            "--time-limit", "--results", "--label", "--skip-fanout", "--skip-connections", "--parallel", "--urls");
        var url = new Uri(args.Required("--url").TrimEnd('/') + "/");
        var seed = args.Int("--seed", 42, int.MinValue, int.MaxValue);
        var users = args.Int("--users", 5000, 1, 1_000_000);
        var members = args.Int("--members", 1000, 1, 100_000);
        var room = args.Text("--room") ?? "bench-fanout";
        var rate = args.Int("--rate", 10, 1, 10_000);
        var duration = Durations.Parse(args.Text("--duration") ?? "30s");
        var max = args.Int("--max", 20_000, 0, 1_000_000);
        var step = args.Int("--step", 2_500, 1, 1_000_000);
        var roomCount = args.Int("--rooms", 8, 1, 99);
        var sitePid = args.Int("--site-pid", 0, 0, int.MaxValue);
        var cgroup = args.Text("--cgroup");
        var timeLimit = Durations.Parse(args.Text("--time-limit") ?? "300s");
        var parallel = args.Int("--parallel", 32, 1, 10_000);
        var resultsFolder = args.Text("--results") ?? Path.Combine("bench", "results");
        // Extra addresses of the same site (Kestrel listening on several), used in turn by the connection test beyond one address's ports.
        var hubUrls = (args.Text("--urls") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => new Uri(u.TrimEnd('/') + "/")).DefaultIfEmpty(url).ToList();
        if (members > users) throw new UsageException("--members cannot exceed --users (the fan-out needs distinct members).");
        var started = DateTimeOffset.UtcNow;
        var loadBefore = Load();
        Console.WriteLine($"chat: {url}, load average {loadBefore}; {Environment.ProcessorCount} cores shared by the site, PostgreSQL and these clients.");

        FanoutResult? fanout = null;
        if (!args.Flag("--skip-fanout"))
            fanout = await FanoutAsync(url, seed, members, room, rate, duration);
        ConnectionsResult? held = null;
        if (!args.Flag("--skip-connections") && max > 0)
            held = await ConnectionsAsync(hubUrls, url, seed, users, roomCount, max, step, parallel, sitePid, cgroup, timeLimit);

        var report = new ChatReport(started, DateTimeOffset.UtcNow, url.ToString(), args.Text("--label"), Environment.ProcessorCount, loadBefore, Load(), fanout, held);
        Directory.CreateDirectory(resultsFolder);
        var path = Path.Combine(resultsFolder, "chat-" + started.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", Inv) + ".json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }) + "\n");
        Console.WriteLine();
        Console.WriteLine(Markdown(report));
        Console.WriteLine("Written to " + path);
        return fanout is { Received: var r, Expected: var e } && r < e ? 3 : 0;
    }

    // ---------- fan-out ----------

    public sealed record FanoutResult(int Members, int Connected, double ConnectSeconds, double JoinSeconds, double JoinP50Ms, double JoinP99Ms, int Rate, double Seconds,
        int Sent, int SendFailed, string? FirstSendError, long Expected, long Received, double P50Ms, double P90Ms, double P99Ms, double MaxMs,
        double SendP50Ms, double SendP99Ms, double SendMaxMs);

    private static HubConnection Hub(Uri url, string token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(url, "hubs/chat"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();

    private static async Task<Guid> RoomIdAsync(Uri url, string token, string slug)
    {
        using var site = new Site(url);
        var answer = await site.GetAsync("/api/v1/chat/rooms/" + Uri.EscapeDataString(slug), CancellationToken.None, token);
        if (!answer.Ok) throw new BenchException($"GET /api/v1/chat/rooms/{slug} answered {(int)answer.Status}: run generate (with --users and --chat-members) and chat with the same --seed.");
        using var json = JsonDocument.Parse(answer.Body);
        return json.RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<FanoutResult> FanoutAsync(Uri url, int seed, int members, string slug, int rate, TimeSpan duration)
    {
        var tokens = BenchUsers.Tokens(seed, 1, members);
        var roomId = await RoomIdAsync(url, tokens[0], slug);
        var total = (int)Math.Ceiling(duration.TotalSeconds * rate);
        // arrivals[message * members + connection]: Stopwatch ticks, 0 = not (yet) received.
        var arrivals = new long[(long)total * members];
        var sentAt = new long[total];
        var clock = Stopwatch.StartNew();
        var connections = new HubConnection[members];
        for (var i = 0; i < members; i++)
        {
            var index = i;
            var c = Hub(url, tokens[i]);
            c.On<JsonElement>("message", m =>
            {
                var now = clock.ElapsedTicks;
                var body = m.GetProperty("body").GetString() ?? "";
                var mark = body.IndexOf("[bench ", StringComparison.Ordinal);
                if (mark < 0) return;
                var end = body.IndexOf(']', mark);
                if (int.TryParse(body.AsSpan(mark + 7, end - mark - 7), NumberStyles.Integer, Inv, out var k) && k >= 0 && k < total)
                    Interlocked.CompareExchange(ref arrivals[(long)k * members + index], now, 0);
            });
            c.On<JsonElement>("presence", _ => { });
            connections[i] = c;
        }
        Console.WriteLine($"Fan-out: connecting {members.ToString("N0", Inv)} members to {url}hubs/chat (WebSockets, bearer tokens)…");
        var connect = Stopwatch.StartNew();
        var connected = 0;
        await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (c, ct) =>
        {
            try { await c.StartAsync(ct); Interlocked.Increment(ref connected); }
            catch (Exception e) when (e is HttpRequestException or IOException or System.Net.WebSockets.WebSocketException or InvalidOperationException or TimeoutException)
            {
                Console.WriteLine("  connect failed: " + e.Message);
            }
        });
        var connectSeconds = connect.Elapsed.TotalSeconds;
        Console.WriteLine($"  {connected.ToString("N0", Inv)} connected in {connectSeconds.ToString("0.0", Inv)} s; joining the room…");
        var join = Stopwatch.StartNew();
        var joinTimes = new ConcurrentBag<double>();
        await Parallel.ForEachAsync(connections.Where(c => c.State == HubConnectionState.Connected), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, ct) =>
        {
            var one = Stopwatch.StartNew();
            await c.InvokeAsync<JsonElement>("Join", roomId, ct);
            joinTimes.Add(one.Elapsed.TotalMilliseconds);
        });
        var joinSeconds = join.Elapsed.TotalSeconds;
        var joins = joinTimes.Order().ToArray();
        Console.WriteLine($"  joined in {joinSeconds.ToString("0.0", Inv)} s (Join p50 {Pct(joins, 50).ToString("0.0", Inv)} ms, p99 {Pct(joins, 99).ToString("0.0", Inv)} ms); letting the presence events settle…");
        await Task.Delay(TimeSpan.FromSeconds(5));

        Console.WriteLine($"  sending {total.ToString("N0", Inv)} messages at {rate.ToString(Inv)}/s, each from the next member in turn…");
        var sendTimes = new double[total];
        var failed = 0;
        string? firstError = null;
        var sends = new List<Task>(total);
        var live = connections.Where(c => c.State == HubConnectionState.Connected).ToArray();
        var origin = clock.Elapsed;
        for (var k = 0; k < total; k++)
        {
            var due = origin + TimeSpan.FromSeconds((double)k / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var sender = live[k % live.Length];
            var message = k;
            sentAt[k] = clock.ElapsedTicks;
            sends.Add(Task.Run(async () =>
            {
                var at = clock.ElapsedTicks;
                try
                {
                    await sender.InvokeAsync<JsonElement>("Send", roomId, $"[bench {message.ToString(Inv)}] Mensaje de prueba a la sala: coordinación del operativo regional, punto {message % 7 + 1} del orden del día.");
                    sendTimes[message] = (clock.ElapsedTicks - at) * 1000d / Stopwatch.Frequency;
                }
                catch (Exception e) when (e is Microsoft.AspNetCore.SignalR.HubException or InvalidOperationException or IOException or TaskCanceledException)
                {
                    sendTimes[message] = double.NaN;
                    sentAt[message] = -1;
                    if (Interlocked.Increment(ref failed) == 1) firstError = e.Message;
                }
            }));
        }
        await Task.WhenAll(sends);
        var sendSeconds = (clock.Elapsed - origin).TotalSeconds;
        // Deliveries still on their way: wait until nothing more arrives for 3 s (at most 30 s).
        long Count() { long n = 0; foreach (var a in arrivals) if (a != 0) n++; return n; }
        var last = -1L;
        for (var waited = 0; waited < 30; waited += 3)
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            var n = Count();
            if (n == last) break;
            last = n;
        }
        var latencies = new List<double>(arrivals.Length);
        long expected = 0;
        for (var k = 0; k < total; k++)
        {
            if (sentAt[k] < 0) continue;
            expected += live.Length;
            for (var m = 0; m < members; m++)
                if (arrivals[(long)k * members + m] is var a and > 0) latencies.Add((a - sentAt[k]) * 1000d / Stopwatch.Frequency);
        }
        latencies.Sort();
        var okSends = sendTimes.Where(t => !double.IsNaN(t)).Order().ToArray();
        await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (c, _) => await c.DisposeAsync());
        var result = new FanoutResult(members, connected, connectSeconds, joinSeconds, Pct(joins, 50), Pct(joins, 99), rate, sendSeconds, total - failed, failed, firstError,
            expected, latencies.Count, Pct(latencies, 50), Pct(latencies, 90), Pct(latencies, 99), latencies.Count > 0 ? latencies[^1] : 0,
            Pct(okSends, 50), Pct(okSends, 99), okSends.Length > 0 ? okSends[^1] : 0);
        Console.WriteLine($"  {result.Received.ToString("N0", Inv)} of {result.Expected.ToString("N0", Inv)} deliveries; latency p50 {result.P50Ms.ToString("0.0", Inv)} ms, p99 {result.P99Ms.ToString("0.0", Inv)} ms");
        return result;
    }

    private static double Pct(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    // ---------- connections per node ----------

    public sealed record Step(int Connections, int Failed, double Seconds, long? CgroupBytes, long? RssBytes, long? RssPeakBytes, string? FirstError);

    public sealed record ConnectionsResult(int Target, int StepSize, int Rooms, int Users, int Held, string? StoppedBecause, string? Cgroup, long? CgroupLimitBytes,
        long? BaselineCgroupBytes, long? BaselineRssBytes, IReadOnlyList<Step> Steps, double? BytesPerConnectionCgroup, double? BytesPerConnectionRss,
        double? ExtrapolatedAt4GiB, bool LimitReached);

    private static async Task<ConnectionsResult> ConnectionsAsync(IReadOnlyList<Uri> urls, Uri apiUrl, int seed, int users, int roomCount, int max, int step, int parallel,
        int sitePid, string? cgroup, TimeSpan timeLimit)
    {
        var tokens = BenchUsers.Tokens(seed, 1, users);
        var rooms = new List<Guid>();
        for (var r = 1; r <= roomCount; r++) rooms.Add(await RoomIdAsync(apiUrl, tokens[0], $"bench-room-{r:00}"));
        var limit = ReadLong(cgroup, "memory.max") ?? ReadLong(cgroup, "memory.limit_in_bytes");
        (long? Cg, long? Rss, long? Hwm) Memory() =>
            (ReadLong(cgroup, "memory.current") ?? ReadLong(cgroup, "memory.usage_in_bytes"), Status(sitePid, "VmRSS"), Status(sitePid, "VmHWM"));
        var baseline = Memory();
        Console.WriteLine($"Connections: up to {max.ToString("N0", Inv)} in steps of {step.ToString("N0", Inv)}, joined to {roomCount} public rooms, members 1–{users.ToString("N0", Inv)} in turn; site pid {sitePid}, cgroup {cgroup ?? "none"} (limit {(limit is { } l && l < long.MaxValue / 2 ? Mb(l) : "none")}); before: cgroup {Mb(baseline.Cg)}, RSS {Mb(baseline.Rss)}.");
        var open = new List<HubConnection>(max);
        var steps = new List<Step>();
        string? stopped = null;
        var deadline = Stopwatch.StartNew();
        while (open.Count < max)
        {
            if (deadline.Elapsed > timeLimit) { stopped = $"the time limit ({timeLimit.TotalSeconds.ToString("0", Inv)} s) was reached"; break; }
            var from = open.Count;
            var count = Math.Min(step, max - from);
            var batch = new HubConnection?[count];
            var failed = 0;
            string? firstError = null;
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, ct) =>
            {
                var n = from + i;
                var c = Hub(urls[n % urls.Count], tokens[n % users]);
                c.On<JsonElement>("presence", _ => { });
                c.On<JsonElement>("message", _ => { });
                try
                {
                    await c.StartAsync(ct);
                    await c.InvokeAsync<JsonElement>("Join", rooms[n % rooms.Count], ct);
                    batch[i] = c;
                }
                catch (Exception e)
                {
                    if (Interlocked.Increment(ref failed) == 1) firstError = e.GetType().Name + ": " + e.Message;
                    await c.DisposeAsync();
                }
            });
            open.AddRange(batch.Where(c => c is not null)!);
            var seconds = clock.Elapsed.TotalSeconds;
            await Task.Delay(TimeSpan.FromSeconds(3));
            var alive = open.Count(c => c.State == HubConnectionState.Connected);
            var m = Memory();
            steps.Add(new Step(alive, failed, seconds, m.Cg, m.Rss, m.Hwm, firstError));
            Console.WriteLine($"  {alive.ToString("N0", Inv),7} held ({failed.ToString("N0", Inv)} failed{(firstError is null ? "" : ": " + firstError)}) in {seconds.ToString("0.0", Inv)} s; cgroup {Mb(m.Cg)}, RSS {Mb(m.Rss)}, peak RSS {Mb(m.Hwm)}");
            if (failed > count / 10) { stopped = $"{failed.ToString("N0", Inv)} of {count.ToString("N0", Inv)} connections in the last step failed ({firstError})"; break; }
            if (sitePid > 0 && !File.Exists($"/proc/{sitePid}/status")) { stopped = "the site process ended"; break; }
        }
        stopped ??= $"the target of {max.ToString("N0", Inv)} connections was reached";
        var held = steps.Count > 0 ? steps.Max(s => s.Connections) : 0;
        double? Slope(Func<Step, long?> value, long? zero)
        {
            var points = steps.Where(s => value(s) is not null).Select(s => ((double)s.Connections, (double)value(s)!.Value)).ToList();
            if (zero is { } z) points.Insert(0, (0, z));
            if (points.Count < 2) return null;
            var mx = points.Average(p => p.Item1);
            var my = points.Average(p => p.Item2);
            var sxx = points.Sum(p => (p.Item1 - mx) * (p.Item1 - mx));
            return sxx > 0 ? points.Sum(p => (p.Item1 - mx) * (p.Item2 - my)) / sxx : null;
        }
        var slopeCg = Slope(s => s.CgroupBytes, baseline.Cg);
        var slopeRss = Slope(s => s.RssBytes, baseline.Rss);
        const long FourGiB = 4L * 1024 * 1024 * 1024;
        var slope = slopeCg ?? slopeRss;
        var start = baseline.Cg ?? baseline.Rss;
        double? extrapolated = slope is > 0 && start is { } b ? (FourGiB - b) / slope.Value : null;
        var reached = steps.Any(s => (s.CgroupBytes ?? s.RssBytes ?? 0) >= FourGiB * 0.95);
        Console.WriteLine($"  closing {open.Count.ToString("N0", Inv)} connections…");
        await Parallel.ForEachAsync(open, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (c, _) => await c.DisposeAsync());
        return new ConnectionsResult(max, step, roomCount, users, held, stopped, cgroup, limit is { } x && x < long.MaxValue / 2 ? x : null, baseline.Cg, baseline.Rss, steps,
            slopeCg, slopeRss, extrapolated, reached);
    }

    private static long? ReadLong(string? folder, string file)
    {
        if (folder is null) return null;
        try
        {
            var text = File.ReadAllText(Path.Combine(folder, file)).Trim();
            return long.TryParse(text, NumberStyles.Integer, Inv, out var v) ? v : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>A "kB" line of /proc/PID/status, in bytes.</summary>
    private static long? Status(int pid, string key)
    {
        if (pid <= 0) return null;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith(key + ":", StringComparison.Ordinal))
                    return long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], Inv) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return null;
    }

    private static string Mb(long? bytes) => bytes is { } b ? (b / 1048576d).ToString("N0", Inv) + " MiB" : "n/a";

    private static string? Load()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return null; }
    }

    public sealed record ChatReport(DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string Url, string? Label, int ProcessorCount, string? LoadAverageBefore,
        string? LoadAverageAfter, FanoutResult? Fanout, ConnectionsResult? Connections);

    public static string Markdown(ChatReport r)
    {
        static string N(double n) => n.ToString("N0", Inv);
        static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", Inv);
        var md = new System.Text.StringBuilder();
        md.AppendLine(Inv, $"Chat on {r.Url}; {r.ProcessorCount} cores shared by the site, PostgreSQL and the clients; load average before {r.LoadAverageBefore ?? "?"}, after {r.LoadAverageAfter ?? "?"}.");
        if (r.Fanout is { } f)
        {
            md.AppendLine();
            md.AppendLine(Inv, $"Fan-out to a room of {N(f.Members)} members (all connected and joined: {N(f.Connected)} connected in {f.ConnectSeconds:0.0} s, joined in {f.JoinSeconds:0.0} s, Join p50 {Ms(f.JoinP50Ms)} ms, p99 {Ms(f.JoinP99Ms)} ms):");
            md.AppendLine();
            md.AppendLine("| Messages sent | Rate | Send failures | Deliveries expected | Received | p50 ms | p90 ms | p99 ms | max ms | Send round trip p50 / p99 / max ms |");
            md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            md.AppendLine(Inv, $"| {N(f.Sent)} in {f.Seconds:0.0} s | {f.Rate}/s | {N(f.SendFailed)} | {N(f.Expected)} | {N(f.Received)} | {Ms(f.P50Ms)} | {Ms(f.P90Ms)} | {Ms(f.P99Ms)} | {Ms(f.MaxMs)} | {Ms(f.SendP50Ms)} / {Ms(f.SendP99Ms)} / {Ms(f.SendMaxMs)} |");
            if (f.FirstSendError is not null) md.AppendLine(Inv, $"\nFirst send failure: {f.FirstSendError}");
        }
        if (r.Connections is { } c)
        {
            md.AppendLine();
            md.AppendLine(Inv, $"Connections held by the site (each joined to one of {c.Rooms} public rooms; cgroup {c.Cgroup ?? "none"}, limit {Mb(c.CgroupLimitBytes)}; before: cgroup {Mb(c.BaselineCgroupBytes)}, RSS {Mb(c.BaselineRssBytes)}):");
            md.AppendLine();
            md.AppendLine("| Connections held | Failed in step | Step took s | cgroup memory | RSS | peak RSS |");
            md.AppendLine("|---:|---:|---:|---:|---:|---:|");
            foreach (var s in c.Steps)
                md.AppendLine(Inv, $"| {N(s.Connections)} | {N(s.Failed)} | {s.Seconds:0.0} | {Mb(s.CgroupBytes)} | {Mb(s.RssBytes)} | {Mb(s.RssPeakBytes)} |");
            md.AppendLine();
            md.AppendLine(Inv, $"Most held: {N(c.Held)}; stopped because {c.StoppedBecause}. Memory per connection (least-squares slope from the baseline): {(c.BytesPerConnectionCgroup is { } a ? N(a / 1024) + " KiB (cgroup)" : "n/a")}, {(c.BytesPerConnectionRss is { } b ? N(b / 1024) + " KiB (RSS)" : "n/a")}.");
            md.AppendLine(c.LimitReached
                ? "The 4 GiB limit was reached: the most held is the measurement."
                : c.ExtrapolatedAt4GiB is { } x ? $"**Extrapolation, not a measurement:** at that slope 4 GiB would hold about {N(x)} connections (the limit was not reached)." : "No extrapolation (no memory figures).");
        }
        return md.ToString();
    }
}
