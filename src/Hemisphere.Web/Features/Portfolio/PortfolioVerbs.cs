using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;
using Hemisphere.Features.Portfolio.Import;
using Hemisphere.Platform.Cli;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.Extensions.Options;

namespace Hemisphere.Features.Portfolio;

/// <summary>The verbs <c>import-sheets</c> and <c>export-iati</c>.</summary>
public static class PortfolioVerbs
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static async Task<int> ImportSheetsAsync(IServiceProvider services, CommandLine command, TextWriter output)
    {
        var files = command.Arguments.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal)
            && (i == 0 || !string.Equals(command.Arguments[i - 1], "--country", StringComparison.Ordinal))).ToList();
        if (files.Count == 0)
        {
            await Console.Error.WriteLineAsync("import-sheets needs a FILE (text or PDF).");
            return 2;
        }
        var country = command.Option("--country")?.Trim().ToUpperInvariant();
        if (country is not null && !Hemisphere.Features.Directory.MemberStateCatalogue.IsCode(country))
        {
            await Console.Error.WriteLineAsync($"--country '{country}' is not the ISO 3166-1 alpha-2 code of an OAS member state.");
            return 2;
        }
        var dryRun = command.Flag("--dry-run");
        var json = command.Flag("--json");
        var all = new List<ImportedActivity>();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                await Console.Error.WriteLineAsync($"import-sheets: no such file '{file}'.");
                return 1;
            }
            var info = new FileInfo(file);
            if (info.Length > SheetFile.MaxBytes)
            {
                await Console.Error.WriteLineAsync($"import-sheets: '{file}' is larger than {SheetFile.MaxBytes / 1024 / 1024} MB.");
                return 1;
            }
            var (text, error) = SheetFile.Read(await File.ReadAllBytesAsync(file));
            if (error is not null)
            {
                await Console.Error.WriteLineAsync($"import-sheets: '{file}': {Messages.GetValueOrDefault(error, error)}");
                return 1;
            }
            var result = SheetParser.Parse(text!, country);
            foreach (var warning in result.Warnings) await Console.Error.WriteLineAsync($"{file}: {warning}");
            all.AddRange(result.Activities);
        }
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(all, Json));
        }
        else
        {
            foreach (var a in all)
                await output.WriteLineAsync($"- {a.Name ?? "(no name)"} [{string.Join(",", a.Countries)}] {a.StartDate:yyyy-MM-dd} – {a.EndDate:yyyy-MM-dd}");
            await output.WriteLineAsync($"{all.Count} activities found.");
        }
        if (dryRun) return 0;
        if (all.Count == 0)
        {
            await Console.Error.WriteLineAsync("import-sheets: no activity found; nothing saved.");
            return 1;
        }
        await DataSetup.MigrateAsync(services);
        await Verbs.EnsureReferenceDataAsync(services);
        await using var scope = services.CreateAsyncScope();
        var portfolio = scope.ServiceProvider.GetRequiredService<PortfolioService>();
        var outcome = await portfolio.ImportAsync(Actor.System(), all, string.Join(", ", files.Select(Path.GetFileName)), !command.Flag("--unpublished"), CancellationToken.None);
        if (!outcome.IsOk)
        {
            foreach (var (field, messages) in outcome.Errors) await Console.Error.WriteLineAsync($"{field}: {string.Join(" ", messages)}");
            return 1;
        }
        var summary = outcome.Value!;
        (json ? Console.Error : output).WriteLine($"Saved: {summary.Created} created, {summary.Updated} updated.");
        return 0;
    }

    public static async Task<int> ExportIatiAsync(IServiceProvider services, CommandLine command, TextWriter output)
    {
        var file = command.Arguments.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (file is null)
        {
            await Console.Error.WriteLineAsync("export-iati needs a FILE (or - for standard output).");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var portfolio = scope.ServiceProvider.GetRequiredService<PortfolioService>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<IatiOptions>>().Value;
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var activities = await portfolio.FilteredAsync(Actor.System(), new ActivityFilter(null, null, null, null, null, null, null, false), CancellationToken.None);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        if (file == "-")
        {
            using var w = XmlWriter.Create(Console.OpenStandardOutput(), settings);
            IatiExport.Write(w, activities, options, clock.GetUtcNow());
        }
        else
        {
            using (var w = XmlWriter.Create(file, settings)) IatiExport.Write(w, activities, options, clock.GetUtcNow());
            await output.WriteLineAsync($"Wrote {activities.Count} published activities to {file}.");
        }
        return 0;
    }

    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["Portfolio.Import.Empty"] = "the file is empty.",
        ["Portfolio.Import.TooLarge"] = "the file is too large.",
        ["Portfolio.Import.NotText"] = "the file is neither text nor PDF.",
        ["Portfolio.Import.BadPdf"] = "the PDF cannot be read.",
        ["Portfolio.Import.PdfWithoutText"] = "the PDF has no text (a scan?).",
    };
}
