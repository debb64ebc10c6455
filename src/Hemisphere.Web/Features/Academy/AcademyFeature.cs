using Hemisphere.Features.Academy.Curriculum;
using Hemisphere.Features.Academy.Editions;
using Hemisphere.Features.Academy.Enrolments;
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
        return services;
    }

    public static IEndpointRouteBuilder MapAcademy(this IEndpointRouteBuilder routes)
    {
        routes.MapAcademyApi();
        return routes;
    }
}
