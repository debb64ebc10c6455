namespace Hemisphere.Features.Academy.Dashboards;

/// <summary>The academy's dashboards: the service, its API (JSON and CSV) and the page /academy/dashboard.</summary>
public static class AcademyDashboardFeature
{
    public static IServiceCollection AddAcademyDashboards(this IServiceCollection services)
    {
        services.AddSingleton<DashboardSnapshots>();
        services.AddHostedService<DashboardWarmUp>();
        services.AddScoped<AcademyDashboardService>();
        return services;
    }

    public static IEndpointRouteBuilder MapAcademyDashboards(this IEndpointRouteBuilder routes)
    {
        routes.MapAcademyDashboardApi();
        return routes;
    }
}
