namespace Hemisphere.Features.Academy.Bulk;

/// <summary>Bulk enrolment by CSV: the service, its API, its page and the import-enrolments verb.</summary>
public static class AcademyBulkFeature
{
    public static IServiceCollection AddAcademyBulk(this IServiceCollection services)
    {
        services.AddScoped<EnrolmentImportService>();
        return services;
    }

    public static IEndpointRouteBuilder MapAcademyBulk(this IEndpointRouteBuilder routes)
    {
        routes.MapEnrolmentImportApi();
        return routes;
    }
}
