using Hemisphere.Features.Academy.Accreditation;
using Hemisphere.Features.Academy.Curriculum;
using Hemisphere.Features.Academy.Editions;
using Hemisphere.Features.Academy.Enrolments;
using Hemisphere.Features.Academy.Transcripts;
using Hemisphere.Platform.Outbox;

namespace Hemisphere.Features.Academy;

public static class AcademyFeature
{
    public static IServiceCollection AddAcademy(this IServiceCollection services)
    {
        services.AddScoped<CurriculumService>();
        services.AddScoped<LearningService>();
        services.AddScoped<EditionService>();
        services.AddScoped<EnrolmentService>();
        services.AddScoped<ProgressService>();
        services.AddScoped<IOutboxHandler, CompletionHandler>();
        services.AddAcademyAccreditation();
        services.AddAcademyTranscripts();
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
            o.Conventions.AddPageRoute("/Features/Academy/Pages/CourseEdit", "academy/courses/{slug}/edit"));
        return services;
    }

    public static IEndpointRouteBuilder MapAcademy(this IEndpointRouteBuilder routes)
    {
        routes.MapAcademyApi();
        routes.MapAcademyAccreditation();
        routes.MapAcademyTranscripts();
        routes.MapGet("/academy/lessons/{id:guid}/file", async (Guid id, HttpContext http, LearningService learning, Platform.Files.FileStore files, CancellationToken ct) =>
            await learning.FileAsync(Platform.Identity.ClaimsPrincipalExtensions.Actor(http.User), id, ct) is { } file ? files.Serve(file, inline: true) : Results.NotFound())
            .RequireAuthorization().ExcludeFromDescription();
        return routes;
    }
}
