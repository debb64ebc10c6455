using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Certificates.Badges;

/// <summary>Configuration "Academy:Badges".</summary>
public sealed class OpenBadgeOptions
{
    /// <summary>The issuer profile's name; the certificates' issuer line (in English) when empty.</summary>
    public string? IssuerName { get; set; }

    /// <summary>The issuer profile's contact e-mail, when set.</summary>
    public string? IssuerEmail { get; set; }

    /// <summary>When set, credentials carry validUntil (and exp) this many days after their certificate's issue.</summary>
    public int? ValidityDays { get; set; }
}

/// <summary>The stable addresses, under the platform's public URL.</summary>
public static class OpenBadgePaths
{
    public const string Issuer = "/badges/issuer";
    public const string Keys = "/badges/keys";
    public const string WellKnownKeys = "/.well-known/jwks.json";
    public const string Achievements = "/badges/achievements";
    public const string Status = "/badges/status";
    public const string VerifyPage = "/badges/verify";

    public static string Download(string code) => $"/academy/certificates/{code}.jwt";
}

public static class OpenBadgeVocabulary
{
    public const string VcContext = "https://www.w3.org/ns/credentials/v2";
    public const string ObContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public const string ObContextPrefix = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.";
    public const string Schema = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
    public const string SchemaType = "1EdTechJsonSchemaValidator2019";
    public const string StatusEntryType = "BitstringStatusListEntry";
    public const string MediaType = "application/vc+jwt";
}

/// <summary>A credential as handed to its holder: the compact JWS, and its payload for reading.</summary>
public sealed record IssuedBadge(string Code, string Credential, JsonObject Payload);

public sealed record BadgeCheck(string Name, bool Passed, string? Message);

/// <summary>What a presented credential is worth: valid only when every check passed and the certificate is live.</summary>
public sealed record BadgeVerification(
    bool Valid, string Status, IReadOnlyList<BadgeCheck> Checks, IReadOnlyList<string> Errors, BadgeSummary? Credential, string? SupersededBy, string? SupersededByUrl);

public sealed record BadgeSummary(
    string? Id, string? Issuer, string? IssuerName, string? Holder, string? Achievement, string? AchievementId, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil,
    string? CertificateCode, string? VerificationUrl);

public static class BadgeStatus
{
    public const string Valid = "valid";
    public const string Revoked = "revoked";
    public const string Superseded = "superseded";
    public const string Expired = "expired";
    public const string NotYetValid = "notYetValid";
    public const string Invalid = "invalid";

    public static readonly string[] All = [Valid, Revoked, Superseded, Expired, NotYetValid, Invalid];
}

public static class BadgeChecks
{
    public const string Format = "format";
    public const string Header = "header";
    public const string Key = "key";
    public const string Signature = "signature";
    public const string Structure = "structure";
    public const string Claims = "claims";
    public const string Validity = "validity";
    public const string Status = "status";

    public static readonly string[] All = [Format, Header, Key, Signature, Structure, Claims, Validity, Status];
}

