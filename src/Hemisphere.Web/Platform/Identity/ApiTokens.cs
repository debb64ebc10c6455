using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Hemisphere.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hemisphere.Platform.Identity;

/// <summary>
/// Opaque bearer tokens: the client holds a random secret, the database holds its SHA-256, so a
/// token can be revoked at once on every node and a stolen database leaks no usable token.
/// </summary>
public sealed class ApiTokenService(HemisphereDb db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);
    private const string Prefix = "hs_";

    public async Task<(string Token, TimeSpan ExpiresIn)> IssueAsync(Guid userId, CancellationToken ct)
    {
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        db.ApiTokens.Add(new ApiToken { UserId = userId, Hash = HashOf(secret), CreatedAt = now, ExpiresAt = now + Lifetime });
        await db.SaveChangesAsync(ct);
        return (secret, Lifetime);
    }

    public async Task<Guid?> FindUserAsync(string secret, CancellationToken ct)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 100) return null;
        var hash = HashOf(secret);
        var now = clock.GetUtcNow();
        var token = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null && t.ExpiresAt > now)
            .Select(t => new { t.UserId })
            .FirstOrDefaultAsync(ct);
        return token?.UserId;
    }

    public async Task<bool> RevokeAsync(string secret, CancellationToken ct)
    {
        var hash = HashOf(secret);
        var now = clock.GetUtcNow();
        return await db.ApiTokens.Where(t => t.Hash == hash && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct) > 0;
    }

    public async Task<int> RevokeAllAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
    }

    private static byte[] HashOf(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    UserManager<User> users,
    IUserClaimsPrincipalFactory<User> claims)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>Where real-time hubs live; only there is a token also read from the query string.</summary>
    public const string HubsPath = "/hubs";

    public static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        // Browsers cannot set headers on WebSockets or server-sent events: SignalR clients send the token
        // as access_token in the query string, which is accepted for the hubs only.
        if (request.Path.StartsWithSegments(HubsPath, StringComparison.OrdinalIgnoreCase)
            && request.Query["access_token"] is { Count: 1 } query && !string.IsNullOrEmpty(query[0]))
            return query[0];
        return null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = ReadToken(Request);
        if (secret is null) return AuthenticateResult.NoResult();
        var userId = await tokens.FindUserAsync(secret, Context.RequestAborted);
        if (userId is null) return AuthenticateResult.Fail("The access token is unknown, expired or revoked.");
        var user = await users.FindByIdAsync(userId.Value.ToString());
        if (user is null || await users.IsLockedOutAsync(user))
            return AuthenticateResult.Fail("The account is locked or gone.");
        var principal = await claims.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}

public static class ClaimsPrincipalExtensions
{
    public static Actor Actor(this ClaimsPrincipal principal) => new(principal);
}
