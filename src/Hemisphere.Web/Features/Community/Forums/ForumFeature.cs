using Hemisphere.Platform.Search;

namespace Hemisphere.Features.Community.Forums;

public static class ForumFeature
{
    public static IServiceCollection AddForums(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ForumOptions>(config.GetSection("Forums"));
        services.AddScoped<ForumService>();
        services.AddScoped<ISearchSource, ForumSearch>();
        // A topic's document changes with the topic and with any of its posts.
        services.AddSearchTracking<ForumTopic>(ForumSearch.Source, t => t.Id);
        services.AddSearchTracking<ForumPost>(ForumSearch.Source, p => p.TopicId);
        return services;
    }

    public static IEndpointRouteBuilder MapForums(this IEndpointRouteBuilder routes)
    {
        routes.MapForumApi();
        return routes;
    }
}
