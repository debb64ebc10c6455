using Hemisphere.Platform.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Directory;

public static class DirectoryFeature
{
    public static IServiceCollection AddDirectory(this IServiceCollection services)
    {
        services.AddScoped<DirectoryService>();
        services.AddScoped<ISearchSource, DirectorySearch>();
        services.AddSearchTracking<Institution>(DirectorySearch.Source, i => i.Id);
        services.AddSingleton<DirectoryCounts>();
        services.AddMemoryCache();
        services.Configure<RazorPagesOptions>(o =>
        {
            // The edit pages also create: same form, second route.
            o.Conventions.AddPageRoute("/Features/Directory/Pages/InstitutionEdit", "directory/institutions/new");
            o.Conventions.AddPageRoute("/Features/Directory/Pages/PersonEdit", "directory/people/new");
        });
        return services;
    }

    public static IEndpointRouteBuilder MapDirectory(this IEndpointRouteBuilder routes)
    {
        routes.MapDirectoryApi();
        return routes;
    }
}
