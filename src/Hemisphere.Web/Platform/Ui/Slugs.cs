using System.Text;
using Hemisphere.Platform.Search;

namespace Hemisphere.Platform.Ui;

/// <summary>Stable addresses made of lower-case ASCII letters and digits in words joined by single hyphens.</summary>
public static class Slugs
{
    /// <summary>The slug of a title: accents folded, anything else a hyphen, at most <paramref name="max"/> characters; "" when nothing is left.</summary>
    public static string From(string? text, int max = 80)
    {
        var sb = new StringBuilder();
        foreach (var c in TextFolding.Fold(text))
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            if (sb.Length >= max) break;
        }
        return sb.ToString().Trim('-');
    }

    public static bool IsValid(string slug) =>
        slug.Length > 0 && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && slug[0] != '-' && slug[^1] != '-' && !slug.Contains("--", StringComparison.Ordinal);

    /// <summary>The stem, or the stem with -2, -3… when it is taken.</summary>
    public static async Task<string> UniqueAsync(string stem, Func<string, Task<bool>> taken)
    {
        var slug = stem;
        for (var n = 2; await taken(slug); n++) slug = $"{stem}-{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return slug;
    }
}
