using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Certificates.Badges;

/// <summary>
/// Open Badges 3.0: the holder's credential (/academy/certificates/{code}.jwt and the API), the issuer profile,
/// the achievements, the keys (JWKS), the revocation status lists, and the verification of a presented credential.
/// Registered by <see cref="CertificatesFeature"/>.
/// </summary>
public static class OpenBadgesFeature
{
    private const string JsonLd = "application/ld+json";

    public static IServiceCollection AddOpenBadges(this IServiceCollection services)
    {
        services.AddScoped<BadgeKeyStore>();
        services.AddScoped<OpenBadgeService>();
        return services;
    }

    private static IResult Json(JsonNode node, string contentType = "application/json") =>
        Results.Text(node.ToJsonString(), contentType, Encoding.UTF8);

    public static IEndpointRouteBuilder MapOpenBadges(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/academy/certificates/{code}.jwt", async (string code, HttpContext http, OpenBadgeService badges, CancellationToken ct) =>
        {
            var outcome = await badges.IssueAsync(http.User.Actor(), code, AccountApi.BaseUrl(http), ct);
            if (!outcome.IsOk) return outcome.Kind == OutcomeKind.Conflict ? Results.Conflict() : Results.NotFound();
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(Encoding.ASCII.GetBytes(outcome.Value!.Credential), OpenBadgeVocabulary.MediaType, $"open-badge-{outcome.Value.Code}.jwt");
        }).ExcludeFromDescription();

        var open = routes.MapGroup("").AllowAnonymous().ExcludeFromDescription();
        open.MapGet(OpenBadgePaths.Issuer, (HttpContext http, OpenBadgeService badges) =>
            Json(badges.IssuerProfile(AccountApi.BaseUrl(http)), JsonLd));
        open.MapGet(OpenBadgePaths.Keys, async (HttpContext http, OpenBadgeService badges, CancellationToken ct) =>
            Json(await badges.KeySetAsync(AccountApi.BaseUrl(http), ct), "application/jwk-set+json"));
        open.MapGet(OpenBadgePaths.WellKnownKeys, async (HttpContext http, OpenBadgeService badges, CancellationToken ct) =>
            Json(await badges.KeySetAsync(AccountApi.BaseUrl(http), ct), "application/jwk-set+json"));
        open.MapGet(OpenBadgePaths.Keys + "/{keyId}", async (string keyId, HttpContext http, OpenBadgeService badges, CancellationToken ct) =>
            await badges.KeyAsync(keyId, AccountApi.BaseUrl(http), ct) is { } jwk ? Json(jwk, "application/jwk+json") : Results.NotFound());
        open.MapGet(OpenBadgePaths.Achievements + "/{courseId:guid}", async (Guid courseId, string? lang, HttpContext http, OpenBadgeService badges, CancellationToken ct) =>
            await badges.AchievementAsync(courseId, lang ?? Languages.Normalize(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName), AccountApi.BaseUrl(http), ct) is { } a
                ? Json(a, JsonLd) : Results.NotFound());
        open.MapGet(OpenBadgePaths.Status + "/{list:int}", async (int list, HttpContext http, OpenBadgeService badges, CancellationToken ct) =>
        {
            var jwt = await badges.StatusListAsync(list, AccountApi.BaseUrl(http), ct);
            if (jwt is null) return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Text(jwt, OpenBadgeVocabulary.MediaType, Encoding.ASCII);
        });

        var certificates = routes.MapGroup("/api/v1/certificates").WithTags("Certificates");
        certificates.MapGet("/{code}/open-badge", async (string code, HttpContext http, OpenBadgeService badges, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await badges.IssueAsync(http.User.Actor(), code, AccountApi.BaseUrl(http), ct)).ToResult(l, b =>
            {
                http.Response.Headers.CacheControl = "private, no-store";
                return TypedResults.Ok(new OpenBadgeDto(b.Code, b.Credential, JsonSerializer.Deserialize<JsonElement>(b.Payload.ToJsonString())));
            }))
            .RequireAuthorization().RequireRateLimiting(ApiSetup.ApiPolicy)
            .WithSummary("The certificate as an Open Badges 3.0 credential signed as a VC-JWT (RS256): the holder, their institution's managers and academy staff; 404 for anyone else, 409 when revoked or replaced.")
            .Produces<OpenBadgeDto>().ProducesProblem(404).ProducesProblem(409);

