using System.Text;
using System.Text.RegularExpressions;

namespace Hemisphere.Features.Portfolio.Import;

/// <summary>Small text helpers shared by the sheet parser.</summary>
internal static partial class TextTools
{
    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    /// <summary>Lower-case, accent-free copy, one character for one character, so indices stay aligned.</summary>
    public static string Fold(string s)
    {
        var chars = new char[s.Length];
        for (int i = 0; i < s.Length; i++)
        {
            chars[i] = FoldChar(s[i]);
        }
        return new string(chars);
    }

    private static char FoldChar(char c)
    {
        if (c < 128)
        {
            return char.ToLowerInvariant(c);
        }
        if (c is '’' or '‘' or '´' or '`')
        {
            return '\'';
        }
        if (c is '“' or '”')
        {
            return '"';
        }
        if (char.IsWhiteSpace(c))
        {
            return ' ';
        }
        string d = new string(c, 1).Normalize(NormalizationForm.FormD);
        return char.ToLowerInvariant(d[0]);
    }

    /// <summary>Runs of white space become one space; ends are trimmed.</summary>
    public static string Collapse(string s) => Whitespace().Replace(s, " ").Trim();

    [GeneratedRegex(@"\s+(?=[,.)\]])|(?<=[(\[])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SpaceInsidePunctuation();

    [GeneratedRegex(@"(?<=\p{L})- (?=\p{Ll})(?!(?:and|or|nor|to|y|o|u|e|ou|et)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex BrokenHyphen();

    /// <summary>
    /// Removes stray spaces of the extraction from a line of prose or a value: before a comma, a
    /// period or a closing bracket, after an opening bracket, and inside a hyphenated word ("on- site";
    /// "short- and long-term" keeps its space).
    /// </summary>
    public static string Tidy(string line) => BrokenHyphen().Replace(SpaceInsidePunctuation().Replace(line, ""), "-");

    /// <summary>
    /// Joins two wrapped lines of one paragraph: a word hyphenated at the end of a line
    /// ("needs-" + "assessment") is rejoined as "needs-assessment"; otherwise one space.
    /// </summary>
    public static string JoinLine(string left, string right)
    {
        if (left.Length == 0)
        {
            return right;
        }
        if (right.Length == 0)
        {
            return left;
        }
        if (left.Length >= 2 && left[^1] == '-' && char.IsLetter(left[^2]) && char.IsLower(right[0]))
        {
            return left + right;
        }
        return left + " " + right;
    }

    /// <summary>Whether a line ends a sentence (., !, ? or :, possibly followed by a closing quote or bracket).</summary>
    public static bool EndsSentence(string line)
    {
        string t = line.TrimEnd().TrimEnd('"', '”', '’', '\'', ')', ']');
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or ':';
    }

    /// <summary>Whether a line can open a sentence: a capital, a digit, an opening quote or bracket, a bullet.</summary>
    public static bool StartsSentence(string line) =>
        line.Length > 0 && (char.IsUpper(line[0]) || char.IsDigit(line[0]) || line[0] is '"' or '“' or '(' or '•' or '-' or '¿' or '¡');

    /// <summary>Distinct content words (folded, at least four letters, a plural "s" dropped) for comparing texts.</summary>
    public static HashSet<string> ContentWords(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Words().Matches(Fold(text)))
        {
            string w = m.Value;
            if (w.Length < 4 || StopWords.Contains(w))
            {
                continue;
            }
            words.Add(w.Length > 4 && w[^1] == 's' ? w[..^1] : w);
        }
        return words;
    }

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "that", "this", "with", "from", "their", "they", "them", "these", "those", "have", "been", "will", "which",
        "were", "into", "also", "such", "other", "among", "through", "well", "more", "than", "each", "order",
        "para", "como", "entre", "sobre", "desde", "esta", "este", "estos", "estas",
    };
}
