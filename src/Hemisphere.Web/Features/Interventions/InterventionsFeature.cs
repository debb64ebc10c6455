using Hemisphere.Platform.Search;

namespace Hemisphere.Features.Interventions;

public static class InterventionsFeature
{
    public static IServiceCollection AddInterventions(this IServiceCollection services)
    {
        services.AddScoped<InterventionsService>();
        services.AddScoped<ISearchSource, InterventionsSearch>();
        services.AddSearchTracking<Intervention>(InterventionsSearch.Source, i => i.Id);
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
            o.Conventions.AddPageRoute("/Features/Interventions/Pages/InterventionEdit", "interventions/new"));
        return services;
    }

    public static IEndpointRouteBuilder MapInterventions(this IEndpointRouteBuilder routes)
    {
        routes.MapInterventionsApi();
        return routes;
    }
}
