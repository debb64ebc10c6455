using Hemisphere.Platform.Search;

namespace Hemisphere.Bench.Generate;

/// <summary>Acronyms ("Policía Nacional de Colombia" → PNC) and web domains made from names.</summary>
public static class Acronyms
{
    private static readonly HashSet<string> Small = new(StringComparer.Ordinal)
    {
        "de", "del", "la", "las", "los", "el", "y", "e", "en", "of", "the", "and", "for", "on", "against", "da", "do", "das",
        "dos", "d", "l", "des", "du", "et", "le", "les", "a", "à", "em", "no", "na", "para", "pela", "pelo", "contra",
    };

    private static IEnumerable<string> Words(string name) =>
        name.Split([' ', '-', '\'', ',', '(', ')', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Small.Contains(w.ToLowerInvariant()) && char.IsLetter(w[0]));

    /// <summary>Initials of the significant words, when there are two to eight of them.</summary>
    public static string? Of(string name)
    {
        var initials = string.Concat(Words(name).Select(w => TextFolding.Fold(w[..1]).ToUpperInvariant()));
        return initials.Length is >= 2 and <= 8 ? initials : null;
    }

    public static string Domain(string name, string? acronym, string kind, string? countryCode, string language)
    {
        var slug = new string(TextFolding.Fold(acronym ?? Of(name) ?? Words(name).FirstOrDefault() ?? "institution").Where(char.IsAsciiLetterOrDigit).ToArray());
        if (slug.Length < 3) slug += new string(TextFolding.Fold(Words(name).LastOrDefault() ?? "org").Where(char.IsAsciiLetterOrDigit).ToArray());
        var cc = countryCode?.ToLowerInvariant();
        var suffix = (kind, language, cc) switch
        {
            (_, _, null) => kind == Kinds.InternationalOrganisation ? "int" : "org",
            (Kinds.University, _, "us") => "edu",
            (Kinds.University, _, "br") => "br",
            (Kinds.University, _, _) => "edu." + cc,
            (Kinds.Ngo, _, _) => "org." + cc,
            (_, "es", _) => "gob." + cc,
            (_, "fr", _) => "gouv." + cc,
            (_, _, "us") => "gov",
            _ => "gov." + cc,
        };
        return slug + "." + suffix;
    }
}
