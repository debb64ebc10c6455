using System.Text;

namespace Hemisphere.Platform.Api;

/// <summary>
/// GET /bench/ceiling?bytes=N: N bytes of text/html from memory, with no database work, through the
/// same framework and middleware as every other page. The benchmark harness (bench/) uses it as the
/// ceiling the real endpoints are compared with. POST /bench/ceiling?bytes=N reads the request's body to its end,
/// drops it and answers the same: the ceiling of endpoints that receive bodies (the LRS's statements).
/// Mapped only when configuration Bench:Ceiling is true.
/// </summary>
public static class BenchCeiling
{
    public const string Path = "/bench/ceiling";
    public const int MaxBytes = 1024 * 1024;
    private const int DefaultBytes = 1024;

    private static readonly byte[] Payload = BuildPayload();

    public static WebApplication MapBenchCeiling(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Bench:Ceiling")) return app;
        app.MapGet(Path, (int? bytes) =>
                TypedResults.Bytes(Payload.AsMemory(0, Math.Clamp(bytes ?? DefaultBytes, 0, MaxBytes)), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        app.MapPost(Path, async (HttpRequest request, int? bytes, CancellationToken ct) =>
            {
                await request.Body.CopyToAsync(Stream.Null, ct);
                return TypedResults.Bytes(Payload.AsMemory(0, Math.Clamp(bytes ?? DefaultBytes, 0, MaxBytes)), "text/html; charset=utf-8");
            })
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Plain ASCII HTML, so any prefix of it is N bytes and N characters.</summary>
    private static byte[] BuildPayload()
    {
        var text = new StringBuilder(MaxBytes + 64);
        text.Append("<!DOCTYPE html><html lang=\"en\"><head><title>Ceiling</title></head><body>\n");
        for (var line = 0; text.Length < MaxBytes; line++)
            text.Append("<p>Hemisphere benchmark ceiling, line ").Append(line.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(".</p>\n");
        return Encoding.ASCII.GetBytes(text.ToString(0, MaxBytes));
    }
}
