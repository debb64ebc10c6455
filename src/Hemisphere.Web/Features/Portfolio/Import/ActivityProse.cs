using System.Text.RegularExpressions;

namespace Hemisphere.Features.Portfolio.Import;

/// <summary>What the parser reads from an activity's own words: its countries, partners and programme.</summary>
internal static partial class ActivityProse
{
    [GeneratedRegex(@"\b(?:held|hosted|took\s+place|celebrad[ao]s?|realizad[ao]s?|tuvo\s+lugar)\s+(?:in|en)\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VenueBefore();

    [GeneratedRegex(@"\b(?:(?:funded|financed|sponsored|donated|paid)\s+by|(?:support|contribution|funding|financing|funds|grant|donation)s?\s+(?:from|of|by)|financiad[ao]s?\s+por|(?:apoyo|aporte|contribuci[oó]n)\s+(?:de|del))\s+(?:the\s+|el\s+)?(?:(?:government|gobierno)\s+(?:of|de)\s+(?:the\s+)?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FunderBefore();

    [GeneratedRegex(@"\b(?:in\s+(?:close\s+)?(?:coordination|collaboration|cooperation|partnership|conjunction|association)\s+with|with\s+(?:the\s+)?(?:support|assistance|collaboration|cooperation|participation|help)\s+(?:of|from)|supported\s+by|partner(?:s|ed|ing|ship)?|carried\s+out\s+by|implemented\s+(?:jointly\s+)?(?:by|with)|jointly\s+with|together\s+with|collaborat\w*|cooperat\w*|particip\w*|implementing\s+(?:agenc\w*|partner\w*)|alongside|along\s+with|en\s+(?:coordinaci[oó]n|colaboraci[oó]n|cooperaci[oó]n|asociaci[oó]n)\s+con|con\s+el\s+apoyo\s+de|socios?|aliados?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CooperationCue();

    [GeneratedRegex(@"\bpartner\s+(?:institutions|organi[sz]ations|agencies|entities)\b[^:.]*?(?::|\b(?:were|are|include[sd]?)\b:?)\s*(?<list>[^.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartnerList();

    [GeneratedRegex(@"^(?:among\s+others|and\s+others|others|etc\.?|entre\s+otros|y\s+otros)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListFiller();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z""“(¿])", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    /// <summary>
    /// The countries of an activity, from the country names in its name, target beneficiaries and
    /// prose, plus the sheet's country when the caller gives it. A careful reader does not take every
    /// country name as a place of the activity, so these are left out:
    /// <list type="bullet">
    /// <item>phrases that only count states ("the 34 OAS Member States", "11 Member States from Central
    /// America and the Caribbean"): they name no country, so nothing is read from them;</item>
    /// <item>the donor cell: funding an activity does not place it in the donor's country;</item>
    /// <item>a country named as the funder in the prose ("funded by the government of Canada",
    /// "with support from the Government of Canada");</item>
    /// <item>the venue of a past event given as background ("the General Assembly… held in Paraguay");</item>
    /// <item>a country inside the name of a partner organisation ("Canada Border Services Agency",
    /// "United States Customs and Border Protection"): it says whose agency, not where the activity is.</item>
    /// </list>
    /// A country where the activity trains or works stays, even if it is also a donor ("the Police
    /// Academy of Honduras").
    /// </summary>
    public static List<string> Countries(string? hint, IEnumerable<string?> fields)
    {
        var codes = new List<string>();
        if (hint is not null)
        {
            codes.Add(hint);
        }
        foreach (string text in fields.OfType<string>())
        {
            List<PartnerMention> partners = PartnerNames.FindIn(text);
            foreach (CountryMention m in CountryNames.FindIn(text))
            {
                string before = text[..m.Index];
                bool insidePartner = partners.Any(p => m.Index >= p.Index && m.Index < p.Index + p.Length);
                if (!insidePartner && !VenueBefore().IsMatch(before) && !FunderBefore().IsMatch(before) && !codes.Contains(m.Code, StringComparer.Ordinal))
                {
                    codes.Add(m.Code);
                }
            }
        }
        return codes;
    }

    /// <summary>
    /// Partners: organisations named in a sentence that says they work with the DPS ("in coordination
    /// with IOM and UNHCR", "with the support of AMERIPOL", "carried out by staff from the OAS and
    /// UNICRI", "has partnered with … the University of São Paulo"), and the entries of a list of
    /// "partner institutions". An organisation merely mentioned (the framework of SICA) is not a partner.
    /// Donors are not repeated as partners.
    /// </summary>
    public static List<string> Partners(IEnumerable<string?> prose, IReadOnlyCollection<string> donors)
    {
        var partners = new List<string>();
        void Add(string? name)
        {
            if (name is not null && !PartnerNames.IsSelf(name) && !donors.Contains(name, StringComparer.OrdinalIgnoreCase)
                && !partners.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                partners.Add(name);
            }
        }
        foreach (string sentence in prose.OfType<string>().SelectMany(p => SentenceBreak().Split(p)))
        {
            if (!CooperationCue().IsMatch(sentence))
            {
                continue;
            }
            Match list = PartnerList().Match(sentence);
            var listed = new List<(int Index, string? Name)>();
            if (list.Success)
            {
                Group g = list.Groups["list"];
                int offset = g.Index;
                foreach (string item in Regex.Split(g.Value, @",|;|\band\b|\by\b", RegexOptions.CultureInvariant))
                {
                    string entry = item.Trim();
                    int at = sentence.IndexOf(entry, offset, StringComparison.Ordinal);
                    if (entry.Length > 0 && !ListFiller().IsMatch(entry))
                    {
                        listed.Add((at, PartnerNames.Canonical(entry)));
                    }
                }
            }
            var mentions = PartnerNames.FindIn(sentence).Select(m => (m.Index, (string?)m.Name));
            foreach (var (_, name) in mentions.Concat(listed).OrderBy(x => x.Item1))
            {
                Add(name);
            }
        }
        return partners;
    }

    /// <summary>
    /// The programme named in the summary: a capitalised name ending in "Program"/"Programme"
    /// ("The Maritime Security Program aims…", "CICTE’s Cargo and Container Security Program",
    /// "the Inter-American Program for the Prevention of Violence and Crime") or opening with
    /// "Programa". "This Program" or "The Program" names nothing and is not read.
    /// </summary>
    public static string? Programme(string? summary) => summary is null ? null : ProgrammeName.Find(summary);
}
