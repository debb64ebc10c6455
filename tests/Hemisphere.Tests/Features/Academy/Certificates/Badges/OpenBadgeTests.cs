using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hemisphere.Features.Academy.Certificates;
using Hemisphere.Features.Academy.Certificates.Badges;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hemisphere.Tests.Features.Academy.Certificates.Badges;

/// <summary>
/// Open Badges 3.0 at the HTTP boundary. The signature is checked here with the test's own JWS reading and the
/// JWKS fetched over HTTP, not only through the verification endpoint under test.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class OpenBadgeTests(Apps apps)
{
    private const string Base = "http://localhost";
    private const string VcContext = "https://www.w3.org/ns/credentials/v2";
    private const string ObContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    // ---- The test's own compact-JWS reading (RFC 7515), independent of the application's code.

    private static byte[] B64(string s)
    {
        var t = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(t + new string('=', (4 - t.Length % 4) % 4));
    }

    private static string ToB64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static JsonElement Part(string jwt, int i) => JsonDocument.Parse(B64(jwt.Split('.')[i])).RootElement.Clone();

    /// <summary>Fetches the JWKS anonymously and checks the RS256 signature of <paramref name="jwt"/> with the key its kid names.</summary>
    private static async Task<bool> SignatureHoldsAsync(HttpClient anonymous, string jwt)
    {
        var kid = Part(jwt, 0).GetProperty("kid").GetString()!;
        var jwks = await (await anonymous.GetAsync("/badges/keys")).JsonAsync();
        var jwk = jwks.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("kid").GetString() == kid);
        using var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = B64(jwk.GetProperty("n").GetString()!), Exponent = B64(jwk.GetProperty("e").GetString()!) });
        var parts = jwt.Split('.');
        return rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), B64(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>One character of the payload changed (still base64url): the smallest tampering.</summary>
    private static string Tamper(string jwt, int part)
    {
        var parts = jwt.Split('.');
        var chars = parts[part].ToCharArray();
        var i = chars.Length / 2;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        parts[part] = new string(chars);
        return string.Join('.', parts);
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient client, string credential)
    {
        var response = await client.PostAsync("/api/v1/badges/verify", new StringContent(credential, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static bool Check(JsonElement result, string name) =>
        result.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name).GetProperty("passed").GetBoolean();

    private static List<string> Strings(JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToList();

    [Theory, BothProviders]
    public async Task The_holder_downloads_a_credential_that_verifies_with_the_published_key_and_has_the_open_badges_fields(DatabaseProvider provider)
    {
        var app = apps[provider];
        var email = $"badge-{Guid.NewGuid():N}@example.org";
        var (code, user, _, _) = await CertificateTests.CompletedAsync(app, email: email);
        var holder = await app.ClientForAsync(user);
        var anonymous = app.CreateClient();

        var download = await holder.GetAsync($"/academy/certificates/{code}.jwt");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vc+jwt", download.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"open-badge-{code}.jwt", download.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var jwt = await download.Content.ReadAsStringAsync();
        Assert.Equal(3, jwt.Split('.').Length);

        // The API gives the same credential (the payload is fixed at issue; RS256 is deterministic).
        var api = await (await holder.GetAsync($"/api/v1/certificates/{code}/open-badge")).JsonAsync();
        Assert.Equal(jwt, api.GetProperty("credential").GetString());

        // JOSE header as OB 3.0 asks: alg, kid (a URL that dereferences to the JWK), typ JWT, nothing else.
        var header = Part(jwt, 0);
        Assert.Equal(new[] { "alg", "kid", "typ" }, header.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Equal("JWT", header.GetProperty("typ").GetString());
        var kid = header.GetProperty("kid").GetString()!;
        Assert.StartsWith(Base + "/badges/keys/", kid, StringComparison.Ordinal);
        var jwk = await (await anonymous.GetAsync(new Uri(kid).PathAndQuery)).JsonAsync();
        Assert.Equal(kid, jwk.GetProperty("kid").GetString());
        Assert.Equal("RSA", jwk.GetProperty("kty").GetString());
        var jwks = await anonymous.GetStringAsync("/badges/keys");
        Assert.Equal(jwks, await anonymous.GetStringAsync("/.well-known/jwks.json"));
        foreach (var privateMember in new[] { "\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"" }) Assert.DoesNotContain(privateMember, jwks, StringComparison.Ordinal);

        // The signature, checked here with the key fetched over HTTP.
        Assert.True(await SignatureHoldsAsync(anonymous, jwt));

        // The payload: the credential itself (VC data model 2.0) with the VC-JWT claims.
        var vc = Part(jwt, 1);
        Assert.Equal(new List<string> { VcContext, ObContext }, Strings(vc.GetProperty("@context")));
        Assert.Equal(new List<string> { "VerifiableCredential", "OpenBadgeCredential" }, Strings(vc.GetProperty("type")));
        var issuer = vc.GetProperty("issuer");
        var issuerId = issuer.GetProperty("id").GetString()!;
        Assert.Equal(Base + "/badges/issuer", issuerId);
        Assert.Contains("Profile", Strings(issuer.GetProperty("type")));
        var profile = await (await anonymous.GetAsync(new Uri(issuerId).PathAndQuery)).JsonAsync();
        Assert.Equal(issuerId, profile.GetProperty("id").GetString());
        Assert.Contains("Profile", Strings(profile.GetProperty("type")));
        Assert.False(string.IsNullOrWhiteSpace(profile.GetProperty("name").GetString()));
        Assert.Equal(issuerId, vc.GetProperty("iss").GetString());
        Assert.Equal(vc.GetProperty("id").GetString(), vc.GetProperty("jti").GetString());
        Assert.StartsWith("urn:uuid:", vc.GetProperty("id").GetString(), StringComparison.Ordinal);
        var validFrom = DateTimeOffset.Parse(vc.GetProperty("validFrom").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(validFrom.ToUnixTimeSeconds(), vc.GetProperty("nbf").GetInt64());
        Assert.False(vc.TryGetProperty("exp", out _));

        var subject = vc.GetProperty("credentialSubject");
        Assert.Equal(subject.GetProperty("id").GetString(), vc.GetProperty("sub").GetString());
        Assert.Contains("AchievementSubject", Strings(subject.GetProperty("type")));
        var certificate = await app.WithDbAsync(db => db.Certificates.SingleAsync(c => c.Code == code));
        var achievement = subject.GetProperty("achievement");
        Assert.Contains("Achievement", Strings(achievement.GetProperty("type")));
        Assert.Equal(certificate.CourseTitle, achievement.GetProperty("name").GetString());
        Assert.Equal("CertificateOfCompletion", achievement.GetProperty("achievementType").GetString());
        Assert.Equal("es", achievement.GetProperty("inLanguage").GetString());
        Assert.False(string.IsNullOrWhiteSpace(achievement.GetProperty("description").GetString()));
        Assert.Contains("10", achievement.GetProperty("criteria").GetProperty("narrative").GetString(), StringComparison.Ordinal);
        var achievementId = achievement.GetProperty("id").GetString()!;
        Assert.Equal($"{Base}/badges/achievements/{certificate.CourseId}", achievementId);
        var published = await (await anonymous.GetAsync(new Uri(achievementId).PathAndQuery + "?lang=es")).JsonAsync();
        Assert.Equal(achievementId, published.GetProperty("id").GetString());
        Assert.Equal(achievement.GetProperty("criteria").GetProperty("narrative").GetString(), published.GetProperty("criteria").GetProperty("narrative").GetString());

        var status = vc.GetProperty("credentialStatus");
        Assert.Equal("BitstringStatusListEntry", status.GetProperty("type").GetString());
        Assert.Equal("revocation", status.GetProperty("statusPurpose").GetString());
        Assert.StartsWith(Base + "/badges/status/", status.GetProperty("statusListCredential").GetString(), StringComparison.Ordinal);
        var schema = vc.GetProperty("credentialSchema").EnumerateArray().Single();
        Assert.Equal("1EdTechJsonSchemaValidator2019", schema.GetProperty("type").GetString());
        Assert.EndsWith("ob_v3p0_achievementcredential_schema.json", schema.GetProperty("id").GetString(), StringComparison.Ordinal);

        // The holder's name is there; the address only hashed; the grade (private) not at all.
        var text = Encoding.UTF8.GetString(B64(jwt.Split('.')[1]));
        var name = subject.GetProperty("identifier").EnumerateArray().Single(i => i.GetProperty("identityType").GetString() == "name");
        Assert.Equal(certificate.HolderName, name.GetProperty("identityHash").GetString());
        Assert.False(name.GetProperty("hashed").GetBoolean());
        Assert.DoesNotContain(email, text, StringComparison.OrdinalIgnoreCase);
        var hashed = subject.GetProperty("identifier").EnumerateArray().Single(i => i.GetProperty("identityType").GetString() == "emailAddress");
        var salt = hashed.GetProperty("salt").GetString()!;
        Assert.Equal("sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email + salt))), hashed.GetProperty("identityHash").GetString());
        Assert.DoesNotContain("87.5", text, StringComparison.Ordinal);

        // The verification endpoint agrees, as text and as JSON.
        var result = await VerifyAsync(anonymous, jwt);
        Assert.True(result.GetProperty("valid").GetBoolean(), result.GetRawText());
        Assert.Equal("valid", result.GetProperty("status").GetString());
        Assert.All(result.GetProperty("checks").EnumerateArray(), c => Assert.True(c.GetProperty("passed").GetBoolean()));
        Assert.Empty(result.GetProperty("errors").EnumerateArray());
        Assert.Equal(code, result.GetProperty("credential").GetProperty("certificateCode").GetString());
        var asJson = await (await anonymous.PostAsJsonAsync("/api/v1/badges/verify", new { credential = jwt })).JsonAsync();
        Assert.Equal("valid", asJson.GetProperty("status").GetString());

        // The learner's page and the public verification page point to it.
        var page = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await page.PostFormAsync("/account/login", new() { ["Email"] = user.Email, ["Password"] = user.Password })).StatusCode);
        Assert.Contains($"/academy/certificates/{code}.jwt", await page.GetStringAsync("/academy/my"), StringComparison.Ordinal);
        Assert.Contains("href=\"/badges/verify\"", await anonymous.GetStringAsync($"/verify/{code}"), StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Only_the_holder_their_manager_and_staff_download_it(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (code, _, _, institution) = await CertificateTests.CompletedAsync(app);
        var manager = await app.ClientForRoleAsync(HemisphereRole.InstitutionManager, "GT", institution);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/academy/certificates/{code}.jwt")).StatusCode);
        var staff = await app.ClientForRoleAsync(HemisphereRole.Editor);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/v1/certificates/{code}/open-badge")).StatusCode);

        var other = await app.ClientForRoleAsync(HemisphereRole.Learner);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/academy/certificates/{code}.jwt")).StatusCode);
        await (await other.GetAsync($"/api/v1/certificates/{code}/open-badge")).ProblemAsync(HttpStatusCode.NotFound);
        var otherManager = await app.ClientForRoleAsync(HemisphereRole.InstitutionManager, "GT", (await app.AddInstitutionAsync("GT")).Id);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync($"/academy/certificates/{code}.jwt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/academy/certificates/{code}.jwt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/academy/certificates/{Certificate.NewCode()}.jwt")).StatusCode);
    }

    [Theory, BothProviders]
    public async Task A_changed_byte_a_wrong_algorithm_an_unknown_key_or_garbage_is_refused_clearly(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (code, user, _, _) = await CertificateTests.CompletedAsync(app);
        var jwt = await (await app.ClientForAsync(user)).GetStringAsync($"/academy/certificates/{code}.jwt");
        var anonymous = app.CreateClient();

        foreach (var part in new[] { 1, 2 })
        {
            var tampered = Tamper(jwt, part);
            Assert.NotEqual(jwt, tampered);
            Assert.False(await SignatureHoldsAsync(anonymous, tampered));
            var result = await VerifyAsync(anonymous, tampered);
            Assert.False(result.GetProperty("valid").GetBoolean());
            Assert.Equal("invalid", result.GetProperty("status").GetString());
            Assert.False(Check(result, "signature"));
            Assert.NotEmpty(result.GetProperty("errors").EnumerateArray());
        }

        var parts = jwt.Split('.');
        var kid = Part(jwt, 0).GetProperty("kid").GetString()!;
        string WithHeader(object header) => ToB64(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + parts[1] + "." + parts[2];
        // An HMAC "signed" with the public key, the classic confusion, and alg none: refused at the header.
        foreach (var alg in new[] { "HS256", "none", "ES256" })
        {
            var result = await VerifyAsync(anonymous, WithHeader(new { alg, kid, typ = "JWT" }));
            Assert.Equal("invalid", result.GetProperty("status").GetString());
            Assert.False(Check(result, "header"));
        }
        Assert.False(Check(await VerifyAsync(anonymous, WithHeader(new { alg = "RS256", kid, typ = "JWT", crit = new[] { "x" } })), "header"));
        Assert.False(Check(await VerifyAsync(anonymous, WithHeader(new { alg = "RS256", kid = Base + "/badges/keys/unknown", typ = "JWT" })), "key"));
        Assert.False(Check(await VerifyAsync(anonymous, WithHeader(new { alg = "RS256", kid = "https://elsewhere.example/keys/1", typ = "JWT" })), "key"));
        // A jwk header instead of a kid: one of the published keys is recognised (the changed header then breaks the
        // signature); a stranger's key is not.
        var published = await (await anonymous.GetAsync(new Uri(kid).PathAndQuery)).JsonAsync();
        var ours = await VerifyAsync(anonymous, WithHeader(new { alg = "RS256", jwk = new { kty = "RSA", n = published.GetProperty("n").GetString(), e = published.GetProperty("e").GetString() } }));
        Assert.True(Check(ours, "key"));
        Assert.False(Check(ours, "signature"));
        using var stranger = RSA.Create(2048);
        var strangerKey = stranger.ExportParameters(false);
        Assert.False(Check(await VerifyAsync(anonymous, WithHeader(new { alg = "RS256", jwk = new { kty = "RSA", n = ToB64(strangerKey.Modulus!), e = ToB64(strangerKey.Exponent!) } })), "key"));

        foreach (var garbage in new[] { "not a jwt", "a.b", "a.b.c.d", "!!!.###.$$$", "e30.e30.", ToB64("[1]"u8.ToArray()) + ".e30.AA" })
        {
            var result = await VerifyAsync(anonymous, garbage);
            Assert.False(result.GetProperty("valid").GetBoolean());
            Assert.Equal("invalid", result.GetProperty("status").GetString());
            Assert.NotEmpty(result.GetProperty("errors").EnumerateArray());
        }

        // No credential at all: a 400 problem naming the field.
        await (await anonymous.PostAsync("/api/v1/badges/verify", new StringContent("", Encoding.UTF8, "text/plain"))).ValidationProblemAsync("credential");
        await (await anonymous.PostAsJsonAsync("/api/v1/badges/verify", new { other = 1 })).ValidationProblemAsync("credential");
        await (await anonymous.PostAsync("/api/v1/badges/verify", new StringContent("{\"credential\":", Encoding.UTF8, "application/json"))).ValidationProblemAsync("credential");
        await (await anonymous.PostAsync("/api/v1/badges/verify", new StringContent(new string('a', 200_000), Encoding.UTF8, "text/plain"))).ValidationProblemAsync("credential");
        // A JSON-LD credential without a JWS: answered, not verified.
        var jsonLd = await (await anonymous.PostAsJsonAsync("/api/v1/badges/verify", new { credential = Part(jwt, 1) })).JsonAsync();
        Assert.Equal("invalid", jsonLd.GetProperty("status").GetString());
        Assert.False(Check(jsonLd, "format"));
    }

    [Theory, BothProviders]
    public async Task Revocation_through_the_staff_api_shows_in_the_verification_and_the_published_status_list(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (code, user, _, _) = await CertificateTests.CompletedAsync(app);
        var holder = await app.ClientForAsync(user);
        var jwt = await holder.GetStringAsync($"/academy/certificates/{code}.jwt");
        var anonymous = app.CreateClient();
        var entry = Part(jwt, 1).GetProperty("credentialStatus");
        var listPath = new Uri(entry.GetProperty("statusListCredential").GetString()!).PathAndQuery;
        var index = int.Parse(entry.GetProperty("statusListIndex").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(await RevokedInListAsync(anonymous, listPath, index));

        var staff = await app.ClientForRoleAsync(HemisphereRole.Editor);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/v1/certificates/{code}/revoke", new { reason = "Issued in error" })).StatusCode);

        var result = await VerifyAsync(anonymous, jwt);
        Assert.False(result.GetProperty("valid").GetBoolean());
        Assert.Equal("revoked", result.GetProperty("status").GetString());
        Assert.True(Check(result, "signature"));
        Assert.False(Check(result, "status"));
        Assert.DoesNotContain("Issued in error", result.GetRawText(), StringComparison.Ordinal);
        Assert.True(await RevokedInListAsync(anonymous, listPath, index));
        // A revoked certificate is not issued as a badge again.
        Assert.Equal(HttpStatusCode.Conflict, (await holder.GetAsync($"/academy/certificates/{code}.jwt")).StatusCode);
        await (await holder.GetAsync($"/api/v1/certificates/{code}/open-badge")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/badges/status/999999")).StatusCode);
    }

    /// <summary>The status list read as a third party would: its signature checked with the JWKS, the bitstring un-gzipped, the bit read.</summary>
    private static async Task<bool> RevokedInListAsync(HttpClient anonymous, string listPath, int index)
    {
        var response = await anonymous.GetAsync(listPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var jwt = await response.Content.ReadAsStringAsync();
        Assert.True(await SignatureHoldsAsync(anonymous, jwt));
        var list = Part(jwt, 1);
        Assert.Contains("BitstringStatusListCredential", Strings(list.GetProperty("type")));
        var encoded = list.GetProperty("credentialSubject").GetProperty("encodedList").GetString()!;
        Assert.StartsWith("u", encoded, StringComparison.Ordinal);
        using var gzip = new GZipStream(new MemoryStream(B64(encoded[1..])), CompressionMode.Decompress);
        using var bits = new MemoryStream();
        await gzip.CopyToAsync(bits);
        var bytes = bits.ToArray();
        Assert.True(bytes.Length >= 16 * 1024);
        return (bytes[index / 8] & (0x80 >> (index % 8))) != 0;
    }

    [Theory, BothProviders]
    public async Task A_reissue_makes_the_old_credential_superseded_and_the_paste_page_says_so(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (code, user, _, _) = await CertificateTests.CompletedAsync(app);
        var jwt = await (await app.ClientForAsync(user)).GetStringAsync($"/academy/certificates/{code}.jwt");
        var staff = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var reissued = await (await staff.PostAsJsonAsync($"/api/v1/certificates/{code}/reissue", new { holderName = "José Núñez", reason = "Name" })).JsonAsync();
        var newCode = reissued.GetProperty("code").GetString()!;

        var anonymous = app.CreateClient();
        var result = await VerifyAsync(anonymous, jwt);
        Assert.False(result.GetProperty("valid").GetBoolean());
        Assert.Equal("superseded", result.GetProperty("status").GetString());
        Assert.Equal(newCode, result.GetProperty("supersededBy").GetString());

        var page = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var answer = await page.PostFormAsync("/badges/verify", new() { ["Credential"] = jwt });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
        Assert.Contains("Replaced by a newer certificate", html, StringComparison.Ordinal);
        Assert.Contains($"/verify/{newCode}", html, StringComparison.Ordinal);
        var empty = await page.PostFormAsync("/badges/verify", new() { ["Credential"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("validation-summary-errors", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Key_rotation_is_for_administrators_and_old_credentials_still_verify(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (code, user, _, _) = await CertificateTests.CompletedAsync(app);
        var holder = await app.ClientForAsync(user);
        var before = await holder.GetStringAsync($"/academy/certificates/{code}.jwt");

        await (await (await app.ClientForRoleAsync(HemisphereRole.Editor)).PostAsync("/api/v1/badges/keys/rotate", null)).ProblemAsync(HttpStatusCode.Forbidden);
        var admin = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        var rotated = await admin.PostAsync("/api/v1/badges/keys/rotate", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var keyId = (await rotated.JsonAsync()).GetProperty("keyId").GetString()!;

        var after = await holder.GetStringAsync($"/academy/certificates/{code}.jwt");
        Assert.Equal($"{Base}/badges/keys/{keyId}", Part(after, 0).GetProperty("kid").GetString());
        Assert.NotEqual(Part(before, 0).GetProperty("kid").GetString(), Part(after, 0).GetProperty("kid").GetString());
        Assert.Equal(PayloadOf(before), PayloadOf(after));
        var anonymous = app.CreateClient();
        Assert.True(await SignatureHoldsAsync(anonymous, before));
        Assert.True(await SignatureHoldsAsync(anonymous, after));
        Assert.Equal("valid", (await VerifyAsync(anonymous, before)).GetProperty("status").GetString());
        Assert.Equal("valid", (await VerifyAsync(anonymous, after)).GetProperty("status").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "academy.badges.key-rotated" && a.Changes!.Contains(keyId))));

        static string PayloadOf(string jwt) => jwt.Split('.')[1];
    }

    [Theory, BothProviders]
    public async Task Dates_are_checked_expired_and_not_yet_valid_credentials_are_not_valid_even_when_signed_by_the_platform(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (code, user, _, _) = await CertificateTests.CompletedAsync(app);
        var jwt = await (await app.ClientForAsync(user)).GetStringAsync($"/academy/certificates/{code}.jwt");
        var kid = Part(jwt, 0).GetProperty("kid").GetString()!;
        // The same credential with other dates, signed with the platform's own current key (as a careless
        // issuer would): the signature holds, the dates decide.
        async Task<string> ResignedAsync(DateTimeOffset from, DateTimeOffset? until, bool claimsAgree = true)
        {
            var payload = JsonNode.Parse(B64(jwt.Split('.')[1]))!.AsObject();
            payload["validFrom"] = from.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            payload["nbf"] = claimsAgree ? from.ToUnixTimeSeconds() : from.ToUnixTimeSeconds() + 60;
            if (until is { } u)
            {
                payload["validUntil"] = u.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
                payload["exp"] = u.ToUnixTimeSeconds();
            }
            await using var scope = app.Services.CreateAsyncScope();
            var (_, rsa) = await scope.ServiceProvider.GetRequiredService<BadgeKeyStore>().CurrentAsync(CancellationToken.None);
            using (rsa) return Jws.Sign(payload, kid, rsa);
        }
        var anonymous = app.CreateClient();
        var now = DateTimeOffset.UtcNow;

        var expired = await VerifyAsync(anonymous, await ResignedAsync(now.AddDays(-30), now.AddDays(-1)));
        Assert.Equal("expired", expired.GetProperty("status").GetString());
        Assert.False(expired.GetProperty("valid").GetBoolean());
        Assert.True(Check(expired, "signature"));
        Assert.False(Check(expired, "validity"));

        var early = await VerifyAsync(anonymous, await ResignedAsync(now.AddDays(2), null));
        Assert.Equal("notYetValid", early.GetProperty("status").GetString());
        Assert.False(Check(early, "validity"));

        var stillValid = await VerifyAsync(anonymous, await ResignedAsync(now.AddDays(-1), now.AddDays(30)));
        Assert.Equal("valid", stillValid.GetProperty("status").GetString());

        // nbf must be validFrom, to the second.
        var disagreeing = await VerifyAsync(anonymous, await ResignedAsync(now.AddDays(-1), null, claimsAgree: false));
        Assert.Equal("invalid", disagreeing.GetProperty("status").GetString());
        Assert.False(Check(disagreeing, "claims"));
    }
}
