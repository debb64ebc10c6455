using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Features.Academy.Certificates.Badges;

public sealed record BadgeKeyDto(string KeyId, string Algorithm, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt, string Thumbprint);

/// <summary>The platform's signing keys: the current one (made on first use), every published one, and rotation.</summary>
public sealed class BadgeKeyStore(HemisphereDb db, IDataProtectionProvider protection, AuditLog audit, TimeProvider clock)
{
    private const string Purpose = "Hemisphere.Academy.Badges.SigningKey.v1";

    private IDataProtector Protector => protection.CreateProtector(Purpose);

    /// <summary>The current key with its private half, made now when there is none (two first uses at once: one wins, both use it).</summary>
    public async Task<(BadgeSigningKey Key, RSA Rsa)> CurrentAsync(CancellationToken ct)
    {
        var key = await db.Set<BadgeSigningKey>().AsNoTracking().FirstOrDefaultAsync(k => k.RetiredAt == null, ct);
        if (key is null)
        {
            var fresh = NewKey();
            db.Set<BadgeSigningKey>().Add(fresh);
            try
            {
                await db.SaveChangesAsync(ct);
                key = fresh;
            }
            catch (DbUpdateException)
            {
                db.Entry(fresh).State = EntityState.Detached;
                key = await db.Set<BadgeSigningKey>().AsNoTracking().FirstAsync(k => k.RetiredAt == null, ct);
            }
        }
        return (key, PrivateKey(key));
    }

    private RSA PrivateKey(BadgeSigningKey key)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Protector.Unprotect(Convert.FromBase64String(key.ProtectedPrivateKey)), out _);
        return rsa;
    }

    private BadgeSigningKey NewKey()
    {
        using var rsa = RSA.Create(2048);
        var keyId = Jws.Base64Url(RandomNumberGenerator.GetBytes(12));
        var jwk = Jws.PublicJwk(rsa, keyId);
        return new BadgeSigningKey
        {
            KeyId = keyId,
            PublicJwk = new JsonObject { ["kty"] = "RSA", ["n"] = jwk["n"]!.DeepClone(), ["e"] = jwk["e"]!.DeepClone() }.ToJsonString(),
            ProtectedPrivateKey = Convert.ToBase64String(Protector.Protect(rsa.ExportPkcs8PrivateKey())),
            CreatedAt = clock.GetUtcNow(),
        };
    }

    /// <summary>Every key ever used, oldest first: all stay published.</summary>
    public async Task<IReadOnlyList<BadgeSigningKey>> PublishedAsync(CancellationToken ct) =>
        (await db.Set<BadgeSigningKey>().AsNoTracking().ToListAsync(ct)).OrderBy(k => k.CreatedAt).ToList();

    public Task<BadgeSigningKey?> FindAsync(string keyId, CancellationToken ct) =>
        db.Set<BadgeSigningKey>().AsNoTracking().FirstOrDefaultAsync(k => k.KeyId == keyId, ct);

    /// <summary>The public JWK of a key, its kid the key's URL under <paramref name="baseUrl"/>.</summary>
    public static JsonObject Jwk(BadgeSigningKey key, string baseUrl)
    {
        var stored = JsonNode.Parse(key.PublicJwk)!.AsObject();
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = key.Algorithm,
            ["kid"] = KeyUrl(baseUrl, key.KeyId),
            ["n"] = stored["n"]!.DeepClone(),
            ["e"] = stored["e"]!.DeepClone(),
        };
    }

    public static string KeyUrl(string baseUrl, string keyId) => baseUrl + OpenBadgePaths.Keys + "/" + keyId;

    public static BadgeKeyDto ToDto(BadgeSigningKey k) =>
        new(k.KeyId, k.Algorithm, k.CreatedAt, k.RetiredAt, Jws.Thumbprint(JsonNode.Parse(k.PublicJwk)!.AsObject()));

    /// <summary>Administrators retire the current key and make a new one; the old stays published. Audited.</summary>
    public async Task<Outcome<BadgeKeyDto>> RotateAsync(Actor actor, CancellationToken ct)
    {
        if (!actor.IsAdministrator) return Outcome<BadgeKeyDto>.Forbidden();
        var fresh = await db.InTransactionAsync(async token =>
        {
            var now = clock.GetUtcNow();
            var current = await db.Set<BadgeSigningKey>().Where(k => k.RetiredAt == null).ToListAsync(token);
            foreach (var k in current) k.RetiredAt = now;
            // The old one stops being current first, so the one-current-key index admits the new one.
            await db.SaveChangesAsync(token);
            var key = NewKey();
            db.Set<BadgeSigningKey>().Add(key);
            audit.Record("academy.badges.key-rotated", nameof(BadgeSigningKey), key.Id.ToString(), new { key.KeyId, Retired = current.Select(k => k.KeyId).ToArray() });
            await db.SaveChangesAsync(token);
            return key;
        }, ct);
        return Outcome<BadgeKeyDto>.Ok(ToDto(fresh));
    }
}
