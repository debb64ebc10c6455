using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Hemisphere.Platform.Search;

/// <summary>One word of a text as the index sees it: its stem and where it stands in the original.</summary>
public readonly record struct AnalysedToken(string Term, int Start, int Length);

/// <summary>
/// Turns text into the terms both databases index: words are split on anything that is not a
/// letter or digit, lower-cased, stop words of the language dropped, stemmed with the language's
/// Snowball or light stemmer (Lucene.Net's), then stripped of accents. Folding after stemming is
/// what lets "policia" find "Policía" and "capacitacion" find "capacitaciones" — see
/// docs/decisions/0004-search-analysis.md. Documents and queries go through the same analysis,
/// so SQLite FTS5 and PostgreSQL full-text search match the same terms.
/// </summary>
public static class TextAnalysis
{
    /// <summary>The languages with a stemmer; any other language code is analysed without one.</summary>
    public static readonly IReadOnlyList<string> StemmedLanguages = ["en", "es", "pt", "fr"];

    /// <summary>The language code of texts whose language is not known (names, codes).</summary>
    public const string Neutral = "und";

    private static readonly Dictionary<string, HashSet<string>> StopWords = new(StringComparer.Ordinal)
    {
        ["en"] = Folded(EnglishAnalyzer.DefaultStopSet),
        ["es"] = Folded(SpanishAnalyzer.DefaultStopSet),
        ["pt"] = Folded(PortugueseAnalyzer.DefaultStopSet),
        ["fr"] = Folded(FrenchAnalyzer.DefaultStopSet, "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"),
    };

    [ThreadStatic] private static EnglishStemmer? _english;

    public static string NormaliseLanguage(string? language)
    {
        var code = (language ?? "").Trim().ToLowerInvariant();
        var dash = code.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0) code = code[..dash];
        return StemmedLanguages.Contains(code) ? code : Neutral;
    }

    /// <summary>The terms of <paramref name="text"/> in order, stop words left out.</summary>
    public static List<AnalysedToken> Analyse(string? text, string language)
    {
        var tokens = new List<AnalysedToken>();
        if (string.IsNullOrEmpty(text)) return tokens;
        var lang = NormaliseLanguage(language);
        StopWords.TryGetValue(lang, out var stops);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text, i)) { i++; continue; }
            var start = i;
            while (i < text.Length && IsWordChar(text, i)) i++;
            var term = Term(text.AsSpan(start, i - start), lang, stops);
            if (term is not null) tokens.Add(new AnalysedToken(term, start, i - start));
        }
        return tokens;
    }

    /// <summary>
    /// The language a text (of unknown language, e.g. a forum post) is most likely written in,
    /// by how many of its first words are stop words of each language; "und" when unclear.
    /// </summary>
    public static string GuessLanguage(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Neutral;
        var sample = text.Length > 3000 ? text[..3000] : text;
        var words = new List<string>();
        var i = 0;
        while (i < sample.Length && words.Count < 400)
        {
            if (!IsWordChar(sample, i)) { i++; continue; }
            var start = i;
            while (i < sample.Length && IsWordChar(sample, i)) i++;
            words.Add(TextFolding.Fold(sample[start..i]));
        }
        var scores = StopWords.ToDictionary(s => s.Key, s => words.Count(s.Value.Contains));
        var best = scores.OrderByDescending(s => s.Value).ToList();
        return best[0].Value >= 2 && best[0].Value > best[1].Value ? best[0].Key : Neutral;
    }

    /// <summary>The terms joined by spaces: what the database indexes.</summary>
    public static string Terms(string? text, string language, int maxTerms = 50_000)
    {
        var sb = new StringBuilder();
        var count = 0;
        foreach (var token in Analyse(text, language))
        {
            if (count++ == maxTerms) break;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(token.Term);
        }
        return sb.ToString();
    }

    private static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (char.IsLetterOrDigit(c)) return true;
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        // Combining accents belong to the word they sit on (text in decomposed form).
        return i > 0 && category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static string? Term(ReadOnlySpan<char> word, string lang, HashSet<string>? stops)
    {
        var lower = word.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
        var folded = TextFolding.Fold(lower);
        if (folded.Length == 0) return null;
        if (stops is not null && stops.Contains(folded)) return null;
        // Very long "words" are noise (hashes, base64) and would bloat the index.
        if (folded.Length > 60) return null;
        var stem = Stem(lower, lang);
        return TextFolding.Fold(stem);
    }

    private static string Stem(string word, string lang)
    {
        if (word.Length < 3 || word.Any(char.IsDigit)) return word;
        switch (lang)
        {
            case "en":
                var english = _english ??= new EnglishStemmer();
                english.SetCurrent(word);
                english.Stem();
                return english.Current;
            case "es":
                return Light(word, static (b, n) => new SpanishLightStemmer().Stem(b, n));
            case "pt":
                return Light(word, static (b, n) => new PortugueseLightStemmer().Stem(b, n));
            case "fr":
                return Light(word, static (b, n) => new FrenchLightStemmer().Stem(b, n));
            default:
                return word;
        }
    }

    private static string Light(string word, Func<char[], int, int> stem)
    {
        var buffer = word.ToCharArray();
        var length = stem(buffer, buffer.Length);
        return new string(buffer, 0, length);
    }

    private static HashSet<string> Folded(IEnumerable<string> words, params string[] more)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in words) set.Add(TextFolding.Fold(w));
        foreach (var w in more) set.Add(w);
        return set;
    }
}
