namespace Hemisphere.Features.Portfolio.Import;

/// <summary>A country named in a text: its ISO 3166-1 alpha-2 code and where the name stands.</summary>
public readonly record struct CountryMention(string Code, int Index, int Length);

/// <summary>
/// The names under which programme sheets write the 35 states that have belonged to the OAS:
/// English and Spanish names and the usual variants ("the Dominican Republic", "St. Lucia",
/// "The Bahamas", "Belice"). Look-ups ignore case and accents.
/// </summary>
public static class CountryNames
{
    private static readonly (string Code, string[] Names)[] Table =
    [
        ("AG", ["Antigua and Barbuda", "Antigua & Barbuda", "Antigua y Barbuda"]),
        ("AR", ["Argentina", "Argentine Republic", "República Argentina"]),
        ("BS", ["The Bahamas", "Bahamas", "Commonwealth of The Bahamas", "Las Bahamas"]),
        ("BB", ["Barbados"]),
        ("BZ", ["Belize", "Belice"]),
        ("BO", ["Bolivia", "Plurinational State of Bolivia", "Estado Plurinacional de Bolivia"]),
        ("BR", ["Brazil", "Brasil", "Federative Republic of Brazil"]),
        ("CA", ["Canada", "Canadá"]),
        ("CL", ["Chile"]),
        ("CO", ["Colombia"]),
        ("CR", ["Costa Rica"]),
        ("CU", ["Cuba"]),
        ("DM", ["Dominica", "Commonwealth of Dominica"]),
        ("DO", ["Dominican Republic", "República Dominicana"]),
        ("EC", ["Ecuador"]),
        ("SV", ["El Salvador"]),
        ("GD", ["Grenada", "Granada"]),
        ("GT", ["Guatemala"]),
        ("GY", ["Guyana"]),
        ("HT", ["Haiti", "Haití"]),
        ("HN", ["Honduras"]),
        ("JM", ["Jamaica"]),
        ("MX", ["Mexico", "México", "Méjico", "United Mexican States", "Estados Unidos Mexicanos"]),
        ("NI", ["Nicaragua"]),
        ("PA", ["Panama", "Panamá"]),
        ("PY", ["Paraguay"]),
        ("PE", ["Peru", "Perú"]),
        ("KN", ["Saint Kitts and Nevis", "St. Kitts and Nevis", "St Kitts and Nevis", "Saint Kitts & Nevis", "St. Kitts & Nevis",
                "Saint Christopher and Nevis", "San Cristóbal y Nieves", "Saint Kitts y Nevis"]),
        ("LC", ["Saint Lucia", "St. Lucia", "St Lucia", "Santa Lucía"]),
        ("VC", ["Saint Vincent and the Grenadines", "St. Vincent and the Grenadines", "St Vincent and the Grenadines",
                "Saint Vincent & the Grenadines", "St. Vincent & the Grenadines", "San Vicente y las Granadinas"]),
        ("SR", ["Suriname", "Surinam"]),
        ("TT", ["Trinidad and Tobago", "Trinidad & Tobago", "Trinidad y Tobago"]),
        ("US", ["United States", "United States of America", "Estados Unidos", "Estados Unidos de América"]),
        ("UY", ["Uruguay"]),
        ("VE", ["Venezuela", "Bolivarian Republic of Venezuela", "República Bolivariana de Venezuela"]),
    ];

    /// <summary>Abbreviations, matched with their exact capitals ("US" must not match the word "us").</summary>
    private static readonly (string Code, string Abbreviation)[] Abbreviations =
    [
        ("US", "USA"), ("US", "U.S.A."), ("US", "U.S."), ("US", "EE.UU."), ("US", "EE. UU."),
    ];

    private static readonly (string Code, string Folded)[] Variants =
        [.. Table.SelectMany(e => e.Names.Select(n => (e.Code, TextTools.Fold(n)))).Distinct().OrderByDescending(v => v.Item2.Length)];

    private static readonly Dictionary<string, string> ByFoldedName =
        Variants.ToDictionary(v => v.Folded, v => v.Code, StringComparer.Ordinal);

    /// <summary>The 35 codes.</summary>
    public static IReadOnlyCollection<string> Codes => CodeSet;

    private static readonly HashSet<string> CodeSet = new(Table.Select(e => e.Code), StringComparer.Ordinal);

    /// <summary>Whether the text is one of the 35 codes (upper case).</summary>
    public static bool IsCode(string? code) => code is not null && CodeSet.Contains(code);

    /// <summary>The code of a whole name ("the Dominican Republic", "St. Lucia", "Belice"), or null.</summary>
    public static string? ToCode(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        string trimmed = name.Trim().TrimEnd('.', ',', ';', ':');
        foreach (var (code, abbreviation) in Abbreviations)
        {
            if (string.Equals(name.Trim(), abbreviation, StringComparison.Ordinal) || string.Equals(trimmed, abbreviation.TrimEnd('.'), StringComparison.Ordinal))
            {
                return code;
            }
        }
        string folded = TextTools.Collapse(TextTools.Fold(trimmed));
        if (ByFoldedName.TryGetValue(folded, out string? found))
        {
            return found;
        }
        if (folded.StartsWith("the ", StringComparison.Ordinal) && ByFoldedName.TryGetValue(folded[4..], out found))
        {
            return found;
        }
        return null;
    }

    /// <summary>Every country name in a text, longest names first where they overlap ("Dominican Republic", not "Dominica").</summary>
    public static IReadOnlyList<CountryMention> FindIn(string text)
    {
        string folded = TextTools.Fold(text);
        var taken = new bool[text.Length];
        var found = new List<CountryMention>();
        foreach (var (code, name) in Variants)
        {
            AddMatches(folded, name, code, taken, found);
        }
        foreach (var (code, abbreviation) in Abbreviations)
        {
            AddMatches(text, abbreviation, code, taken, found);
        }
        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }

    private static void AddMatches(string haystack, string needle, string code, bool[] taken, List<CountryMention> found)
    {
        for (int at = haystack.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            int end = at + needle.Length;
            bool boundaryBefore = at == 0 || !char.IsLetterOrDigit(haystack[at - 1]);
            bool boundaryAfter = end == haystack.Length || !char.IsLetterOrDigit(haystack[end]) || !char.IsLetterOrDigit(needle[^1]);
            if (!boundaryBefore || !boundaryAfter || taken.AsSpan(at, needle.Length).Contains(true))
            {
                continue;
            }
            taken.AsSpan(at, needle.Length).Fill(true);
            found.Add(new CountryMention(code, at, needle.Length));
        }
    }
}
