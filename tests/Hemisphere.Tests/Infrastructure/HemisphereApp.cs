using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hemisphere.Features.Directory;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hemisphere.Tests.Infrastructure;

/// <summary>Hemisphere under the test host, on one database provider, with its own data folder.</summary>
public sealed class HemisphereApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public HemisphereApp(DatabaseProvider provider, string connectionString, IDictionary<string, string?>? extra = null)
    {
        Provider = provider;
        DataDirectory = Path.Combine(Path.GetTempPath(), "hemisphere-test-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(DataDirectory);
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres",
            ["ConnectionStrings:Hemisphere"] = connectionString,
            ["Database:MigrateOnStart"] = "false",
            ["Hemisphere:DataDirectory"] = DataDirectory,
            ["Outbox:PollInterval"] = "00:00:00.200",
            // Digest runs are invoked by the tests at the instants they choose (DigestService.SendDueAsync).
            ["Notifications:RunDigests"] = "false",
            // The dashboards are counted when a test asks, not ahead of it (a count made before the test wrote its rows would be answered).
            ["Academy:Dashboards:WarmUp"] = "false",
            ["RateLimits:SignInPerMinute"] = "100000",
            ["RateLimits:ApiPerMinute"] = "1000000",
            ["RateLimits:VerificationPerMinute"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) _settings[k] = v;
    }

    public DatabaseProvider Provider { get; }
    public string DataDirectory { get; }
    public string MailFolder => Path.Combine(DataDirectory, "mail-pickup");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
        builder.UseEnvironment("Testing");
    }

    public async Task InitializeAsync()
    {
        await DataSetup.MigrateAsync(Services);
        await global::Hemisphere.Platform.Cli.Verbs.EnsureReferenceDataAsync(Services);
    }

    public async Task<T> WithDbAsync<T>(Func<HemisphereDb, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<HemisphereDb>());
    }

    public const string Password = "correct-horse-battery";

    /// <summary>Creates a confirmed user holding one role (optionally scoped) and answers its e-mail.</summary>
    public async Task<TestUser> CreateUserAsync(HemisphereRole? role = HemisphereRole.Learner, string? country = null, Guid? institution = null, string language = "en")
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var db = scope.ServiceProvider.GetRequiredService<HemisphereDb>();
        var email = $"{role?.ToString().ToLowerInvariant() ?? "user"}-{Guid.NewGuid():N}@example.org";
        var user = new User { Email = email, UserName = email, EmailConfirmed = true, DisplayName = "Test " + role, PreferredLanguage = language };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        if (role is { } r)
        {
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = r, CountryCode = country, InstitutionId = institution });
            await db.SaveChangesAsync();
        }
        return new TestUser(user.Id, email);
    }

    /// <summary>An HTTP client carrying a bearer token of the user.</summary>
    public async Task<HttpClient> ClientForAsync(TestUser user)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = user.Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public async Task<HttpClient> ClientForRoleAsync(HemisphereRole role, string? country = null, Guid? institution = null) =>
        await ClientForAsync(await CreateUserAsync(role, country, institution));

    public async Task<Institution> AddInstitutionAsync(string country = "GT", InstitutionKind kind = InstitutionKind.Police, string? name = null)
    {
        var institution = new Institution { Name = name ?? "Institution " + Guid.NewGuid().ToString("N")[..6], Kind = kind, CountryCode = country };
        institution.SearchText = TextFolding.Fold(institution.Name);
        await WithDbAsync(async db => { db.Institutions.Add(institution); return await db.SaveChangesAsync(); });
        return institution;
    }

    /// <summary>
    /// Waits until the outbox worker has carried out every message that is due (so a count taken
    /// afterwards is final), with a deadline.
    /// </summary>
    public async Task WaitForOutboxDrainedAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            var now = DateTimeOffset.UtcNow;
            if (!await WithDbAsync(db => db.Outbox.AnyAsync(m => m.ProcessedAt == null && m.FailedAt == null && m.AvailableAt <= now))) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("The outbox still had due messages after the timeout.");
    }

    /// <summary>Waits for the outbox worker to write a mail to the given address; answers its text.</summary>
    public async Task<string> WaitForMailAsync(string to, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(MailFolder))
            {
                foreach (var file in Directory.GetFiles(MailFolder, "*.eml"))
                {
                    var message = await MimeKit.MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
                        return message.Subject + "\n" + message.TextBody;
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail to {to} within the timeout.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider == DatabaseProvider.Sqlite) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private sealed record TokenBody(string AccessToken, int ExpiresIn);
}

public sealed record TestUser(Guid Id, string Email, string Password = HemisphereApp.Password)
{
    public TestUser With(string password) => this with { Password = password };
}
