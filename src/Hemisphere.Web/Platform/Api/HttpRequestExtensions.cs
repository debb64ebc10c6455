namespace Hemisphere.Platform.Api;

public static class HttpRequestExtensions
{
    /// <summary>Requests answered in JSON with problem details rather than with pages (the LRS's /xapi/ among them: its clients are programs).</summary>
    public static bool IsApi(this HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/xapi", StringComparison.OrdinalIgnoreCase);
}
