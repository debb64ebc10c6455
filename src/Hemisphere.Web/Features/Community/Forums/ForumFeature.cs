namespace Hemisphere.Features.Community.Forums;

public static class ForumFeature
{
    public static IServiceCollection AddForums(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ForumOptions>(config.GetSection("Forums"));
        services.AddScoped<ForumService>();
        return services;
    }

    public static IEndpointRouteBuilder MapForums(this IEndpointRouteBuilder routes)
    {
        routes.MapForumApi();
        return routes;
    }
}
