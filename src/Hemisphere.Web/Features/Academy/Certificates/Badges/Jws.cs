using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hemisphere.Features.Academy.Certificates.Badges;

/// <summary>
/// Compact JWS (RFC 7515) with RS256 only, as the Open Badges 3.0 "JSON Web Token Proof Format" asks: a header
/// of alg, kid and typ (no other headers), the credential as the payload, a PKCS#1 v1.5 SHA-256 signature.
/// Built on the platform's own RSA; nothing here touches the database or the web.
/// </summary>
public static class Jws
{
    public const string Algorithm = "RS256";

    /// <summary>The largest compact JWS read (a credential is a few kilobytes).</summary>
    public const int MaxLength = 64 * 1024;

    private static readonly HashSet<string> AllowedHeaders = ["alg", "kid", "jwk", "typ"];

    public static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Null when <paramref name="text"/> is not base64url (padding is refused, as RFC 7515 asks).</summary>
    public static byte[]? FromBase64Url(string text)
    {
        if (text.Length % 4 == 1) return null;
        foreach (var c in text)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return null;
        var s = text.Replace('-', '+').Replace('_', '/');
        s += (s.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        try { return Convert.FromBase64String(s); }
        catch (FormatException) { return null; }
    }

    /// <summary>Signs <paramref name="payload"/> with the header {alg: RS256, kid, typ: JWT}.</summary>
    public static string Sign(JsonObject payload, string kid, RSA key)
    {
        var header = new JsonObject { ["alg"] = Algorithm, ["kid"] = kid, ["typ"] = "JWT" };
        var signingInput = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    /// <summary>
    /// A compact JWS split and decoded, before its signature is checked. The payload is null when it is not a JSON
    /// object: that is told after the signature (a changed byte is first of all a broken signature).
    /// </summary>
    public sealed record Parsed(JsonObject Header, JsonObject? Payload, string SigningInput, byte[] Signature)
    {
        public string? Alg => Header["alg"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        public string? Kid => Header["kid"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        public JsonObject? Jwk => Header["jwk"] as JsonObject;
    }

    /// <summary>Reads a compact JWS: three base64url parts, a JSON object header and payload. Answers the reason on failure.</summary>
    public static (Parsed? Value, string? Error) Parse(string? token)
    {
        token = token?.Trim();
        if (string.IsNullOrEmpty(token)) return (null, "The credential is empty.");
        if (token.Length > MaxLength) return (null, "The credential is too long.");
        var parts = token.Split('.');
        if (parts.Length != 3) return (null, $"A compact JWS has three parts separated by dots; this has {parts.Length}.");
        var headerBytes = FromBase64Url(parts[0]);
        var payloadBytes = FromBase64Url(parts[1]);
        var signature = FromBase64Url(parts[2]);
        if (headerBytes is null || payloadBytes is null || signature is null) return (null, "A part of the JWS is not base64url.");
        var header = ReadObject(headerBytes);
        if (header is null) return (null, "The JOSE header is not a JSON object.");
        return (new Parsed(header, ReadObject(payloadBytes), parts[0] + "." + parts[1], signature), null);
    }

    private static JsonObject? ReadObject(byte[] utf8)
    {
        try
        {
            return JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonObject;
        }
        catch (JsonException) { return null; }
        catch (ArgumentException) { return null; }
    }

    /// <summary>The header's problems under the OB 3.0 profile: alg RS256, only alg/kid/jwk/typ, typ "JWT" when present, a kid or a jwk.</summary>
    public static string? CheckHeader(Parsed jws)
    {
        if (jws.Alg is not { } alg) return "The JOSE header has no alg.";
        if (alg != Algorithm) return $"The algorithm \"{alg}\" is not accepted; credentials are signed with {Algorithm}.";
        var extra = jws.Header.Select(p => p.Key).Where(k => !AllowedHeaders.Contains(k)).ToList();
        if (extra.Count > 0) return "The JOSE header has headers Open Badges 3.0 does not allow: " + string.Join(", ", extra) + ".";
        if (jws.Header["typ"] is { } typ && !(typ is JsonValue v && v.TryGetValue<string>(out var t) && t == "JWT")) return "The typ header, when present, must be \"JWT\".";
        if (jws.Kid is null && jws.Jwk is null) return "The JOSE header names no key (kid or jwk).";
        if (jws.Jwk is { } jwk && jwk.ContainsKey("d")) return "The jwk header holds a private key.";
        return null;
    }

    /// <summary>Whether the RS256 signature of <paramref name="jws"/> is right for <paramref name="key"/>.</summary>
    public static bool VerifySignature(Parsed jws, RSA key)
    {
        try
        {
            return key.VerifyData(Encoding.ASCII.GetBytes(jws.SigningInput), jws.Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException) { return false; }
    }

    /// <summary>The public JWK of an RSA key (never "d" or the other private members).</summary>
    public static JsonObject PublicJwk(RSA key, string kid)
    {
        var p = key.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = Algorithm,
            ["kid"] = kid,
            ["n"] = Base64Url(p.Modulus),
            ["e"] = Base64Url(p.Exponent),
        };
    }

    /// <summary>An RSA public key from a JWK; null when it is not an RSA public key of at least 2048 bits.</summary>
    public static RSA? FromJwk(JsonObject jwk)
    {
        if (jwk["kty"]?.GetValueKind() != JsonValueKind.String || (string?)jwk["kty"] != "RSA") return null;
        if (jwk["n"]?.GetValueKind() != JsonValueKind.String || jwk["e"]?.GetValueKind() != JsonValueKind.String) return null;
        var n = FromBase64Url((string)jwk["n"]!);
        var e = FromBase64Url((string)jwk["e"]!);
        if (n is null || e is null || n.Length < 256 || e.Length == 0) return null;
        var rsa = RSA.Create();
        try
        {
            rsa.ImportParameters(new RSAParameters { Modulus = n, Exponent = e });
            return rsa;
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
            return null;
        }
    }

    /// <summary>RFC 7638 thumbprint of an RSA public JWK: the same key gives the same value whatever else its JWK holds.</summary>
    public static string Thumbprint(JsonObject jwk)
    {
        var canonical = $"{{\"e\":\"{(string?)jwk["e"]}\",\"kty\":\"RSA\",\"n\":\"{(string?)jwk["n"]}\"}}";
        return Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
