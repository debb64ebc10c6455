namespace Hemisphere.Features.Directory;

public static class DirectoryFeature
{
    public static IServiceCollection AddDirectory(this IServiceCollection services)
    {
        services.AddScoped<DirectoryService>();
        return services;
    }

    public static IEndpointRouteBuilder MapDirectory(this IEndpointRouteBuilder routes)
    {
        routes.MapDirectoryApi();
        return routes;
    }
}
