namespace Hemisphere.Platform.Search;

public static class SearchSetup
{
    public static IServiceCollection AddHemisphereSearch(this IServiceCollection services)
    {
        services.AddScoped<SearchIndex>();
        services.AddScoped<SearchService>();
        services.AddSingleton<SearchSyncInterceptor>();
        services.AddScoped<Outbox.IOutboxHandler, SearchRefreshHandler>();
        return services;
    }

    /// <summary>Changes to entities of this type refresh the documents of <paramref name="source"/> through the outbox.</summary>
    public static IServiceCollection AddSearchTracking<TEntity>(this IServiceCollection services, string source, Func<TEntity, Guid> idOf) =>
        services.AddSingleton(new SearchTracked(typeof(TEntity), source, e => idOf((TEntity)e)));
}
