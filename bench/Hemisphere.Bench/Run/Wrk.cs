using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Hemisphere.Bench.Run;

/// <summary>What a scenario sends besides GET and a bearer token: another method, fixed headers, bodies cycled through.</summary>
public sealed record WrkSend(string Method, IReadOnlyDictionary<string, string> Headers, IReadOnlyList<string>? Bodies);

public sealed record WrkErrors(long Connect, long Read, long Write, long Status, long Timeout)
{
    public long Total => Connect + Read + Write + Status + Timeout;
}

/// <summary>What wrk measured; latencies in milliseconds. Bytes: all bytes read, headers and chunk framing included.</summary>
public sealed record WrkResult(long Requests, double Seconds, long Bytes, double RequestsPerSecond,
    double MeanMs, double P50Ms, double P90Ms, double P95Ms, double P99Ms, double MaxMs, WrkErrors Errors)
{
    /// <summary>Bytes read per completed request: at least the body's size when wrk read every body to its end.</summary>
    public double BytesPerRequest => Requests > 0 ? (double)Bytes / Requests : 0;
}

/// <summary>
/// Runs wrk at fixed concurrency with a Lua script written at run time: it cycles through the given
/// paths (requests formatted once, up front) and its done() prints one parseable line of results.
/// wrk parses every response to its end (Content-Length or chunked) before it counts the request and
/// sends the next one on that connection, so large bodies are read whole; a response slower than
/// --timeout is counted as a timeout error and its latency is not recorded.
/// </summary>
public sealed class Wrk(Uri baseUrl, int threads)
{
    private const string Marker = "BENCH ";

    private const string DoneFunction = """
        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("BENCH requests=%d duration_us=%d bytes=%d connect=%d read=%d write=%d status=%d timeout=%d mean_us=%.1f p50_us=%d p90_us=%d p95_us=%d p99_us=%d max_us=%d\n",
            summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
            latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99), latency.max))
        end
        """;

    /// <summary>
    /// The script of one scenario. With tokens, each request carries "Authorization: Bearer …", cycling through
    /// the tokens as through the paths (max(paths, tokens) requests prepared, path i and token i of each list).
    /// A scenario that sends more (another method, headers, bodies) cycles through max(paths, tokens, bodies) requests
    /// the same way, each with the given headers.
    /// </summary>
    public static string Script(IReadOnlyList<string> paths, IReadOnlyList<string>? tokens = null, WrkSend? send = null)
    {
        static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";
        var lua = new StringBuilder("-- Written by Hemisphere.Bench for one scenario; deleted after the run.\nlocal paths = {\n");
        foreach (var path in paths) lua.Append("  ").Append(Quote(path)).Append(",\n");
        lua.Append("}\nlocal tokens = {\n");
        foreach (var token in tokens ?? []) lua.Append("  ").Append(Quote(token)).Append(",\n");
        lua.Append("}\nlocal bodies = {\n");
        foreach (var body in send?.Bodies ?? []) lua.Append("  ").Append(Quote(body)).Append(",\n");
        lua.Append("}\nlocal headers = {\n");
        foreach (var (name, value) in send?.Headers ?? new Dictionary<string, string>()) lua.Append("  [").Append(Quote(name)).Append("] = ").Append(Quote(value)).Append(",\n");
        lua.Append("}\nlocal method = ").Append(Quote(send?.Method ?? "GET")).Append('\n');
        lua.Append("""
            local prepared = {}
            local next_index = 0

            init = function(args)
              local n = math.max(#paths, #tokens, #bodies)
              for i = 1, n do
                local h = {}
                for k, v in pairs(headers) do h[k] = v end
                if #tokens > 0 then h["Authorization"] = "Bearer " .. tokens[(i - 1) % #tokens + 1] end
                local body = nil
                if #bodies > 0 then body = bodies[(i - 1) % #bodies + 1] end
                prepared[i] = wrk.format(method, paths[(i - 1) % #paths + 1], h, body)
              end
            end

            request = function()
              next_index = next_index % #prepared + 1
              return prepared[next_index]
            end

            """);
        return lua.Append(DoneFunction).Append('\n').ToString();
    }

    public async Task<WrkResult> RunAsync(IReadOnlyList<string> paths, IReadOnlyList<string>? tokens, string duration, int connections, int timeoutSeconds, CancellationToken ct, WrkSend? send = null)
    {
        var script = Path.Combine(Path.GetTempPath(), $"hemisphere-bench-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, Script(paths, tokens, send), ct);
        try
        {
            var start = new ProcessStartInfo("wrk")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { "-t", Math.Min(threads, connections).ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", duration,
                         "--timeout", timeoutSeconds.ToString(CultureInfo.InvariantCulture) + "s", "-s", script, new Uri(baseUrl, paths[0]).AbsoluteUri })
                start.ArgumentList.Add(a);
            using var process = Process.Start(start) ?? throw new BenchException("Could not start wrk.");
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var errors = process.StandardError.ReadToEndAsync(ct);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(Durations.Parse(duration) + TimeSpan.FromSeconds(timeoutSeconds) + TimeSpan.FromMinutes(1));
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new BenchException("wrk did not finish in time.");
            }
            var text = await output;
            if (process.ExitCode != 0) throw new BenchException($"wrk failed (exit {process.ExitCode}): {(await errors).Trim()} {text.Trim()}");
            return Parse(text);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BenchException("wrk is not installed or not on PATH (apt-get install wrk).", e);
        }
        finally
        {
            File.Delete(script);
        }
    }

    public static WrkResult Parse(string output)
    {
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal))
            ?? throw new BenchException("wrk printed no results line:\n" + output);
        var values = line[Marker.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => double.Parse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        long L(string key) => (long)values[key];
        double Ms(string key) => values[key] / 1000d;
        var seconds = values["duration_us"] / 1e6;
        return new WrkResult(L("requests"), seconds, L("bytes"), seconds > 0 ? L("requests") / seconds : 0,
            Ms("mean_us"), Ms("p50_us"), Ms("p90_us"), Ms("p95_us"), Ms("p99_us"), Ms("max_us"),
            new WrkErrors(L("connect"), L("read"), L("write"), L("status"), L("timeout")));
    }
}

/// <summary>wrk's durations: a whole number of seconds, minutes or hours ("20s", "2m", "1h"; bare numbers are seconds).</summary>
public static partial class Durations
{
    public static TimeSpan Parse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success || int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is not (> 0 and var n))
            throw new UsageException($"A duration is a whole number followed by s, m or h (e.g. 20s), not '{text}'.");
        return match.Groups[2].Value switch
        {
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            _ => TimeSpan.FromSeconds(n),
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex("^([0-9]{1,5})([smh]?)$")]
    private static partial System.Text.RegularExpressions.Regex Pattern();
}
