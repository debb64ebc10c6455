namespace Hemisphere.Features.Portfolio;

public static class PortfolioFeature
{
    public static IServiceCollection AddPortfolio(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<PortfolioService>();
        services.Configure<IatiOptions>(config.GetSection("Portfolio:Iati"));
        return services;
    }

    public static IEndpointRouteBuilder MapPortfolio(this IEndpointRouteBuilder routes)
    {
        routes.MapPortfolioApi();
        return routes;
    }
}