/// <summary>
/// Open Badges 3.0 for the academy's certificates: each certificate as an OpenBadgeCredential (a W3C Verifiable
/// Credential, data model 2.0) signed as a VC-JWT (RS256) with the platform's key; the issuer profile, the
/// achievements, the published keys and the revocation status lists (W3C Bitstring Status List) at stable
/// addresses; and the verification of a presented credential.
/// </summary>
public sealed class OpenBadgeService(
    HemisphereDb db, CertificateService certificates, BadgeKeyStore keys, TimeProvider clock, IConfiguration config, IStringLocalizer<SharedResource> l)
{
    /// <summary>Clocks disagree: a credential issued "in the future" by a few minutes is still accepted.</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    private OpenBadgeOptions Options => config.GetSection("Academy:Badges").Get<OpenBadgeOptions>() ?? new OpenBadgeOptions();

    public static string IssuerId(string baseUrl) => baseUrl + OpenBadgePaths.Issuer;

    public static string AchievementId(string baseUrl, Guid courseId) => $"{baseUrl}{OpenBadgePaths.Achievements}/{courseId}";

    public static string StatusListUrl(string baseUrl, int list) => $"{baseUrl}{OpenBadgePaths.Status}/{list}";

    private static string Date(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Seconds(DateTimeOffset t) => DateTimeOffset.FromUnixTimeSeconds(t.ToUnixTimeSeconds());

    private string IssuerName()
    {
        if (Options.IssuerName is { Length: > 0 } name) return name;
        using var english = CultureScope.Use("en");
        return l["Certificates.Issuer"];
    }

    /// <summary>The issuer's Profile, as published at /badges/issuer.</summary>
    public JsonObject IssuerProfile(string baseUrl)
    {
        var profile = new JsonObject
        {
            ["@context"] = new JsonArray(OpenBadgeVocabulary.VcContext, OpenBadgeVocabulary.ObContext),
        };
        foreach (var (k, v) in IssuerInCredential(baseUrl)) profile[k] = v?.DeepClone();
        return profile;
    }

    private JsonObject IssuerInCredential(string baseUrl)
    {
        var issuer = new JsonObject
        {
            ["id"] = IssuerId(baseUrl),
            ["type"] = new JsonArray("Profile"),
            ["name"] = IssuerName(),
            ["url"] = baseUrl + "/",
        };
        if (Options.IssuerEmail is { Length: > 0 } email) issuer["email"] = email;
        return issuer;
    }

    /// <summary>The public JWKS: every key, current and retired.</summary>
    public async Task<JsonObject> KeySetAsync(string baseUrl, CancellationToken ct)
    {
        var all = await keys.PublishedAsync(ct);
        if (all.Count == 0) all = [(await keys.CurrentAsync(ct)).Key];
        return new JsonObject { ["keys"] = new JsonArray(all.Select(k => (JsonNode)BadgeKeyStore.Jwk(k, baseUrl)).ToArray()) };
    }

    public async Task<JsonObject?> KeyAsync(string keyId, string baseUrl, CancellationToken ct) =>
        await keys.FindAsync(keyId, ct) is { } key ? BadgeKeyStore.Jwk(key, baseUrl) : null;

    /// <summary>The achievement a course version stands for, in <paramref name="language"/>; null for unknown and draft courses.</summary>
    public async Task<JsonObject?> AchievementAsync(Guid courseId, string language, string baseUrl, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == courseId, ct);
        if (course is null || course.Status == CourseStatus.Draft) return null;
        language = Languages.Normalize(language);
        var achievement = Achievement(course, course.Title.For(language), course.Code, course.Hours, language, baseUrl);
        achievement["@context"] = new JsonArray(OpenBadgeVocabulary.VcContext, OpenBadgeVocabulary.ObContext);
        return achievement;
    }

    private JsonObject Achievement(Course course, string title, string code, decimal hours, string language, string baseUrl)
    {
        using var culture = CultureScope.Use(language);
        var hoursText = hours.ToString("0.##", CultureInfo.CurrentCulture);
        var criteria = new List<string> { l["Badges.Criteria", title, hoursText] };
        if (course.RequireLessons) criteria.Add(l["Badges.Criteria.Lessons"]);
        if (course.RequireQuizzes) criteria.Add(l["Badges.Criteria.Quizzes"]);
        if (course.MinimumAttendancePercent is { } attendance) criteria.Add(l["Badges.Criteria.Attendance", attendance]);
        if (course.RequireEssaysGraded) criteria.Add(l["Badges.Criteria.Essays"]);
        var summary = course.Summary.For(language);
        return new JsonObject
        {
            ["id"] = AchievementId(baseUrl, course.Id),
            ["type"] = new JsonArray("Achievement"),
            ["achievementType"] = "CertificateOfCompletion",
            ["name"] = title,
            ["description"] = string.IsNullOrWhiteSpace(summary) ? criteria[0] : summary,
            ["criteria"] = new JsonObject { ["narrative"] = string.Join(" ", criteria) },
            ["humanCode"] = code,
            ["inLanguage"] = language,
            ["version"] = course.Version.ToString(CultureInfo.InvariantCulture),
            ["creator"] = new JsonObject { ["id"] = IssuerId(baseUrl), ["type"] = new JsonArray("Profile") },
        };
    }

    /// <summary>
    /// The holder's credential (the same people as the PDF: holder, their institution's managers, staff; 404 for
    /// anyone else). A revoked or replaced certificate is not issued again (409). Signed now with the current key;
    /// everything else in it is fixed at the certificate's issue, so two downloads say the same.
    /// </summary>
    public async Task<Outcome<IssuedBadge>> IssueAsync(Actor actor, string code, string baseUrl, CancellationToken ct)
    {
        var certificate = await certificates.ForDownloadAsync(actor, code, ct);
        if (certificate is null) return Outcome<IssuedBadge>.NotFound();
        if (certificate.IsRevoked || certificate.IsSuperseded) return Outcome<IssuedBadge>.Conflict(l["Certificates.NotLive"]);
        var payload = await CredentialAsync(certificate, baseUrl, ct);
        var (key, rsa) = await keys.CurrentAsync(ct);
        using (rsa)
            return Outcome<IssuedBadge>.Ok(new IssuedBadge(certificate.Code, Jws.Sign(payload, BadgeKeyStore.KeyUrl(baseUrl, key.KeyId), rsa), payload));
    }

    private async Task<JsonObject> CredentialAsync(Certificate c, string baseUrl, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().FirstAsync(x => x.Id == c.CourseId, ct);
        var email = await db.Learners.Where(x => x.Id == c.LearnerId).Select(x => x.Email).FirstOrDefaultAsync(ct);
        var index = await StatusIndexAsync(c.Id, ct);
        var list = index / BitstringStatusList.Size;
        var position = index % BitstringStatusList.Size;
        var validFrom = Seconds(c.IssuedAt);
        DateTimeOffset? validUntil = Options.ValidityDays is int days && days > 0 ? validFrom.AddDays(days) : null;
        var id = "urn:uuid:" + c.Id;
        var subjectId = "urn:uuid:" + c.LearnerId;
        var issuer = IssuerInCredential(baseUrl);

        var identifiers = new JsonArray(new JsonObject
        {
            ["type"] = "IdentityObject",
            ["identityType"] = "name",
            ["hashed"] = false,
            ["identityHash"] = c.HolderName,
        });
        if (!string.IsNullOrWhiteSpace(email))
        {
            // Hashed and salted (OB 3.0 "sha256$" + hex): a displayer can match the holder's address without the credential showing it.
            var salt = c.Id.ToString("N")[16..];
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant() + salt)));
            identifiers.Add(new JsonObject
            {
                ["type"] = "IdentityObject",
                ["identityType"] = "emailAddress",
                ["hashed"] = true,
                ["identityHash"] = "sha256$" + hash,
                ["salt"] = salt,
            });
        }
        var subject = new JsonObject
        {
            ["id"] = subjectId,
            ["type"] = new JsonArray("AchievementSubject"),
            ["identifier"] = identifiers,
            ["achievement"] = Achievement(course, c.CourseTitle, c.CourseCode, c.Hours, c.Language, baseUrl),
        };
        if (c.EditionStartsOn is { } starts) subject["activityStartDate"] = Date(new DateTimeOffset(starts.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        if (c.EditionEndsOn is { } ends) subject["activityEndDate"] = Date(new DateTimeOffset(ends.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

        var statusList = StatusListUrl(baseUrl, list);
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(OpenBadgeVocabulary.VcContext, OpenBadgeVocabulary.ObContext),
            ["id"] = id,
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["name"] = c.CourseTitle,
            ["issuer"] = issuer,
            ["validFrom"] = Date(validFrom),
        };
        if (validUntil is { } until) credential["validUntil"] = Date(until);
        credential["awardedDate"] = Date(validFrom);
        credential["credentialSubject"] = subject;
        credential["evidence"] = new JsonArray(new JsonObject
        {
            ["id"] = baseUrl + CertificateService.VerificationPath(c.Code),
            ["type"] = new JsonArray("Evidence"),
            ["name"] = Certificate.Display(c.Code),
        });
        credential["credentialStatus"] = new JsonObject
        {
            ["id"] = $"{statusList}#{position}",
            ["type"] = OpenBadgeVocabulary.StatusEntryType,
            ["statusPurpose"] = "revocation",
            ["statusListIndex"] = position.ToString(CultureInfo.InvariantCulture),
            ["statusListCredential"] = statusList,
        };
        credential["credentialSchema"] = new JsonArray(new JsonObject
        {
            ["id"] = OpenBadgeVocabulary.Schema,
            ["type"] = OpenBadgeVocabulary.SchemaType,
        });
        // The VC-JWT claims (OB 3.0 § JSON Web Token Proof Format): the credential's own values again.
        credential["iss"] = issuer["id"]!.DeepClone();
        credential["jti"] = id;
        credential["sub"] = subjectId;
        credential["nbf"] = validFrom.ToUnixTimeSeconds();
        if (validUntil is { } expires) credential["exp"] = expires.ToUnixTimeSeconds();
        return credential;
    }

    /// <summary>The certificate's place in the status lists, given now on its first issue as a badge.</summary>
    private async Task<int> StatusIndexAsync(Guid certificateId, CancellationToken ct)
    {
        var existing = await db.Set<BadgeStatusEntry>().Where(x => x.CertificateId == certificateId).Select(x => (int?)x.Index).FirstOrDefaultAsync(ct);
        if (existing is { } found) return found;
        var entry = new BadgeStatusEntry { CertificateId = certificateId, CreatedAt = clock.GetUtcNow() };
        db.Set<BadgeStatusEntry>().Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
            return entry.Index;
        }
        catch (DbUpdateException)
        {
            // Another download of the same certificate gave it first.
            db.Entry(entry).State = EntityState.Detached;
            return await db.Set<BadgeStatusEntry>().Where(x => x.CertificateId == certificateId).Select(x => x.Index).FirstAsync(ct);
        }
    }

    /// <summary>
    /// Status list <paramref name="list"/> as a BitstringStatusListCredential signed as a VC-JWT: a set bit is a
    /// revoked certificate. Null for a list beyond the last given place.
    /// </summary>
    public async Task<string?> StatusListAsync(int list, string baseUrl, CancellationToken ct)
    {
        var highest = await db.Set<BadgeStatusEntry>().Select(x => (int?)x.Index).MaxAsync(ct) ?? 0;
        if (list < 0 || list > highest / BitstringStatusList.Size) return null;
        var from = list * BitstringStatusList.Size;
        var to = from + BitstringStatusList.Size;
        var revoked = await db.Set<BadgeStatusEntry>()
            .Where(x => x.Index >= from && x.Index < to)
            .Join(db.Certificates.Where(c => c.RevokedAt != null), x => x.CertificateId, c => c.Id, (x, _) => x.Index)
            .ToListAsync(ct);
        var url = StatusListUrl(baseUrl, list);
        var now = Seconds(clock.GetUtcNow());
        var payload = new JsonObject
        {
            ["@context"] = new JsonArray(OpenBadgeVocabulary.VcContext),
            ["id"] = url,
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = IssuerId(baseUrl),
            ["validFrom"] = Date(now),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = url + "#list",
                ["type"] = "BitstringStatusList",
                ["statusPurpose"] = "revocation",
                ["encodedList"] = BitstringStatusList.Encode(revoked.Select(i => i - from)),
            },
            ["iss"] = IssuerId(baseUrl),
            ["jti"] = url,
            ["sub"] = url + "#list",
            ["nbf"] = now.ToUnixTimeSeconds(),
        };
        var (key, rsa) = await keys.CurrentAsync(ct);
        using (rsa) return Jws.Sign(payload, BadgeKeyStore.KeyUrl(baseUrl, key.KeyId), rsa);
    }

    /// <summary>
    /// Verifies a presented compact JWS: its form and header, that one of the published keys signed it, the
    /// Open Badges structure and the VC-JWT claims, its dates, and the certificate's state now (revoked,
    /// replaced). Never throws for what is presented: every problem becomes a failed check.
    /// </summary>
    public async Task<BadgeVerification> VerifyAsync(string? token, string baseUrl, CancellationToken ct)
    {
        var checks = new List<BadgeCheck>();
        BadgeVerification Done(string status, BadgeSummary? summary = null, string? newer = null) =>
            new(status == BadgeStatus.Valid, status, checks, checks.Where(c => !c.Passed).Select(c => c.Message ?? c.Name).ToList(), summary,
                newer, newer is null ? null : CertificateService.VerificationPath(newer));
        bool Check(string name, string? error)
        {
            checks.Add(new BadgeCheck(name, error is null, error));
            return error is null;
        }

        var (jws, parseError) = Jws.Parse(token);
        if (!Check(BadgeChecks.Format, parseError)) return Done(BadgeStatus.Invalid);
        if (!Check(BadgeChecks.Header, Jws.CheckHeader(jws!))) return Done(BadgeStatus.Invalid);

        var key = await FindKeyAsync(jws!, baseUrl, ct);
        if (!Check(BadgeChecks.Key, key.Error)) return Done(BadgeStatus.Invalid);
        using (var rsa = Jws.FromJwk(JsonNode.Parse(key.Key!.PublicJwk)!.AsObject())!)
            if (!Check(BadgeChecks.Signature, Jws.VerifySignature(jws!, rsa) ? null : "The signature does not match: the credential was changed after it was signed, or this issuer did not sign it."))
                return Done(BadgeStatus.Invalid);

        if (jws!.Payload is not { } payload)
        {
            Check(BadgeChecks.Structure, "The JWT payload is not a JSON object.");
            return Done(BadgeStatus.Invalid);
        }
        // Credentials made under VC data model 1.1 carry the credential in the vc claim.
        var credential = payload["@context"] is null && payload["vc"] is JsonObject vc ? vc : payload;
        var structure = Structure(credential, baseUrl);
        Check(BadgeChecks.Structure, structure.Count == 0 ? null : string.Join(" ", structure));
        var claims = Claims(payload, credential);
        Check(BadgeChecks.Claims, claims.Count == 0 ? null : string.Join(" ", claims));
        var summary = Summary(credential);
        if (structure.Count > 0 || claims.Count > 0) return Done(BadgeStatus.Invalid, summary);

        var now = clock.GetUtcNow();
        var from = summary.ValidFrom!.Value;
        var until = summary.ValidUntil ?? (payload["exp"] is JsonValue exp && exp.TryGetValue<long>(out var e) ? DateTimeOffset.FromUnixTimeSeconds(e) : null);
        string? timeStatus = null;
        if (from > now + Skew)
        {
            timeStatus = BadgeStatus.NotYetValid;
            Check(BadgeChecks.Validity, $"The credential is valid from {Date(from)} only.");
        }
        else if (until is { } u && u <= now)
        {
            timeStatus = BadgeStatus.Expired;
            Check(BadgeChecks.Validity, $"The credential expired on {Date(u)}.");
        }
        else Check(BadgeChecks.Validity, null);

        var (certificate, statusError) = await CertificateOfAsync(credential, baseUrl, ct);
        if (!Check(BadgeChecks.Status, statusError ?? (certificate!.IsRevoked ? $"The certificate was revoked on {Date(certificate.RevokedAt!.Value)}." : certificate.IsSuperseded ? "The certificate was replaced by a reissue." : null)))
        {
            if (certificate is null) return Done(BadgeStatus.Invalid, summary);
            summary = summary with { CertificateCode = certificate.Code, VerificationUrl = baseUrl + CertificateService.VerificationPath(certificate.Code) };
            if (certificate.IsRevoked) return Done(BadgeStatus.Revoked, summary);
            var newer = await db.Certificates.Where(x => x.Id == certificate.SupersededById).Select(x => x.Code).FirstOrDefaultAsync(ct);
            return Done(BadgeStatus.Superseded, summary, newer);
        }
        summary = summary with { CertificateCode = certificate!.Code, VerificationUrl = baseUrl + CertificateService.VerificationPath(certificate.Code) };
        return Done(timeStatus ?? BadgeStatus.Valid, summary);
    }

    private async Task<(BadgeSigningKey? Key, string? Error)> FindKeyAsync(Jws.Parsed jws, string baseUrl, CancellationToken ct)
    {
        if (jws.Kid is { } kid)
        {
            var prefix = baseUrl + OpenBadgePaths.Keys + "/";
            if (!kid.StartsWith(prefix, StringComparison.Ordinal) || kid.Length == prefix.Length)
                return (null, $"The key \"{Clip(kid)}\" is not one of this issuer's keys (they are published at {baseUrl}{OpenBadgePaths.Keys}).");
            var found = await keys.FindAsync(kid[prefix.Length..], ct);
            return found is null ? (null, $"The key \"{Clip(kid)}\" is unknown: it is not among the published keys.") : (found, null);
        }
        using (var given = Jws.FromJwk(jws.Jwk!))
            if (given is null) return (null, "The jwk header is not an RSA public key of 2048 bits or more.");
        var thumbprint = Jws.Thumbprint(jws.Jwk!);
        var match = (await keys.PublishedAsync(ct)).FirstOrDefault(k => Jws.Thumbprint(JsonNode.Parse(k.PublicJwk)!.AsObject()) == thumbprint);
        return match is null ? (null, "The jwk header is not one of this issuer's published keys.") : (match, null);
    }

    private static string Clip(string s) => s.Length > 200 ? s[..200] + "…" : s;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static List<string> Strings(JsonNode? node) => node switch
    {
        JsonArray a => a.Select(Text).Where(s => s is not null).Select(s => s!).ToList(),
        JsonValue when Text(node) is { } s => [s],
        _ => [],
    };

    private static DateTimeOffset? Time(JsonNode? node) =>
        Text(node) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    private static string? IssuerIdOf(JsonObject credential) => credential["issuer"] is JsonObject o ? Text(o["id"]) : Text(credential["issuer"]);

    private static List<string> Structure(JsonObject credential, string baseUrl)
    {
        var errors = new List<string>();
        var contexts = Strings(credential["@context"]);
        if (contexts.FirstOrDefault() != OpenBadgeVocabulary.VcContext) errors.Add($"The first @context must be {OpenBadgeVocabulary.VcContext}.");
        if (!contexts.Any(c => c.StartsWith(OpenBadgeVocabulary.ObContextPrefix, StringComparison.Ordinal))) errors.Add("The Open Badges 3.0 @context is missing.");
        var types = Strings(credential["type"]);
        if (!types.Contains("VerifiableCredential") || !(types.Contains("OpenBadgeCredential") || types.Contains("AchievementCredential")))
            errors.Add("The type must hold VerifiableCredential and OpenBadgeCredential.");
        if (Text(credential["id"]) is null) errors.Add("The credential has no id.");
        var issuer = IssuerIdOf(credential);
        if (issuer is null) errors.Add("The credential has no issuer id.");
        else if (issuer != IssuerId(baseUrl)) errors.Add($"The issuer {Clip(issuer)} is not this platform ({IssuerId(baseUrl)}).");
        if (Time(credential["validFrom"]) is null) errors.Add("validFrom is missing or not a date-time.");
        if (credential["validUntil"] is not null && Time(credential["validUntil"]) is null) errors.Add("validUntil is not a date-time.");
        if (credential["credentialSubject"] is not JsonObject subject) errors.Add("The credentialSubject is missing.");
        else
        {
            if (!Strings(subject["type"]).Contains("AchievementSubject")) errors.Add("The credentialSubject's type must hold AchievementSubject.");
            if (subject["achievement"] is not JsonObject achievement) errors.Add("The credentialSubject has no achievement.");
            else
            {
                if (Text(achievement["id"]) is null) errors.Add("The achievement has no id.");
                if (!Strings(achievement["type"]).Contains("Achievement")) errors.Add("The achievement's type must hold Achievement.");
                if (Text(achievement["name"]) is null) errors.Add("The achievement has no name.");
                if (Text(achievement["description"]) is null) errors.Add("The achievement has no description.");
                if (achievement["criteria"] is not JsonObject) errors.Add("The achievement has no criteria.");
            }
        }
        return errors;
    }

    private static List<string> Claims(JsonObject payload, JsonObject credential)
    {
        var errors = new List<string>();
        if (Text(payload["iss"]) is not { } iss || iss != IssuerIdOf(credential)) errors.Add("The iss claim must equal issuer.id.");
        if (Text(payload["jti"]) is not { } jti || jti != Text(credential["id"])) errors.Add("The jti claim must equal the credential's id.");
        if (Text(payload["sub"]) is not { } sub || sub != Text((credential["credentialSubject"] as JsonObject)?["id"])) errors.Add("The sub claim must equal credentialSubject.id.");
        if (payload["nbf"] is not JsonValue nbf || !nbf.TryGetValue<long>(out var n) || Time(credential["validFrom"]) is not { } from || n != from.ToUnixTimeSeconds())
            errors.Add("The nbf claim must equal validFrom.");
        if (payload["exp"] is { } expNode)
        {
            if (expNode is not JsonValue exp || !exp.TryGetValue<long>(out var x)) errors.Add("The exp claim is not a NumericDate.");
            else if (Time(credential["validUntil"]) is { } until && until.ToUnixTimeSeconds() != x) errors.Add("The exp claim must equal validUntil.");
        }
        return errors;
    }

    private static BadgeSummary Summary(JsonObject credential)
    {
        var subject = credential["credentialSubject"] as JsonObject;
        var achievement = subject?["achievement"] as JsonObject;
        var holder = (subject?["identifier"] as JsonArray)?.OfType<JsonObject>()
            .Where(i => Text(i["identityType"]) == "name" && i["hashed"] is JsonValue h && h.TryGetValue<bool>(out var hashed) && !hashed)
            .Select(i => Text(i["identityHash"])).FirstOrDefault() ?? Text(subject?["name"]);
        return new BadgeSummary(Text(credential["id"]), IssuerIdOf(credential), Text((credential["issuer"] as JsonObject)?["name"]), holder,
            Text(achievement?["name"]), Text(achievement?["id"]), Time(credential["validFrom"]), Time(credential["validUntil"]), null, null);
    }

    /// <summary>The certificate behind a credential, through its status entry (which must be this platform's list and agree with the id).</summary>
    private async Task<(Certificate? Certificate, string? Error)> CertificateOfAsync(JsonObject credential, string baseUrl, CancellationToken ct)
    {
        var id = Text(credential["id"]) ?? "";
        if (!id.StartsWith("urn:uuid:", StringComparison.Ordinal) || !Guid.TryParse(id["urn:uuid:".Length..], out var certificateId))
            return (null, "The credential's id is not one this platform gives.");
        var status = credential["credentialStatus"] as JsonObject;
        if (status is null || !Strings(status["type"]).Contains(OpenBadgeVocabulary.StatusEntryType) || Text(status["statusPurpose"]) != "revocation")
            return (null, "The credential has no revocation entry (BitstringStatusListEntry) to check.");
        var prefix = baseUrl + OpenBadgePaths.Status + "/";
        var listUrl = Text(status["statusListCredential"]) ?? "";
        if (!listUrl.StartsWith(prefix, StringComparison.Ordinal) || !int.TryParse(listUrl[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var list)
            || !int.TryParse(Text(status["statusListIndex"]), NumberStyles.None, CultureInfo.InvariantCulture, out var position) || position >= BitstringStatusList.Size)
            return (null, "The credential's status entry does not point into this platform's status lists.");
        var index = (long)list * BitstringStatusList.Size + position;
        var entry = index > int.MaxValue ? null : await db.Set<BadgeStatusEntry>().AsNoTracking().FirstOrDefaultAsync(x => x.Index == (int)index, ct);
        if (entry is null || entry.CertificateId != certificateId) return (null, "The credential's status entry does not belong to it.");
        var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == certificateId, ct);
        return certificate is null ? (null, "The certificate behind the credential no longer exists.") : (certificate, null);
    }
}
