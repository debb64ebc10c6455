using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Hemisphere.Platform.Search;

/// <summary>
/// Snippets with the matched words in &lt;mark&gt;: the text is analysed as the index analysed
/// it, so "capacitación" is marked for the query "capacitaciones". The result is HTML-encoded
/// apart from the marks.
/// </summary>
public static partial class Highlighter
{
    private const int ScanLimit = 20_000;
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Snippet(string? text, string language, IReadOnlySet<string> terms, int maxChars = 240)
    {
        var plain = Collapse(text);
        if (plain.Length > ScanLimit) plain = plain[..ScanLimit];
        if (plain.Length == 0) return "";
        var tokens = TextAnalysis.Analyse(plain, language);
        var hits = tokens.Where(t => terms.Contains(t.Term)).ToList();
        if (hits.Count == 0) return Encode(Cut(plain, 0, maxChars));

        // The window that shows the most different matched words, starting a little before the first of them.
        var bestStart = 0;
        var bestScore = -1;
        foreach (var hit in hits)
        {
            var start = WordStartBefore(plain, Math.Max(0, hit.Start - 40));
            var score = hits.Where(h => h.Start >= start && h.Start + h.Length <= start + maxChars)
                .Select(h => h.Term).Distinct(StringComparer.Ordinal).Count();
            if (score > bestScore) { bestScore = score; bestStart = start; }
        }
        var end = Math.Min(plain.Length, bestStart + maxChars);
        if (end < plain.Length) end = WordEndBefore(plain, end, bestStart);

        var sb = new StringBuilder();
        if (bestStart > 0) sb.Append('…');
        var at = bestStart;
        foreach (var hit in hits.Where(h => h.Start >= bestStart && h.Start + h.Length <= end))
        {
            sb.Append(Encode(plain[at..hit.Start])).Append("<mark>").Append(Encode(plain.Substring(hit.Start, hit.Length))).Append("</mark>");
            at = hit.Start + hit.Length;
        }
        sb.Append(Encode(plain[at..end]));
        if (end < plain.Length) sb.Append('…');
        return sb.ToString();
    }

    /// <summary>The whole (short) text with matched words marked: for titles.</summary>
    public static string Mark(string? text, string language, IReadOnlySet<string> terms) =>
        Snippet(text, language, terms, Math.Max(1, Collapse(text).Length));

    private static string Cut(string text, int start, int maxChars)
    {
        if (text.Length - start <= maxChars) return text[start..];
        return text[start..WordEndBefore(text, start + maxChars, start)] + "…";
    }

    private static int WordStartBefore(string text, int index)
    {
        while (index > 0 && !char.IsWhiteSpace(text[index - 1])) index--;
        return index;
    }

    private static int WordEndBefore(string text, int index, int floor)
    {
        var i = index;
        while (i > floor && !char.IsWhiteSpace(text[i - 1])) i--;
        return i > floor ? i - 1 : index;
    }

    private static string Collapse(string? text) => string.IsNullOrEmpty(text) ? "" : Whitespace().Replace(text, " ").Trim();

    private static string Encode(string text) => Encoder.Encode(text);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
