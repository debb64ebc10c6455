namespace Hemisphere.Features.Library;

/// <summary>
/// The embeddable player address of a video page on a host the site's content security policy
/// allows in frames (YouTube through its no-cookie domain, Vimeo); null for any other address.
/// </summary>
public static class VideoEmbed
{
    public static readonly string[] FrameSources = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"];

    public static string? For(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) return null;
        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        string? id = null;
        switch (host)
        {
            case "youtube.com" or "m.youtube.com":
                id = uri.AbsolutePath == "/watch" ? Query(uri, "v")
                    : uri.AbsolutePath.StartsWith("/embed/", StringComparison.Ordinal) ? uri.AbsolutePath[7..]
                    : null;
                return Safe(id) ? $"https://www.youtube-nocookie.com/embed/{id}" : null;
            case "youtu.be":
                id = uri.AbsolutePath.TrimStart('/');
                return Safe(id) ? $"https://www.youtube-nocookie.com/embed/{id}" : null;
            case "vimeo.com":
                id = uri.AbsolutePath.Trim('/');
                return id.Length > 0 && id.All(char.IsAsciiDigit) ? $"https://player.vimeo.com/video/{id}" : null;
            default:
                return null;
        }
    }

    private static bool Safe(string? id) => !string.IsNullOrEmpty(id) && id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string? Query(Uri uri, string name)
    {
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && pair[..eq] == name) return Uri.UnescapeDataString(pair[(eq + 1)..]);
        }
        return null;
    }
}
