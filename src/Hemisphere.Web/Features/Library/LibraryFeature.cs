using Hemisphere.Platform.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Library;

public static class LibraryFeature
{
    public static IServiceCollection AddLibrary(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<LibraryOptions>(config.GetSection("Library"));
        services.AddScoped<LibraryService>();
        services.AddScoped<ISearchSource, LibrarySearch>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Features/Library/Pages/ItemEdit", "library/new"));
        return services;
    }

    public static IEndpointRouteBuilder MapLibrary(this IEndpointRouteBuilder routes)
    {
        routes.MapLibraryApi();
        routes.MapLibraryFeeds();
        return routes;
    }
}
