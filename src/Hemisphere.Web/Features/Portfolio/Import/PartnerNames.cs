using System.Text.RegularExpressions;

namespace Hemisphere.Features.Portfolio.Import;

/// <summary>A partner named in a text, as it should be shown, and where it stands.</summary>
internal readonly record struct PartnerMention(string Name, int Index, int Length);

/// <summary>
/// Organisations the DPS works with, as the sheets name them, and the patterns under which others
/// appear: universities ("University of São Paulo"), and organisations given with their acronym
/// ("Royal Canadian Mounted Police (RCMP)", "the NGO Fundación … (FARECOH)"). Shown by acronym
/// when one is known. OAS bodies themselves (OAS, DPS, CICTE…) are not partners.
/// </summary>
internal static partial class PartnerNames
{
    /// <summary>Known partners: the name shown first, then the other ways of writing it.</summary>
    private static readonly string[][] Known =
    [
        ["UNICRI", "United Nations Interregional Crime and Justice Research Institute"],
        ["IOM", "International Organization for Migration", "OIM", "Organización Internacional para las Migraciones"],
        ["UNHCR", "Office of the United Nations High Commissioner for Refugees", "UN Refugee Agency", "ACNUR"],
        ["AMERIPOL", "Police Community of the Americas", "Comunidad de Policías de América"],
        ["INTERPOL", "International Criminal Police Organization"],
        ["EUROPOL"],
        ["UNODC", "United Nations Office on Drugs and Crime", "UN Office on Drugs and Crime"],
        ["UNDP", "United Nations Development Programme", "PNUD"],
        ["UNICEF"],
        ["UN Women", "ONU Mujeres"],
        ["UN Office for Disarmament Affairs", "United Nations Office for Disarmament Affairs", "UNODA"],
        ["UN 1540 Committee", "United Nations 1540 Committee", "1540 Committee"],
        ["CARICOM IMPACS", "IMPACS"],
        ["CARICOM", "Caribbean Community"],
        ["SICA", "Central American Integration System", "Sistema de la Integración Centroamericana"],
        ["IDB", "Inter-American Development Bank", "BID"],
        ["World Bank", "Banco Mundial"],
        ["IMO", "International Maritime Organization"],
        ["ICAO", "International Civil Aviation Organization"],
        ["PAHO", "Pan American Health Organization", "OPS"],
        ["RCMP", "Royal Canadian Mounted Police"],
        ["CBSA", "Canada Border Services Agency"],
        ["CBP", "U.S. Customs and Border Protection", "United States Customs and Border Protection", "Customs and Border Protection"],
    ];

    /// <summary>The OAS and its own bodies: the sheets' authors, not partners.</summary>
    private static readonly HashSet<string> Self = new(
        ["OAS", "OEA", "DPS", "DSP", "CICTE", "CICAD", "SMS", "SSM", "Organization of American States", "Department of Public Security", "General Secretariat"],
        StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"\b(?:University\s+of\s+(?:the\s+)?[A-Z][\p{L}'’\-]*(?:\s+(?:[A-Z][\p{L}'’\-]*|of|the))*|(?:[A-Z][\p{L}\-]+\s+)+University|Universidad(?:e)?\s+(?:[A-Z][\p{L}\-]*|de|del|la|las|los|y|do|da|e)(?:\s+(?:[A-Z][\p{L}\-]*|de|del|la|las|los|y|do|da|e))*)", RegexOptions.CultureInvariant)]
    private static partial Regex University();

    [GeneratedRegex(@"(?<name>(?:[A-Z][\p{L}\.\-]*|de|del|la|las|los|y|and|of|the|for|e|do|da)(?:\s+(?:[A-Z][\p{L}\.\-]*|de|del|la|las|los|y|and|of|the|for|e|do|da))*)\s+\((?<acronym>[A-Z][A-Z0-9\-]{1,11})\)", RegexOptions.CultureInvariant)]
    private static partial Regex NameWithAcronym();

    [GeneratedRegex(@"\b(?:Agency|Agencia|Police|Polic[ií]a|Foundation|Fundaci[oó]n|Association|Asociaci[oó]n|Institute|Instituto|Organi[sz]ation|Organizaci[oó]n|Office|Oficina|Committee|Comit[eé]|Council|Consejo|Service|Services|Servicio|Corporation|Center|Centre|Centro|Customs|Aduanas?|University|Universidad|Commission|Comisi[oó]n|NGO|ONG|Academy|Academia)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OrganisationWord();

    private static readonly string[] ConnectorWords = ["de", "del", "la", "las", "los", "y", "and", "of", "the", "for", "e", "do", "da"];

    /// <summary>Every partner named in a text.</summary>
    public static List<PartnerMention> FindIn(string text)
    {
        var found = new List<PartnerMention>();
        var taken = new bool[text.Length];
        foreach (string[] entry in Known)
        {
            foreach (string alias in entry.OrderByDescending(a => a.Length))
            {
                bool exactCase = alias.All(c => !char.IsLetter(c) || char.IsUpper(c));
                StringComparison comparison = exactCase ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
                for (int at = text.IndexOf(alias, comparison); at >= 0; at = text.IndexOf(alias, at + 1, comparison))
                {
                    Take(text, at, alias.Length, entry[0], taken, found);
                }
            }
        }
        foreach (Match m in University().Matches(text))
        {
            string name = TrimConnectors(m.Value);
            Take(text, m.Index, name.Length, name, taken, found);
        }
        foreach (Match m in NameWithAcronym().Matches(text))
        {
            string acronym = m.Groups["acronym"].Value;
            if (OrganisationWord().IsMatch(m.Groups["name"].Value) && !Self.Contains(acronym))
            {
                Take(text, m.Index, m.Length, acronym, taken, found);
            }
        }
        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }

    /// <summary>How a partner named in a list ("…, Hudson Trident, among others") should be shown.</summary>
    public static string? Canonical(string item)
    {
        string t = item.Trim().TrimEnd('.', ',', ';');
        if (t.Length == 0 || Self.Contains(t) || !char.IsUpper(t[0]) || t.Split(' ').Length > 8)
        {
            return null;
        }
        List<string> inside = [.. FindIn(t).Select(m => m.Name).Distinct(StringComparer.Ordinal)];
        return inside.Count == 1 ? inside[0] : t;
    }

    public static bool IsSelf(string name) => Self.Contains(name);

    private static void Take(string text, int at, int length, string name, bool[] taken, List<PartnerMention> found)
    {
        int end = at + length;
        bool boundaries = (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end >= text.Length || !char.IsLetterOrDigit(text[end]));
        if (!boundaries || taken.AsSpan(at, length).Contains(true) || Self.Contains(name))
        {
            return;
        }
        taken.AsSpan(at, length).Fill(true);
        found.Add(new PartnerMention(name, at, length));
    }

    private static string TrimConnectors(string name)
    {
        string[] words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int keep = words.Length;
        while (keep > 1 && ConnectorWords.Contains(words[keep - 1], StringComparer.Ordinal))
        {
            keep--;
        }
        return string.Join(' ', words.Take(keep));
    }
}
