using System.Diagnostics;
using Hemisphere.Tests.Infrastructure;

namespace Hemisphere.Tests.Platform;

/// <summary>The admin verbs of the real binary, on a fresh SQLite data folder and on PostgreSQL.</summary>
[Collection(AppsCollection.Name)]
public sealed class VerbTests(Apps apps)
{
    private static async Task<(int Code, string Output)> RunAsync(IDictionary<string, string> env, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Hemisphere.Web.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(cts.Token);
        return (p.ExitCode, await output + await error);
    }

    [Fact]
    public async Task Verbs_migrate_seed_and_create_an_admin_idempotently_on_SQLite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hemisphere-verbs-" + Guid.NewGuid().ToString("N")[..8]);
        var env = new Dictionary<string, string> { ["Hemisphere__DataDirectory"] = folder };
        try
        {
            var (code, output) = await RunAsync(env, "migrate");
            Assert.True(code == 0, output);
            Assert.True(File.Exists(Path.Combine(folder, "hemisphere.db")));

            (code, output) = await RunAsync(env, "create-admin", "--email", "chief@example.org", "--password", "a-long-password");
            Assert.True(code == 0, output);
            Assert.Contains("now an administrator", output, StringComparison.Ordinal);
            (code, output) = await RunAsync(env, "create-admin", "--email", "chief@example.org", "--password", "a-long-password");
            Assert.True(code == 0, output);
            Assert.Contains("already exists", output, StringComparison.Ordinal);
            Assert.DoesNotContain("now an administrator", output, StringComparison.Ordinal);

            (code, output) = await RunAsync(env, "create-admin", "--email", "weak@example.org", "--password", "short");
            Assert.NotEqual(0, code);
            Assert.Contains("create-admin failed", output, StringComparison.Ordinal);
            (code, output) = await RunAsync(env, "create-admin", "--email", "x@example.org");
            Assert.NotEqual(0, code);
            (code, output) = await RunAsync(env, "frobnicate");
            Assert.NotEqual(0, code);
            Assert.Contains("Unknown command", output, StringComparison.Ordinal);

            (code, output) = await RunAsync(env, "seed", "--demo");
            Assert.True(code == 0, output);
            Assert.Contains("admin@demo.hemisphere.local", output, StringComparison.Ordinal);
            (code, output) = await RunAsync(env, "seed", "--demo");
            Assert.True(code == 0, output);
        }
        finally
        {
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Import_sheets_prints_JSON_in_dry_run_saves_every_activity_and_updates_on_a_second_run()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hemisphere-verbs-" + Guid.NewGuid().ToString("N")[..8]);
        var env = new Dictionary<string, string> { ["Hemisphere__DataDirectory"] = folder };
        var seeds = Directory.GetFiles(Path.Combine(Repository.Shared, "seeds"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        try
        {
            var (code, output) = await RunAsync(env, ["import-sheets", seeds[2], "--country", "CR", "--dry-run", "--json"]);
            Assert.True(code == 0, output);
            var json = System.Text.Json.JsonDocument.Parse(output[..(output.LastIndexOf(']') + 1)]).RootElement;
            Assert.Equal(System.Text.Json.JsonValueKind.Array, json.ValueKind);
            var first = json[0];
            Assert.Equal(["name", "pillar", "programme", "countries", "startDate", "endDate", "targetBeneficiaries", "donors", "partners", "summary", "objectives", "results", "links"],
                first.EnumerateObject().Select(p => p.Name).ToList());
            Assert.False(File.Exists(Path.Combine(folder, "hemisphere.db")), "a dry run must not create or change the database");

            (code, output) = await RunAsync(env, ["import-sheets", .. seeds]);
            Assert.True(code == 0, output);
            var created = System.Text.RegularExpressions.Regex.Match(output, @"Saved: (\d+) created, (\d+) updated");
            Assert.True(created.Success, output);
            // 21 activities in the three sheets; those printed on several sheets (same name or same summary) become one.
            Assert.True(int.Parse(created.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 10, output);
            (code, output) = await RunAsync(env, ["import-sheets", .. seeds]);
            Assert.True(code == 0, output);
            Assert.Contains("Saved: 0 created", output, StringComparison.Ordinal);

            (code, output) = await RunAsync(env, ["export-iati", Path.Combine(folder, "iati.xml")]);
            Assert.True(code == 0, output);
            var errors = Hemisphere.Tests.Features.Portfolio.PortfolioApiTests.Validate(await File.ReadAllTextAsync(Path.Combine(folder, "iati.xml")));
            Assert.True(errors.Count == 0, string.Join("\n", errors));

            (code, output) = await RunAsync(env, ["import-sheets", Path.Combine(folder, "missing.txt")]);
            Assert.NotEqual(0, code);
            (code, output) = await RunAsync(env, ["import-sheets", seeds[0], "--country", "ZZ"]);
            Assert.NotEqual(0, code);
        }
        finally
        {
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Migrate_reports_a_clear_error_when_PostgreSQL_is_unreachable_and_works_when_it_is()
    {
        var bad = new Dictionary<string, string>
        {
            ["Database__Provider"] = "postgres",
            ["ConnectionStrings__Hemisphere"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2",
        };
        var (code, output) = await RunAsync(bad, "migrate");
        Assert.NotEqual(0, code);
        Assert.Contains("migrate failed", output, StringComparison.Ordinal);

        var good = new Dictionary<string, string>
        {
            ["Database__Provider"] = "postgres",
            ["ConnectionStrings__Hemisphere"] = await apps.Cluster.CreateDatabaseAsync("verbs"),
        };
        (code, output) = await RunAsync(good, "migrate");
        Assert.True(code == 0, output);
        (code, output) = await RunAsync(new Dictionary<string, string> { ["Database__Provider"] = "mysql" }, "migrate");
        Assert.NotEqual(0, code);
    }
}
