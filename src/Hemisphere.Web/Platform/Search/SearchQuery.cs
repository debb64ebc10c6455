using System.Text;

namespace Hemisphere.Platform.Search;

/// <summary>
/// What a reader typed in the search box, read the way web search engines read it: words must all
/// appear, "quoted words" must appear together in that order, OR between two parts accepts either,
/// and a leading minus excludes. Nothing else is syntax: quotes left open, stars, colons,
/// apostrophes, NEAR and the like are plain separators, so no input can make the query fail.
/// </summary>
public sealed class SearchQuery
{
    /// <summary>A word or a quoted phrase as typed.</summary>
    public sealed record Part(string Text, bool Phrase, bool Excluded);

    /// <summary>Parts that all must match; each group is a set of alternatives joined by OR.</summary>
    public IReadOnlyList<IReadOnlyList<Part>> Groups { get; }

    public string Text { get; }

    private SearchQuery(string text, List<IReadOnlyList<Part>> groups)
    {
        Text = text;
        Groups = groups;
    }

    public bool IsEmpty => Groups.Count == 0;

    public static SearchQuery Parse(string? text, int maxLength = 500)
    {
        text = (text ?? "").Trim();
        if (text.Length > maxLength) text = text[..maxLength];
        var groups = new List<IReadOnlyList<Part>>();
        List<Part>? current = null;
        var orPending = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var excluded = false;
            if (c == '-' && i + 1 < text.Length && (text[i + 1] == '"' || char.IsLetterOrDigit(text[i + 1])))
            {
                excluded = true;
                i++;
                c = text[i];
            }
            string word;
            var phrase = false;
            if (c == '"')
            {
                var end = text.IndexOf('"', i + 1);
                if (end < 0) end = text.Length;
                word = text[(i + 1)..end];
                phrase = true;
                i = Math.Min(text.Length, end + 1);
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"') i++;
                word = text[start..i];
                if (!excluded && word == "OR" && current is not null)
                {
                    orPending = true;
                    continue;
                }
            }
            if (!word.Any(char.IsLetterOrDigit)) continue;
            var part = new Part(word, phrase, excluded);
            if (orPending && current is not null && !excluded && !current[0].Excluded)
            {
                current.Add(part);
            }
            else
            {
                current = [part];
                groups.Add(current);
            }
            orPending = false;
        }
        return new SearchQuery(text, groups);
    }

    /// <summary>The query in terms of one language: each part analysed, parts that are only stop words dropped.</summary>
    public LanguageQuery For(string language)
    {
        var required = new List<List<string[]>>();
        var excluded = new List<string[]>();
        foreach (var group in Groups)
        {
            var alternatives = new List<string[]>();
            foreach (var part in group)
            {
                var terms = TextAnalysis.Analyse(part.Text, language).Select(t => t.Term).ToArray();
                if (terms.Length == 0) continue;
                if (part.Excluded) excluded.Add(terms);
                else alternatives.Add(terms);
            }
            // A group where one alternative is only stop words matches everything: drop it.
            if (alternatives.Count == 0 || alternatives.Count != group.Count(p => !p.Excluded)) continue;
            // An unquoted word that analyses into several terms ("cooperation:police") asks for each of them, in any order.
            if (group.Count == 1 && !group[0].Phrase) required.AddRange(alternatives[0].Select(t => new List<string[]> { new[] { t } }));
            else required.Add(alternatives);
        }
        return new LanguageQuery(TextAnalysis.NormaliseLanguage(language), required, excluded);
    }
}

/// <summary>
/// A query analysed for one language: groups of alternatives that all must match, each
/// alternative a sequence of terms (one term, or the terms of a phrase), and excluded sequences.
/// </summary>
public sealed record LanguageQuery(string Language, IReadOnlyList<List<string[]>> Required, IReadOnlyList<string[]> Excluded)
{
    public bool IsEmpty => Required.Count == 0;

    public IEnumerable<string> Terms => Required.SelectMany(g => g).SelectMany(a => a).Distinct(StringComparer.Ordinal);

    /// <summary>PostgreSQL tsquery text: lexemes quoted, phrases joined with &lt;-&gt;.</summary>
    public string ToTsQuery()
    {
        var sb = new StringBuilder();
        foreach (var group in Required)
        {
            if (sb.Length > 0) sb.Append(" & ");
            sb.Append('(').AppendJoin(" | ", group.Select(TsSequence)).Append(')');
        }
        foreach (var terms in Excluded) sb.Append(" & !(").Append(TsSequence(terms)).Append(')');
        return sb.ToString();
    }

    /// <summary>SQLite FTS5 MATCH text: every term a quoted string, phrases as one string.</summary>
    public string ToFts5()
    {
        var sb = new StringBuilder();
        foreach (var group in Required)
        {
            if (sb.Length > 0) sb.Append(" AND ");
            sb.Append('(').AppendJoin(" OR ", group.Select(FtsSequence)).Append(')');
        }
        foreach (var terms in Excluded) sb.Append(" NOT ").Append(FtsSequence(terms));
        return sb.ToString();
    }

    private static string TsSequence(string[] terms) =>
        string.Join(" <-> ", terms.Select(t => "'" + t.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'"));

    private static string FtsSequence(string[] terms) =>
        "\"" + string.Join(' ', terms).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
