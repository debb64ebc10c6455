using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Hemisphere.Bench.Run;

/// <summary>
/// One scenario's outcome. CeilingKey: the ceiling it is read against. RatioBasis: "requests" (req/s ÷
/// the ceiling's req/s) or "bytes" (body bytes/s ÷ the ceiling's, when the ceiling was capped below the
/// scenario's size). Broken: the site failed the plain request (5xx, or a body cut off).
/// </summary>
public sealed record ScenarioResult(
    string Key, string Title, string Request, int Paths, int Connections, int? Status, long? ResponseBytes, string? ContentType, double? ProbeMs,
    string? Skipped, bool Broken, string? LoadAverageAtStart, WrkResult? Measured, string? CeilingKey, long? CappedFrom,
    double? RatioToCeiling, string? RatioBasis, double? BodyBytesPerSecond)
{
    public DateTimeOffset FinishedAt { get; init; }
}

public sealed record RunReport(
    DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string Url, string Duration, string Warmup, int Connections, int BigConnections, int Threads,
    string? Label, int ProcessorCount, string? LoadAverageBefore, string? LoadAverageAfter, long CeilingBytes,
    IReadOnlyList<ScenarioResult> Scenarios, IReadOnlyList<string> Notes, IReadOnlyList<Timing>? Timings = null);

/// <summary>One request timed alone (the dashboards' first, uncached answers).</summary>
public sealed record Timing(string What, string Path, int Status, long Bytes, double Milliseconds, DateTimeOffset At);

public static class Report
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A file for people to read: no \u0026 for '&'.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Markdown(RunReport report)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"wrk: {report.Connections} connections ({report.BigConnections} for the large and the slow answers: g–m and their ceilings), {report.Threads} threads, {report.Duration} per scenario after a {report.Warmup} warm-up; {report.Url}; {report.ProcessorCount} cores, load average before {report.LoadAverageBefore ?? "?"}, after {report.LoadAverageAfter ?? "?"}.");
        md.AppendLine();
        md.AppendLine("| | Scenario | Request | Conn. | Bytes | Req/s | MB/s | p50 ms | p95 ms | p99 ms | vs ceiling | Errors |");
        md.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in report.Scenarios)
        {
            var bytes = s.ResponseBytes?.ToString("N0", CultureInfo.InvariantCulture) ?? "";
            if (s.Measured is not { } m)
            {
                var status = s.Status is { } code ? $"HTTP {code}" + (s.Broken ? ", failed" : "") : "";
                md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Key} | {s.Title} | `{s.Request}` | {s.Connections} | {bytes} | skipped{(status.Length > 0 ? ": " + status : "")} — {s.Skipped} | | | | | | |");
                continue;
            }
            var ratio = s.RatioToCeiling is { } r
                ? r.ToString(r switch { >= 0.1 => "0.00", >= 0.01 => "0.000", _ => "0.0000" }, CultureInfo.InvariantCulture)
                  + (s.CeilingKey is null ? "" : $" ({s.CeilingKey}{(s.RatioBasis == "bytes" ? ", B/s" : "")})")
                : "n/a";
            var megabytes = s.BodyBytesPerSecond is { } bps ? (bps / 1e6).ToString(bps < 1e7 ? "0.00" : "0.0", CultureInfo.InvariantCulture) : "";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Key} | {s.Title} | `{s.Request}` | {s.Connections} | {bytes} | {Rate(m.RequestsPerSecond)} | {megabytes} | {Ms(m.P50Ms)} | {Ms(m.P95Ms)} | {Ms(m.P99Ms)} | {ratio} | {m.Errors.Total.ToString(CultureInfo.InvariantCulture)} |");
        }
        if (report.Timings is { Count: > 0 } timings)
        {
            md.AppendLine();
            md.AppendLine("| Dashboard request, timed alone | Request | Status | Bytes | ms |");
            md.AppendLine("|---|---|---:|---:|---:|");
            foreach (var t in timings)
                md.AppendLine(CultureInfo.InvariantCulture, $"| {t.What} | `{t.Path}` | {t.Status} | {t.Bytes:N0} | {Ms(t.Milliseconds)} |");
        }
        if (report.Notes.Count > 0)
        {
            md.AppendLine();
            foreach (var note in report.Notes) md.AppendLine("- " + note);
        }
        return md.ToString();
    }

    /// <summary>Whole requests per second, with a decimal below 100 (the exports do a few a second).</summary>
    private static string Rate(double rps) => rps.ToString(rps < 100 ? "N1" : "N0", CultureInfo.InvariantCulture);

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    public static async Task<string> WriteJsonAsync(RunReport report, string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, report.StartedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + ".json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, Json) + "\n", ct);
        return path;
    }
}
