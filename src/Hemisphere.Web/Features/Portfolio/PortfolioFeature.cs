using Hemisphere.Platform.Search;

namespace Hemisphere.Features.Portfolio;

public static class PortfolioFeature
{
    public static IServiceCollection AddPortfolio(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<PortfolioService>();
        services.AddScoped<ISearchSource, PortfolioSearch>();
        services.AddSearchTracking<Activity>(PortfolioSearch.Source, a => a.Id);
        services.Configure<IatiOptions>(config.GetSection("Portfolio:Iati"));
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
            o.Conventions.AddPageRoute("/Features/Portfolio/Pages/ActivityEdit", "portfolio/activities/new"));
        return services;
    }

    public static IEndpointRouteBuilder MapPortfolio(this IEndpointRouteBuilder routes)
    {
        routes.MapPortfolioApi();
        return routes;
    }
}
