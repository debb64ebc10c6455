using Hemisphere.Features.Academy.Certificates.Badges;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Certificates;

/// <summary>
/// Certificates of completion: issued by the academy's completion handler, downloaded as PDF by their holder
/// (/academy/certificates/{code}.pdf), verified by anyone (/verify/{code} and the API, rate-limited per address),
/// revoked and reissued by the academy's staff (/academy/certificates and the API).
/// </summary>
public static class CertificatesFeature
{
    public static IServiceCollection AddAcademyCertificates(this IServiceCollection services)
    {
        services.AddScoped<CertificateService>();
        services.AddScoped<CertificatePdf>();
        services.AddOpenBadges();
        return services;
    }

    public static IEndpointRouteBuilder MapAcademyCertificates(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/academy/certificates/{code}.pdf", async (string code, HttpContext http, CertificateService certificates, CertificatePdf pdf, CancellationToken ct) =>
        {
            var certificate = await certificates.ForDownloadAsync(http.User.Actor(), code, ct);
            if (certificate is null) return Results.NotFound();
            var newer = certificate.IsSuperseded ? (await certificates.VerifyAsync(certificate.Code, ct)).SupersededBy : null;
            var url = AccountApi.BaseUrl(http) + CertificateService.VerificationPath(certificate.Code);
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(pdf.Render(certificate, url, newer), "application/pdf", $"certificate-{certificate.Code}.pdf");
        }).ExcludeFromDescription();

        var api = routes.MapGroup("/api/v1/certificates").WithTags("Certificates");
        api.MapGet("/{code}/verification", async (string code, CertificateService certificates, CancellationToken ct) =>
            TypedResults.Ok(await certificates.VerifyAsync(code, ct)))
            .RequireRateLimiting(ApiSetup.VerificationPolicy).AllowAnonymous()
            .WithSummary("Public: status valid | revoked | superseded | unknown and the minimum facts; unknown codes answer 200 with the same shape and nulls. 30 a minute per address.")
            .Produces<VerificationDto>().ProducesProblem(429);
        api.MapGet("/{code}", async (string code, HttpContext http, CertificateService certificates, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await certificates.GetAsync(http.User.Actor(), code, ct)).ToResult(l, c => TypedResults.Ok(c)))
            .RequireAuthorization().RequireRateLimiting(ApiSetup.ApiPolicy)
            .WithSummary("The whole record, with the private revocation reason (academy staff).").Produces<CertificateDto>().ProducesProblem(403).ProducesProblem(404);
        api.MapPost("/{code}/revoke", async (string code, RevokeInput input, HttpContext http, CertificateService certificates, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await certificates.RevokeAsync(http.User.Actor(), code, input, ct)).ToResult(l, c => TypedResults.Ok(c)))
            .RequireAuthorization().RequireRateLimiting(ApiSetup.ApiPolicy)
            .WithSummary("Revokes a live certificate (academy staff) with a reason, which stays private; audited.")
            .Produces<CertificateDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/{code}/reissue", async (string code, ReissueInput input, HttpContext http, CertificateService certificates, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await certificates.ReissueAsync(http.User.Actor(), code, input, ct)).ToResult(l, c => TypedResults.Created(CertificateService.VerificationPath(c.Code), c)))
            .RequireAuthorization().RequireRateLimiting(ApiSetup.ApiPolicy)
            .WithSummary("Reissues a live certificate (academy staff), e.g. after a name correction: a new code; the old one is superseded and points to it. Audited.")
            .Produces<CertificateDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        routes.MapOpenBadges();
        return routes;
    }
}
