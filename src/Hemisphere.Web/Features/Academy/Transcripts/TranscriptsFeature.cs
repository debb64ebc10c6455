using Hemisphere.Features.Academy.Pages;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Transcripts;

/// <summary>
/// Transcripts: JSON (/api/v1/academy/me/transcript, /api/v1/academy/learners/{id}/transcript), PDF
/// (/academy/my/transcript.pdf, /academy/learners/{id}/transcript.pdf) and pages (/academy/my/transcript,
/// /academy/learners/{id}/transcript). The learner, their institution's managers and the academy's staff only.
/// </summary>
public static class TranscriptsFeature
{
    public static IServiceCollection AddAcademyTranscripts(this IServiceCollection services)
    {
        services.AddScoped<TranscriptService>();
        services.AddScoped<TranscriptPdf>();
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
            o.Conventions.AddPageRoute("/Features/Academy/Transcripts/Pages/Transcript", "academy/my/transcript"));
        return services;
    }

    public static IEndpointRouteBuilder MapAcademyTranscripts(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/academy/my/transcript.pdf", async (HttpContext http, TranscriptService transcripts, TranscriptPdf pdf, CancellationToken ct) =>
            Pdf(http, await transcripts.MineAsync(http.User.Actor(), AcademyPage.Language, ct), pdf))
            .RequireAuthorization().ExcludeFromDescription();
        routes.MapGet("/academy/learners/{id:guid}/transcript.pdf", async (Guid id, HttpContext http, TranscriptService transcripts, TranscriptPdf pdf, CancellationToken ct) =>
            Pdf(http, await transcripts.ForLearnerAsync(http.User.Actor(), id, AcademyPage.Language, ct), pdf))
            .RequireAuthorization().ExcludeFromDescription();

        var api = routes.MapGroup("/api/v1/academy").WithTags("Academy transcripts").RequireAuthorization().RequireRateLimiting(ApiSetup.ApiPolicy);
        api.MapGet("/me/transcript", async (HttpContext http, TranscriptService transcripts, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await transcripts.MineAsync(http.User.Actor(), AcademyPage.Language, ct)).ToResult(l, t => TypedResults.Ok(t)))
            .WithSummary("The signed-in learner's transcript: every enrolment (course, edition, status, grade, attendance, hours, credits, certificate), programmes completed, totals. 404 when the caller is no learner.")
            .Produces<TranscriptDto>().ProducesProblem(404);
        api.MapGet("/learners/{id:guid}/transcript", async (Guid id, HttpContext http, TranscriptService transcripts, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await transcripts.ForLearnerAsync(http.User.Actor(), id, AcademyPage.Language, ct)).ToResult(l, t => TypedResults.Ok(t)))
            .WithSummary("A learner's transcript: the learner, a manager of their institution (or country) and academy staff; 404 for anyone else.")
            .Produces<TranscriptDto>().ProducesProblem(404);
        return routes;
    }

    private static IResult Pdf(HttpContext http, Outcome<TranscriptDto> outcome, TranscriptPdf pdf)
    {
        if (!outcome.IsOk) return Results.NotFound();
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.File(pdf.Render(outcome.Value!, AcademyPage.Language), "application/pdf", $"transcript-{outcome.Value!.LearnerId:N}.pdf");
    }
}
