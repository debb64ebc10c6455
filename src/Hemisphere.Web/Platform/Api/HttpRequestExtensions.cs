namespace Hemisphere.Platform.Api;

public static class HttpRequestExtensions
{
    /// <summary>Requests answered in JSON with problem details rather than with pages.</summary>
    public static bool IsApi(this HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase);
}
