using System.Reflection;
using Hemisphere.Features.Portfolio.Import;
using Hemisphere.Platform.Identity;

namespace Hemisphere.Features.Portfolio;

/// <summary>Demo data for the portfolio: the real DPS programme sheets shipped with the binary, imported as any sheet is.</summary>
public static class PortfolioDemo
{
    public static IEnumerable<(string Name, string Text)> Sheets()
    {
        var assembly = typeof(PortfolioDemo).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("DemoSheets.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (name["DemoSheets.".Length..], reader.ReadToEnd());
        }
    }

    public static async Task<int> SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var portfolio = scope.ServiceProvider.GetRequiredService<PortfolioService>();
        var saved = 0;
        foreach (var (name, text) in Sheets())
        {
            // Activities whose name the sheet lost are saved as unpublished drafts for an editor to name.
            // A country sheet's own country is the one most of its activities name; read it again with that hint.
            var firstRead = SheetParser.Parse(text).Activities;
            var country = firstRead.SelectMany(a => a.Countries).GroupBy(c => c).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
            var activities = country is null ? firstRead : SheetParser.Parse(text, country).Activities;
            if (activities.Count == 0) continue;
            var outcome = await portfolio.ImportAsync(Actor.System(), activities, name, publish: true, ct);
            if (outcome.IsOk) saved += outcome.Value!.Created + outcome.Value.Updated;
        }
        return saved;
    }
}
