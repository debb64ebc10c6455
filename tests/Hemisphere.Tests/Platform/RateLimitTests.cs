using System.Net;
using System.Net.Http.Json;
using Hemisphere.Platform.Data;
using Hemisphere.Tests.Infrastructure;

namespace Hemisphere.Tests.Platform;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_with_Retry_After()
    {
        var path = Path.Combine(Path.GetTempPath(), "hemisphere-ratelimit-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        await using var app = new HemisphereApp(DatabaseProvider.Sqlite, Apps.SqliteConnectionString(path),
            new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3", ["RateLimits:ApiPerMinute"] = "5" });
        await app.InitializeAsync();
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@example.org", password = "x" })).StatusCode);
        var limited = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@example.org", password = "x" });
        await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter is not null);

        // The API has its own budget.
        HttpResponseMessage? last = null;
        for (var i = 0; i < 6; i++) last = await client.GetAsync("/api/v1/institutions");
        await last!.ProblemAsync(HttpStatusCode.TooManyRequests);
    }
}
