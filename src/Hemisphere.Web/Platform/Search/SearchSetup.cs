namespace Hemisphere.Platform.Search;

public static class SearchSetup
{
    public static IServiceCollection AddHemisphereSearch(this IServiceCollection services)
    {
        services.AddScoped<SearchIndex>();
        services.AddScoped<SearchService>();
        return services;
    }
}
