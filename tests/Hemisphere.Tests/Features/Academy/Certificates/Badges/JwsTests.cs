using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Hemisphere.Features.Academy.Certificates.Badges;

namespace Hemisphere.Tests.Features.Academy.Certificates.Badges;

/// <summary>The pure parts: compact JWS signing and reading, the OB 3.0 header rules, JWK thumbprints, bitstrings.</summary>
public sealed class JwsTests
{
    private static readonly RSA Key = RSA.Create(2048);

    [Fact]
    public void Base64url_follows_rfc_7515()
    {
        // RFC 7515 §3.3: the header of its first example.
        Assert.Equal("{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}", Encoding.UTF8.GetString(Jws.FromBase64Url("eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9")!));
        Assert.Equal("A-_B", Jws.Base64Url([0x03, 0xEF, 0xC1]));
        Assert.Null(Jws.FromBase64Url("eyJ0eXAi="));
        Assert.Null(Jws.FromBase64Url("A+/B"));
        Assert.Null(Jws.FromBase64Url("AAAAA"));
        Assert.Empty(Jws.FromBase64Url("")!);
    }

    [Fact]
    public void A_signed_token_reads_back_and_verifies_and_any_changed_byte_breaks_it()
    {
        var payload = new JsonObject { ["iss"] = "https://example.org/badges/issuer", ["name"] = "Curso de Ñandú" };
        var token = Jws.Sign(payload, "https://example.org/badges/keys/k1", Key);
        var (jws, error) = Jws.Parse(token);
        Assert.Null(error);
        Assert.Equal("RS256", jws!.Alg);
        Assert.Equal("https://example.org/badges/keys/k1", jws.Kid);
        Assert.Equal(["alg", "kid", "typ"], jws.Header.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());
        Assert.Null(Jws.CheckHeader(jws));
        Assert.Equal("Curso de Ñandú", (string?)jws.Payload!["name"]);
        Assert.True(Jws.VerifySignature(jws, Key));

        // The same check with nothing of ours but the key: RSASSA-PKCS1-v1_5 SHA-256 over "header.payload".
        var parts = token.Split('.');
        Assert.True(Key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Jws.FromBase64Url(parts[2])!, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        using var other = RSA.Create(2048);
        Assert.False(Jws.VerifySignature(jws, other));
        for (var part = 0; part < 3; part++)
        {
            var chars = parts.ToArray();
            var c = chars[part].ToCharArray();
            c[5] = c[5] == 'A' ? 'B' : 'A';
            chars[part] = new string(c);
            var (changed, _) = Jws.Parse(string.Join('.', chars));
            Assert.True(changed is null || !Jws.VerifySignature(changed, Key), $"part {part}");
        }
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("abc", "three parts")]
    [InlineData("a.b.c.d", "three parts")]
    [InlineData("a*.b.c", "base64url")]
    [InlineData("W10.e30.AA", "header is not a JSON object")]
    [InlineData("bm90IGpzb24.e30.AA", "header is not a JSON object")]
    public void Malformed_tokens_say_why(string token, string reason)
    {
        var (jws, error) = Jws.Parse(token);
        Assert.Null(jws);
        Assert.Contains(reason, error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_payload_that_is_not_json_is_read_without_it_so_the_signature_is_judged_first()
    {
        var (jws, error) = Jws.Parse(Jws.Base64Url("{\"alg\":\"RS256\",\"kid\":\"k\"}"u8) + "." + Jws.Base64Url("nope"u8) + ".AA");
        Assert.Null(error);
        Assert.Null(jws!.Payload);
    }

    [Theory]
    [InlineData("{\"kid\":\"k\"}", "no alg")]
    [InlineData("{\"alg\":\"none\",\"kid\":\"k\"}", "not accepted")]
    [InlineData("{\"alg\":\"HS256\",\"kid\":\"k\"}", "not accepted")]
    [InlineData("{\"alg\":\"RS256\",\"kid\":\"k\",\"crit\":[\"b64\"]}", "does not allow: crit")]
    [InlineData("{\"alg\":\"RS256\",\"kid\":\"k\",\"typ\":\"vc+jwt\"}", "typ")]
    [InlineData("{\"alg\":\"RS256\"}", "names no key")]
    [InlineData("{\"alg\":\"RS256\",\"jwk\":{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\",\"d\":\"AQAB\"}}", "private key")]
    public void Headers_outside_the_open_badges_profile_are_refused(string header, string reason)
    {
        var (jws, _) = Jws.Parse(Jws.Base64Url(Encoding.UTF8.GetBytes(header)) + ".e30.AA");
        Assert.Contains(reason, Jws.CheckHeader(jws!), StringComparison.Ordinal);
    }

    [Fact]
    public void Jwks_hold_only_the_public_half_and_round_trip()
    {
        var jwk = Jws.PublicJwk(Key, "https://example.org/badges/keys/k1");
        Assert.Equal(["alg", "e", "kid", "kty", "n", "use"], jwk.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());
        using var back = Jws.FromJwk(jwk)!;
        Assert.Equal(Key.ExportParameters(false).Modulus, back.ExportParameters(false).Modulus);
        Assert.Null(Jws.FromJwk(new JsonObject { ["kty"] = "EC", ["n"] = jwk["n"]!.DeepClone(), ["e"] = "AQAB" }));
        Assert.Null(Jws.FromJwk(new JsonObject { ["kty"] = "RSA", ["n"] = "AQAB", ["e"] = "AQAB" }));
        Assert.Null(Jws.FromJwk(new JsonObject { ["kty"] = "RSA", ["n"] = 5, ["e"] = "AQAB" }));
    }

    [Fact]
    public void Thumbprints_follow_rfc_7638()
    {
        // RFC 7638 §3.1.
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["n"] = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
            ["e"] = "AQAB",
            ["alg"] = "RS256",
            ["kid"] = "2011-04-29",
        };
        Assert.Equal("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", Jws.Thumbprint(jwk));
    }

    [Fact]
    public void Bitstrings_are_16_KiB_left_most_bit_first_gzipped_and_multibase()
    {
        var encoded = BitstringStatusList.Encode([0, 7, 8, 94_567, BitstringStatusList.Size - 1]);
        Assert.StartsWith("u", encoded, StringComparison.Ordinal);
        var bits = BitstringStatusList.Decode(encoded)!;
        Assert.Equal(16_384, bits.Length);
        Assert.Equal(0x81, bits[0]);
        Assert.Equal(0x80, bits[1]);
        Assert.Equal(0x01, bits[^1]);
        foreach (var i in new[] { 0, 7, 8, 94_567, BitstringStatusList.Size - 1 }) Assert.True(BitstringStatusList.IsSet(bits, i));
        foreach (var i in new[] { 1, 9, 94_566, 94_568 }) Assert.False(BitstringStatusList.IsSet(bits, i));
        Assert.False(BitstringStatusList.IsSet(bits, BitstringStatusList.Size));
        // An empty list is small once compressed, and nothing is set.
        var empty = BitstringStatusList.Encode([]);
        Assert.True(empty.Length < 200, empty.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(BitstringStatusList.Decode(empty)!, b => Assert.Equal(0, b));
        Assert.Null(BitstringStatusList.Decode("zAAAA"));
        Assert.Null(BitstringStatusList.Decode("uAAAA"));
        Assert.Throws<ArgumentOutOfRangeException>(() => BitstringStatusList.Encode([BitstringStatusList.Size]));
    }
}
