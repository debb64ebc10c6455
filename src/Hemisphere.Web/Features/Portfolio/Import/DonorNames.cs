using System.Text.RegularExpressions;

namespace Hemisphere.Features.Portfolio.Import;

/// <summary>
/// How a donor cell reads: a list of countries and funders ("Banco de Desarrollo de América Latina
/// (CAF); Italy; Honduras", "Government of Canada, Government of the United States", "Spain (AECID)").
/// Used to split the cell and to tell it from a beneficiary cell when the extraction moved it.
/// </summary>
internal static partial class DonorNames
{
    /// <summary>Countries outside the OAS that fund DPS work (observers and the usual donors).</summary>
    private static readonly HashSet<string> OtherCountries = new(
        [
            "spain", "espana", "italy", "italia", "france", "francia", "germany", "alemania", "united kingdom", "reino unido",
            "netherlands", "the netherlands", "paises bajos", "sweden", "suecia", "norway", "noruega", "denmark", "dinamarca",
            "finland", "finlandia", "switzerland", "suiza", "belgium", "belgica", "austria", "ireland", "irlanda", "portugal",
            "luxembourg", "luxemburgo", "greece", "grecia", "japan", "japon", "korea", "republic of korea", "corea", "china",
            "turkey", "turquia", "israel", "australia", "qatar", "saudi arabia", "arabia saudita", "india", "russia", "rusia",
            "holy see", "santa sede", "european union", "union europea", "eu", "ue",
        ], StringComparer.Ordinal);

    [GeneratedRegex(@"^(?:the\s+)?(?:government|gobierno)\s+(?:of|de|del)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Government();

    [GeneratedRegex(@"\(\s*[A-Z][A-Za-z0-9\-]{1,11}\s*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex AcronymAtEnd();

    [GeneratedRegex(@"\s*\([^)]*\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ParentheticalAtEnd();

    [GeneratedRegex(@"\b(?:Bank|Banco|Fund|Fondo|Foundation|Fundaci[oó]n)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FunderWord();

    /// <summary>Splits a donor cell into donors: on semicolons if there are any, else on commas; "A and B" when both are funders.</summary>
    public static List<string> Split(string cell)
    {
        char separator = cell.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var donors = new List<string>();
        foreach (string part in cell.Split(separator))
        {
            string p = part.Trim().TrimEnd('.', ',', ';').Trim();
            if (p.Length == 0)
            {
                continue;
            }
            string[] pieces = p.Split([" and ", " y ", " & "], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (pieces.Length > 1 && CountryNames.ToCode(p) is null && pieces.All(IsFunder))
            {
                donors.AddRange(pieces);
            }
            else
            {
                donors.Add(p);
            }
        }
        return donors;
    }

    /// <summary>The share of a cell's entries that read as funders (0 to 1).</summary>
    public static double Likeness(string cell)
    {
        List<string> entries = [.. Split(cell).SelectMany(d => d.Split([" and ", " y "], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];
        return entries.Count == 0 ? 0 : entries.Count(IsFunder) / (double)entries.Count;
    }

    /// <summary>A country, a government, the EU, or a named funder with its acronym ("… (CAF)", "Spain (AECID)").</summary>
    public static bool IsFunder(string entry)
    {
        string e = entry.Trim().TrimEnd('.');
        if (e.Length == 0)
        {
            return false;
        }
        string bare = ParentheticalAtEnd().Replace(e, "");
        string folded = TextTools.Collapse(TextTools.Fold(bare));
        return CountryNames.ToCode(bare) is not null
            || OtherCountries.Contains(folded)
            || Government().IsMatch(e)
            || (AcronymAtEnd().IsMatch(e) && bare.Length > 0 && char.IsUpper(bare[0]))
            || FunderWord().IsMatch(e);
    }
}
