using Hemisphere.Features.Academy.Programmes;
using Hemisphere.Features.Library;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Files;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Outbox;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Accreditation;

/// <summary>
/// University accreditation of courses and programmes (/academy/accreditations and /api/v1/academy/accreditations),
/// the outcomes each university recognises (and their CSV), and programme completion with its certificate.
/// </summary>
public static class AccreditationFeature
{
    public static IServiceCollection AddAcademyAccreditation(this IServiceCollection services)
    {
        services.AddScoped<AccreditationService>();
        services.AddScoped<ProgrammeCompletion>();
        services.AddScoped<IOutboxHandler, ProgrammeCompletionHandler>();
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
            o.Conventions.AddPageRoute("/Features/Academy/Accreditation/Pages/Edit", "academy/accreditations/{id:guid}/edit"));
        return services;
    }

    public static IEndpointRouteBuilder MapAcademyAccreditation(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/academy/accreditations/{id:guid}/agreement", async (Guid id, HttpContext http, AccreditationService accreditations, FileStore files, CancellationToken ct) =>
            await accreditations.AgreementAsync(http.User.Actor(), id, ct) is { } file ? files.Serve(file, inline: false) : Results.NotFound())
            .RequireAuthorization().ExcludeFromDescription();

        var api = routes.MapGroup("/api/v1/academy/accreditations").WithTags("Academy accreditation").RequireAuthorization().RequireRateLimiting(ApiSetup.ApiPolicy);
        api.MapGet("/", async (HttpContext http, AccreditationService a, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await a.ListAsync(http.User.Actor(), ct)).ToResult(l, x => TypedResults.Ok(x)))
            .WithSummary("Accreditations: every one for academy staff; a university's own (drafts left out) for its staff (institution managers scoped to the university).")
            .Produces<IReadOnlyList<AccreditationDto>>().ProducesProblem(403);
        api.MapGet("/{id:guid}", async (Guid id, HttpContext http, AccreditationService a, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await a.GetAsync(http.User.Actor(), id, ct)).ToResult(l, x => TypedResults.Ok(x)))
            .Produces<AccreditationDto>().ProducesProblem(404);
        api.MapPost("/", async (AccreditationInput input, HttpContext http, AccreditationService a, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await a.SaveAsync(http.User.Actor(), null, input, ct)).ToResult(l, x => TypedResults.Created($"/api/v1/academy/accreditations/{x.Id}", x)))
            .WithSummary("Creates an accreditation (academy staff): universityId (an institution of kind university), courseId or programmeId, agreementReference, credits ≥ 0, creditSystem (ECTS, SCH or other), validFrom, validTo (optional), hours (default: the course's), status draft | active | suspended | ended. Audited.")
            .Produces<AccreditationDto>(201).ProducesValidationProblem().ProducesProblem(403);
        api.MapPut("/{id:guid}", async (Guid id, AccreditationInput input, HttpContext http, AccreditationService a, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await a.SaveAsync(http.User.Actor(), id, input, ct)).ToResult(l, x => TypedResults.Ok(x)))
            .WithSummary("Edits an accreditation (academy staff); the whole record is sent. Audited.")
            .Produces<AccreditationDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapPost("/{id:guid}/agreement", (Guid id, HttpRequest request, AccreditationService a, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            Uploads.WithFileAsync(request, l, async (file, _, stream) =>
                (await a.AttachAgreementAsync(request.HttpContext.User.Actor(), id, stream, file.FileName, ct)).ToResult(l, f => TypedResults.Created(f.Url, f)), ct))
          .WithSummary("Sets the signed agreement (multipart/form-data, field file: a document or a scan), academy staff. Audited.")
          .AcceptsUpload()
          .Produces<AgreementFileDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(415);
        api.MapGet("/outcomes", async (Guid? accreditation, HttpContext http, AccreditationService a, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await a.OutcomesAsync(http.User.Actor(), accreditation, ct)).ToResult(l, x => TypedResults.Ok(x)))
            .WithSummary("The completions the caller's universities recognise (staff: every university's): learners who completed an accredited course (or programme) on a date the accreditation covers. accreditation= narrows to one.")
            .Produces<IReadOnlyList<AccreditedOutcomeDto>>().ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/outcomes.csv", async (Guid? accreditation, HttpContext http, AccreditationService a, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var outcome = await a.OutcomesAsync(http.User.Actor(), accreditation, ct);
            if (!outcome.IsOk) return outcome.ToResult(l, _ => TypedResults.NoContent());
            var buffer = new MemoryStream();
            await AccreditationService.WriteCsvAsync(buffer, outcome.Value!);
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(buffer.ToArray(), "text/csv; charset=utf-8", "accredited-outcomes.csv");
        }).WithSummary("The same outcomes as CSV (UTF-8 with BOM, English column names) for credit recognition.")
          .Produces(200, contentType: "text/csv").ProducesProblem(403).ProducesProblem(404);
        return routes;
    }
}
