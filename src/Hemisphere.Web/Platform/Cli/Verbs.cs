using Hemisphere.Features.Directory;
using Hemisphere.Features.Portfolio;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Platform.Cli;

public sealed record CommandLine(string? Verb, IReadOnlyList<string> Arguments, bool Demo)
{
    /// <summary>What the host's configuration reads (--urls, --Database:Provider=…): the verb, its options and --demo removed.</summary>
    public string[] HostArguments => Verb is null ? Arguments.Where(a => a != "--demo").ToArray() : [];

    public static readonly string[] KnownVerbs = ["migrate", "seed", "create-admin", "import-sheets", "export-iati", "reindex", "import-enrolments", "help"];

    /// <summary>The first argument that is not an option is the verb; options the host reads (--urls…) are left alone.</summary>
    public static CommandLine Parse(string[] args)
    {
        var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;
        var rest = verb is null ? args : args[1..];
        return new CommandLine(verb, rest, args.Contains("--demo"));
    }

    public string? Option(string name)
    {
        for (var i = 0; i < Arguments.Count - 1; i++)
            if (string.Equals(Arguments[i], name, StringComparison.Ordinal)) return Arguments[i + 1];
        return null;
    }

    public bool Flag(string name) => Arguments.Contains(name);
}

/// <summary>Admin verbs of the one binary: migrate, seed --demo, create-admin. Each exits non-zero with a clear message on failure.</summary>
public static class Verbs
{
    public static async Task<int> RunAsync(WebApplication app, CommandLine command)
    {
        var output = Console.Out;
        try
        {
            switch (command.Verb)
            {
                case "migrate":
                    await DataSetup.MigrateAsync(app.Services);
                    await EnsureReferenceDataAsync(app.Services);
                    await output.WriteLineAsync("Database is up to date.");
                    return 0;
                case "seed":
                    await DataSetup.MigrateAsync(app.Services);
                    await EnsureReferenceDataAsync(app.Services);
                    if (command.Flag("--demo"))
                    {
                        var accounts = await DemoData.SeedAsync(app.Services);
                        PrintAccounts(output, accounts);
                    }
                    else
                    {
                        await output.WriteLineAsync("Reference data is in place (add --demo for demonstration data).");
                    }
                    return 0;
                case "create-admin":
                    return await CreateAdminAsync(app.Services, command, output);
                case "import-sheets":
                    return await PortfolioVerbs.ImportSheetsAsync(app.Services, command, output);
                case "export-iati":
                    return await PortfolioVerbs.ExportIatiAsync(app.Services, command, output);
                case "import-enrolments":
                    return await Features.Academy.Bulk.EnrolmentImportVerb.RunAsync(app.Services, command, output);
                case "reindex":
                    {
                        await using var scope = app.Services.CreateAsyncScope();
                        var only = command.Arguments.FirstOrDefault(a => !a.StartsWith('-'));
                        var written = await scope.ServiceProvider.GetRequiredService<Search.SearchIndex>().RebuildAsync(only);
                        await output.WriteLineAsync($"Search index rebuilt: {written} documents{(only is null ? "" : " from " + only)}.");
                        return 0;
                    }
                case "help":
                    await output.WriteLineAsync(Usage);
                    return 0;
                default:
                    await Console.Error.WriteLineAsync($"Unknown command '{command.Verb}'.\n{Usage}");
                    return 2;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var reason = e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;
            await Console.Error.WriteLineAsync($"{command.Verb} failed: {reason}");
            return 1;
        }
    }

    public const string Usage = """
        Usage: Hemisphere.Web [verb] [options]
          (no verb)                       serve the site (--urls http://127.0.0.1:5000; --demo seeds demo data first)
          migrate                         apply database migrations and reference data
          seed [--demo]                   reference data; with --demo, demonstration data and accounts
          create-admin --email E --password P [--name N]
                                          create or promote an administrator (idempotent)
          import-sheets FILE... [--country ISO2] [--dry-run] [--json] [--unpublished]
                                          read DPS programme sheets (text or PDF) into the portfolio;
                                          --dry-run --json prints the activities found as JSON
          export-iati FILE                write published activities as an IATI 2.03 file ("-" for stdout)
          import-enrolments FILE [--report PATH]
                                          enrol learners from a CSV file (as the platform), timed;
                                          --report writes the rows not imported as they stood
          reindex [SOURCE]                rebuild the search index (all, or one of: library, intervention,
                                          institution, activity)
        """;

    public static async Task PrepareToServeAsync(WebApplication app, CommandLine command)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        if (options.MigrateOnStart || command.Demo)
        {
            await DataSetup.MigrateAsync(app.Services);
            await EnsureReferenceDataAsync(app.Services);
        }
        if (!command.Demo) return;
        var accounts = await DemoData.SeedAsync(app.Services);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine();
            Console.WriteLine("Hemisphere is running with demo data on " + (options.Provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL") + ".");
            foreach (var a in addresses) Console.WriteLine("  Open " + a);
            PrintAccounts(Console.Out, accounts);
            Console.WriteLine("Press Ctrl+C to stop.");
        });
    }

    private static void PrintAccounts(TextWriter output, IReadOnlyList<DemoAccount> accounts)
    {
        output.WriteLine("Demo accounts (password for all: " + DemoData.Password + "):");
        foreach (var a in accounts) output.WriteLine($"  {a.Role,-20} {a.Email}");
    }

    public static async Task EnsureReferenceDataAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await MemberStateCatalogue.EnsureAsync(scope.ServiceProvider.GetRequiredService<HemisphereDb>());
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, CommandLine command, TextWriter output)
    {
        var email = command.Option("--email");
        var password = command.Option("--password");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("create-admin needs --email and --password.");
            return 2;
        }
        await DataSetup.MigrateAsync(services);
        await EnsureReferenceDataAsync(services);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var db = scope.ServiceProvider.GetRequiredService<HemisphereDb>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new User { Email = email, UserName = email, EmailConfirmed = true, DisplayName = command.Option("--name") ?? email };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                await Console.Error.WriteLineAsync("create-admin failed: " + string.Join(" ", created.Errors.Select(e => e.Description)));
                return 1;
            }
            await output.WriteLineAsync($"Created administrator {email}.");
        }
        else
        {
            await output.WriteLineAsync($"{email} already exists; its password is left unchanged.");
        }
        if (!await db.RoleAssignments.AnyAsync(r => r.UserId == user.Id && r.Role == HemisphereRole.Administrator && r.CountryCode == null && r.InstitutionId == null))
        {
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = HemisphereRole.Administrator });
            await db.SaveChangesAsync();
            await output.WriteLineAsync($"{email} is now an administrator.");
        }
        return 0;
    }
}