        var api = routes.MapGroup("/api/v1/badges").WithTags("Open Badges");
        api.MapPost("/verify", async (HttpContext http, OpenBadgeService badges, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var (token, error) = await ReadPresentedAsync(http.Request, ct);
            if (error is not null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["credential"] = [l[error]] }, title: l["Problem.Validation"]);
            http.Response.Headers.CacheControl = "no-store";
            return token is null
                ? Results.Ok(NotJws())
                : Results.Ok(await badges.VerifyAsync(token, AccountApi.BaseUrl(http), ct));
        })
            .AllowAnonymous().RequireRateLimiting(ApiSetup.VerificationPolicy).DisableAntiforgery()
            // No Accepts metadata: routing would then refuse other content types with 415, and the body is read by hand (text or JSON).
            .WithSummary("Public: verifies a presented Open Badges 3.0 credential (the compact JWS as text/plain, or JSON {\"credential\": \"...\"}): signature against the published keys, structure and claims, dates, revocation. Always 200 with {valid, status, checks, errors} for a credential; 400 when none was sent. 30 a minute per address.")
            .Produces<BadgeVerification>().ProducesValidationProblem().ProducesProblem(429);
        api.MapPost("/keys/rotate", async (HttpContext http, BadgeKeyStore keys, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await keys.RotateAsync(http.User.Actor(), ct)).ToResult(l, k => TypedResults.Ok(k)))
            .RequireAuthorization().RequireRateLimiting(ApiSetup.ApiPolicy)
            .WithSummary("Administrators: a new signing key; the old one is retired but stays published, so what it signed still verifies. Audited.")
            .Produces<BadgeKeyDto>().ProducesProblem(403);
        return routes;
    }

    /// <summary>A JSON credential without a JWS: answered as a verification that fails at the first check.</summary>
    private static BadgeVerification NotJws()
    {
        const string message = "Only credentials signed as a VC-JWT (a compact JWS) are verified here; this JSON credential carries none.";
        return new BadgeVerification(false, BadgeStatus.Invalid, [new BadgeCheck(BadgeChecks.Format, false, message)], [message], null, null, null);
    }

    /// <summary>
    /// The credential from the body: the text itself (text/plain and the JWT media types), or the "credential"
    /// member of a JSON object (a string, or an object: a JSON-LD credential, answered null). Errors are resx keys.
    /// </summary>
    internal static async Task<(string? Token, string? Error)> ReadPresentedAsync(HttpRequest request, CancellationToken ct)
    {
        const int limit = Jws.MaxLength * 2;
        var buffer = new char[limit + 1];
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var read = 0;
        int n;
        while (read <= limit && (n = await reader.ReadAsync(buffer.AsMemory(read, limit + 1 - read), ct)) > 0) read += n;
        if (read > limit) return (null, "Badges.TooLong");
        var body = new string(buffer, 0, read).Trim();
        if (body.Length == 0) return (null, "Badges.CredentialRequired");
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var json = mediaType is not null && (mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal));
        if (!json) return (body, null);
        JsonNode? node;
        try { node = JsonNode.Parse(body); }
        catch (JsonException) { return (null, "Problem.MalformedJson"); }
        return node switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) && s.Trim().Length > 0 => (s, null),
            JsonObject o when o["credential"] is JsonValue c && c.TryGetValue<string>(out var s) && s.Trim().Length > 0 => (s, null),
            JsonObject o when o["credential"] is JsonObject || o.ContainsKey("@context") => (null, null),
            _ => (null, "Badges.CredentialRequired"),
        };
    }
}

public sealed record VerifyBadgeInput(string? Credential);

public sealed record OpenBadgeDto(string Code, string Credential, JsonElement Payload);
