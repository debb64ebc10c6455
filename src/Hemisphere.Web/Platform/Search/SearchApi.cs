using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;

namespace Hemisphere.Platform.Search;

public sealed record SearchApiQuery(string? Q, string? Lang, string? Kind, string? Country, string? Theme, int? Year, string? Source, int? Page, int? PageSize)
{
    public SearchRequest Request => new(Q, Lang, Kind, Country, Theme, Year, Source);
}

public static class SearchApi
{
    public static void MapSearchApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/search", async ([AsParameters] SearchApiQuery query, HttpContext http, SearchService search, CancellationToken ct) =>
            TypedResults.Ok(await search.SearchAsync(query.Request, PageRequest.From(query.Page, query.PageSize, 20), http.User.Identity?.IsAuthenticated == true, ct)))
            .WithTags("Search").RequireRateLimiting(ApiSetup.ApiPolicy)
            .WithSummary("Searches everything public: library items, interventions, institutions and activities, in every language. " +
                "Words must all appear; \"quoted words\" together; OR between alternatives; -word excludes. " +
                "Filters: lang (language of the result), kind, country, theme, year, source. Facets count the whole result.");
    }
}
