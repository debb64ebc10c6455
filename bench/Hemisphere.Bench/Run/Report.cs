using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Hemisphere.Bench.Run;

public sealed record ScenarioResult(
    string Key, string Title, string Request, int Paths, int? Status, long? ResponseBytes, string? ContentType,
    string? Skipped, string? LoadAverageAtStart, WrkResult? Measured, double? RatioToCeiling);

public sealed record RunReport(
    DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string Url, string Duration, string Warmup, int Connections, int Threads,
    string? Label, int ProcessorCount, string? LoadAverageBefore, string? LoadAverageAfter, long CeilingBytes,
    IReadOnlyList<ScenarioResult> Scenarios);

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
        md.AppendLine(CultureInfo.InvariantCulture, $"wrk: {report.Connections} connections, {report.Threads} threads, {report.Duration} per scenario after a {report.Warmup} warm-up; {report.Url}; {report.ProcessorCount} cores, load average before {report.LoadAverageBefore ?? "?"}, after {report.LoadAverageAfter ?? "?"}.");
        md.AppendLine();
        md.AppendLine("| | Scenario | Request | Bytes | Req/s | p50 ms | p95 ms | p99 ms | vs ceiling | Errors |");
        md.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in report.Scenarios)
        {
            var bytes = s.ResponseBytes?.ToString("N0", CultureInfo.InvariantCulture) ?? "";
            if (s.Measured is not { } m)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Key} | {s.Title} | `{s.Request}` | | skipped: HTTP {s.Status} — {s.Skipped} | | | | | |");
                continue;
            }
            var ratio = s.RatioToCeiling is { } r ? r.ToString(r switch { >= 0.1 => "0.00", >= 0.01 => "0.000", _ => "0.0000" }, CultureInfo.InvariantCulture) : "n/a";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Key} | {s.Title} | `{s.Request}` | {bytes} | {m.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture)} | {Ms(m.P50Ms)} | {Ms(m.P95Ms)} | {Ms(m.P99Ms)} | {ratio} | {m.Errors.Total.ToString(CultureInfo.InvariantCulture)} |");
        }
        return md.ToString();
    }

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    public static async Task<string> WriteJsonAsync(RunReport report, string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, report.StartedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + ".json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, Json) + "\n", ct);
        return path;
    }
}
