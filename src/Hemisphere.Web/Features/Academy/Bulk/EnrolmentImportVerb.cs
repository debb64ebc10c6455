using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hemisphere.Platform.Cli;
using Hemisphere.Platform.Identity;

namespace Hemisphere.Features.Academy.Bulk;

/// <summary>import-enrolments FILE [--report PATH]: the same import as the API, as the platform (staff), timed.</summary>
public static class EnrolmentImportVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, CommandLine command, TextWriter output)
    {
        var path = command.Arguments.FirstOrDefault(a => !a.StartsWith('-'));
        if (path is null || !File.Exists(path))
        {
            await Console.Error.WriteLineAsync("import-enrolments needs an existing CSV file.");
            return 2;
        }
        var watch = Stopwatch.StartNew();
        var bytes = await File.ReadAllBytesAsync(path);
        await using var scope = services.CreateAsyncScope();
        var imports = scope.ServiceProvider.GetRequiredService<EnrolmentImportService>();
        var outcome = await imports.ImportAsync(Actor.System(), bytes, Path.GetFileName(path), CancellationToken.None);
        if (!outcome.IsOk)
        {
            foreach (var (field, messages) in outcome.Errors) await Console.Error.WriteLineAsync($"{field}: {string.Join(" ", messages)}");
            return 1;
        }
        var r = outcome.Value!;
        var c = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(c,
            $"Import {r.Id}: {r.Rows} rows, {r.Enrolled} enrolled, {r.Waitlisted} waitlisted, {r.AlreadyEnrolled} already enrolled, {r.Rejected} rejected, {r.NewLearners} new learners in {watch.Elapsed.TotalSeconds:F1} s (import {r.Seconds:F1} s)."));
        foreach (var note in r.Notes) await output.WriteLineAsync(note);
        var reportPath = command.Option("--report");
        if (reportPath is not null)
        {
            var report = await imports.ReportAsync(Actor.System(), r.Id, CancellationToken.None) ?? "";
            await File.WriteAllTextAsync(reportPath, report, new UTF8Encoding(true));
            await output.WriteLineAsync("Report written to " + reportPath);
        }
        return 0;
    }
}
