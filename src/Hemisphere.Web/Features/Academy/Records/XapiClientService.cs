using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Records;

/// <summary>The client application a request to the LRS authenticated as, and its scopes.</summary>
public sealed record XapiCaller(Guid? ClientId, string Key, IReadOnlySet<string> Scopes, JsonObject Authority)
{
    public bool Has(params string[] scopes) => Scopes.Contains("all") || scopes.Any(Scopes.Contains);

    /// <summary>The academy itself, recording its own events.</summary>
    public static XapiCaller Academy(string baseUrl) => new(null, "academy", new HashSet<string> { "all" },
        new JsonObject { ["objectType"] = "Agent", ["name"] = "Hemisphere Academy", ["account"] = new JsonObject { ["homePage"] = baseUrl, ["name"] = "academy" } });
}

public sealed record XapiClientDto(Guid Id, string Name, string Key, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>Only once, on creation: the secret is kept hashed and cannot be shown again.</summary>
public sealed record XapiCredentialsDto(XapiClientDto Client, string Secret);

public sealed record XapiClientInput(string? Name, IReadOnlyList<string>? Scopes);

/// <summary>
/// Client applications of the LRS: created and revoked by academy staff and administrators; checked on every
/// request (HTTP Basic: key and secret).
/// </summary>
public sealed class XapiClientService(HemisphereDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public static readonly string[] KnownScopes = ["all", "all/read", "statements/write", "statements/read", "statements/read/mine", "state", "profile", "define"];

    public static bool CanManage(Actor actor) => actor.IsAdministrator || AcademyPolicy.IsStaff(actor);

    public static XapiClientDto ToDto(XapiClient c) =>
        new(c.Id, c.Name, c.Key, c.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), c.CreatedAt, c.RevokedAt);

    public async Task<Outcome<IReadOnlyList<XapiClientDto>>> ListAsync(Actor actor, CancellationToken ct)
    {
        if (!CanManage(actor)) return Outcome<IReadOnlyList<XapiClientDto>>.Forbidden();
        var rows = await db.Set<XapiClient>().AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        return Outcome<IReadOnlyList<XapiClientDto>>.Ok(rows.Select(ToDto).ToList());
    }

    public async Task<Outcome<XapiCredentialsDto>> CreateAsync(Actor actor, XapiClientInput input, CancellationToken ct)
    {
        if (!CanManage(actor)) return Outcome<XapiCredentialsDto>.Forbidden();
        var v = new Validation(l);
        var name = v.Text("name", input.Name, 200, required: true);
        var scopes = (input.Scopes ?? []).Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim()).Distinct().ToList();
        if (scopes.Count == 0) v.Add("scopes", "Validation.Required");
        else if (scopes.Any(x => !KnownScopes.Contains(x))) v.Add("scopes", "Validation.OneOf", string.Join(", ", KnownScopes));
        if (!v.IsValid) return Outcome<XapiCredentialsDto>.Invalid(v.Errors);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var client = new XapiClient
        {
            Name = name!,
            Key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            SecretHash = Hash(secret),
            Scopes = string.Join(' ', scopes),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor.UserId,
        };
        db.Add(client);
        audit.Record("xapi.client.created", nameof(XapiClient), client.Id.ToString(), new { client.Name, client.Key, client.Scopes });
        await db.SaveChangesAsync(ct);
        return Outcome<XapiCredentialsDto>.Ok(new XapiCredentialsDto(ToDto(client), secret));
    }

    public async Task<Outcome<XapiClientDto>> RevokeAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (!CanManage(actor)) return Outcome<XapiClientDto>.Forbidden();
        var client = await db.Set<XapiClient>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (client is null) return Outcome<XapiClientDto>.NotFound();
        if (client.RevokedAt is null)
        {
            client.RevokedAt = clock.GetUtcNow();
            audit.Record("xapi.client.revoked", nameof(XapiClient), client.Id.ToString(), new { client.Name, client.Key });
            await db.SaveChangesAsync(ct);
        }
        return Outcome<XapiClientDto>.Ok(ToDto(client));
    }

    /// <summary>The caller of an "Authorization: Basic" header, or null when it is missing, malformed, unknown, wrong or revoked.</summary>
    public async Task<XapiCaller?> AuthenticateAsync(string? authorization, string baseUrl, CancellationToken ct)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        string decoded;
        try { decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim())); }
        catch (FormatException) { return null; }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return null;
        var key = decoded[..colon];
        var client = await db.Set<XapiClient>().AsNoTracking().FirstOrDefaultAsync(c => c.Key == key, ct);
        if (client is null || client.RevokedAt is not null) return null;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(decoded[(colon + 1)..])), Encoding.ASCII.GetBytes(client.SecretHash))) return null;
        return new XapiCaller(client.Id, client.Key, client.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(),
            new JsonObject { ["objectType"] = "Agent", ["name"] = client.Name, ["account"] = new JsonObject { ["homePage"] = baseUrl, ["name"] = client.Key } });
    }

    /// <summary>The secrets are 256 random bits: a single SHA-256 keeps them safe (no dictionary to slow down).</summary>
    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
