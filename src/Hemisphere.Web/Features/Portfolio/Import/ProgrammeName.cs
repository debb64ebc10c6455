using System.Text.RegularExpressions;

namespace Hemisphere.Features.Portfolio.Import;

/// <summary>Finds a programme's proper name in a paragraph (see <see cref="ActivityProse.Programme"/>).</summary>
internal static partial class ProgrammeName
{
    [GeneratedRegex(@"\b(?:Program(?:me)?(?![\p{L}´’'])|Programa(?![\p{L}´’']))", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    private static readonly HashSet<string> Connectors = new(["and", "of", "for", "the", "on", "in", "de", "del", "la", "las", "los", "y", "en", "para", "&"], StringComparer.Ordinal);

    /// <summary>Capitalised words that open a sentence or a phrase and are not part of a name.</summary>
    private static readonly HashSet<string> Openers = new(
        ["The", "This", "That", "These", "Those", "Its", "Their", "Our", "A", "An", "Through", "In", "With", "Under", "Within", "By", "For",
         "From", "During", "Since", "As", "Of", "Each", "Every", "Both", "Also", "El", "La", "Este", "Esta", "Su", "Un", "Una", "En", "Con", "Por", "Para", "Del"],
        StringComparer.Ordinal);

    public static string? Find(string text)
    {
        foreach (Match m in Word().Matches(text))
        {
            bool spanish = m.Value == "Programa";
            List<string> before = spanish ? [] : Before(text[..m.Index]);
            List<string> after = After(text[(m.Index + m.Length)..], spanish);
            if (before.Count > 0 || (after.Count > 0 && (spanish || after[0] == "for")))
            {
                return string.Join(' ', [.. before, m.Value, .. after]);
            }
        }
        return null;
    }

    private static List<string> Before(string text)
    {
        string[] words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var taken = new List<string>();
        for (int i = words.Length - 1; i >= 0; i--)
        {
            string w = words[i];
            if (w[^1] is ',' or ';' or ':' or '.' || w.Contains("’s", StringComparison.Ordinal) || w.Contains("'s", StringComparison.Ordinal)
                || w.Contains("´s", StringComparison.Ordinal) || Openers.Contains(w))
            {
                break;
            }
            bool nameWord = char.IsUpper(w[0]) || char.IsDigit(w[0]) || (w[0] == '(' && w.Length > 1 && char.IsLetterOrDigit(w[1]));
            if (!nameWord && !Connectors.Contains(w))
            {
                break;
            }
            taken.Insert(0, w);
        }
        while (taken.Count > 0 && Connectors.Contains(taken[0]))
        {
            taken.RemoveAt(0);
        }
        return taken;
    }

    private static List<string> After(string text, bool spanish)
    {
        string[] words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var taken = new List<string>();
        foreach (string raw in words)
        {
            string w = raw.TrimEnd(',', ';', ':', '.', ')');
            bool stop = w.Length != raw.Length;
            if (w.Length == 0 || !(char.IsUpper(w[0]) || Connectors.Contains(w)) || (taken.Count == 0 && !spanish && w != "for"))
            {
                break;
            }
            taken.Add(w);
            if (stop)
            {
                break;
            }
        }
        while (taken.Count > 0 && Connectors.Contains(taken[^1]))
        {
            taken.RemoveAt(taken.Count - 1);
        }
        return taken.Any(w => char.IsUpper(w[0])) ? taken : [];
    }
}
