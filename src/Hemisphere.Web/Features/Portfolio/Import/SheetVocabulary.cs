using System.Text.RegularExpressions;

namespace Hemisphere.Features.Portfolio.Import;

/// <summary>The fixed words of a DPS programme sheet: headings, table labels, the OAS pillars (English and Spanish).</summary>
internal static partial class SheetVocabulary
{
    [GeneratedRegex(@"^(?:(?<s>PROGRAM(?:ME)?\s+SUMMARY|SUMMARY|RESUMEN(?:\s+DEL\s+PROGRAMA)?)|(?<o>OBJECTIVES?|OBJETIVOS?)|(?<r>(?:EXPECTED\s+)?RESULTS|RESULTADOS(?:\s+ESPERADOS)?))$",
        RegexOptions.CultureInvariant)]
    private static partial Regex HeadingLine();

    /// <summary>One token of a table line, anchored where the previous one ended.</summary>
    [GeneratedRegex("""
        \G\s*(?:
          (?<url>(?:https?://|www\.)\S+)
        | (?<date>\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{1,2}-\d{1,2})
        | (?<pillar>(?:OAS\s+)?Pillar|Pilar(?:\s+(?:de\s+la\s+)?OEA)?)
        | (?<name>Name\s+of\s+(?:the\s+)?Activity|Activity\s+Name|Nombre\s+de\s+(?:la\s+)?Actividad)
        | (?<target>Target\s+Beneficiaries|Beneficiaries|Beneficiarios(?:\s+Objetivo)?|Poblaci[oó]n\s+Beneficiaria)
        | (?<info>Additional\s+Information|Informaci[oó]n\s+Adicional)
        | (?<donors>Donor\s+Countries(?:\s+(?:and|&)\s+Organi[sz]ations)?|Donors|Pa[ií]ses\s+Donantes|Donantes)
        | (?<completion>Completion|Finalizaci[oó]n)
        | (?<when>Start\s+Date|Dates?|Fechas?)
        | (?<to>to|hasta)
        )(?=\s|$)
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex TableToken();

    [GeneratedRegex(@"^(?:Link\s+to\s+(?:the\s+)?web\s*page|Link|Enlace(?:\s+a\s+la\s+p[aá]gina\s+web)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(?:https?://|www\.)\S+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlLine();

    [GeneratedRegex(@"^[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex UrlChars();

    /// <summary>The four OAS pillars, longest first, English then Spanish.</summary>
    private static readonly string[] Pillars =
    [
        "Multidimensional Security", "Seguridad Multidimensional", "Integral Development", "Desarrollo Integral",
        "Human Rights", "Derechos Humanos", "Democracy", "Democracia", "Security", "Seguridad",
    ];

    public static bool TryHeading(string line, out SectionKind kind)
    {
        Match m = HeadingLine().Match(line);
        kind = m.Groups["o"].Success ? SectionKind.Objectives : m.Groups["r"].Success ? SectionKind.Results : SectionKind.Summary;
        return m.Success;
    }

    public static bool IsPlaceholder(string line) => Placeholder().IsMatch(line);

    public static bool IsUrlLine(string line) => UrlLine().IsMatch(line);

    /// <summary>A line that carries on a link split by the extraction ("blic_security/programa_de_p").</summary>
    public static bool IsUrlContinuation(string line, string urlSoFar) =>
        UrlChars().IsMatch(line) && !IsUrlLine(line)
        && (char.IsLower(line[0]) || char.IsDigit(line[0]) || line[0] is '/' or '_' or '-' or '.' or '?' or '#' or '=' or '&' or '%')
        && (line.IndexOfAny(['/', '.', '_', '-', '?', '=', '&', '#', '%']) >= 0 || urlSoFar.EndsWith('/') || urlSoFar.EndsWith('_'));

    /// <summary>A piece of a link without its beginning, such as "/default.asp".</summary>
    public static bool IsStrayUrl(string line) => line.Length > 1 && line[0] == '/' && UrlChars().IsMatch(line);

    /// <summary>
    /// Splits a table line into labels and dates; false when anything else is on the line. A link
    /// after a label ("Additional Information http://…") is returned separately.
    /// </summary>
    public static bool TryTableLine(string line, out List<TableToken> tokens, out string? url)
    {
        tokens = [];
        url = null;
        int at = 0;
        while (at < line.Length)
        {
            Match m = TableToken().Match(line, at);
            if (!m.Success || m.Length == 0)
            {
                return false;
            }
            at = m.Index + m.Length;
            if (m.Groups["url"].Success)
            {
                if (url is not null)
                {
                    return false;
                }
                url = m.Groups["url"].Value;
                continue;
            }
            if (m.Groups["date"].Success)
            {
                tokens.Add(new TableToken(TokenKind.Date, default, m.Groups["date"].Value));
                continue;
            }
            tokens.Add(new TableToken(TokenKind.Label, LabelOf(m), m.Value.Trim()));
            while (at < line.Length && char.IsWhiteSpace(line[at]))
            {
                at++;
            }
        }
        return tokens.Count > 0 && (url is null || tokens.Any(t => t.Kind == TokenKind.Label));
    }

    private static LabelKind LabelOf(Match m) =>
        m.Groups["pillar"].Success ? LabelKind.Pillar
        : m.Groups["name"].Success ? LabelKind.Name
        : m.Groups["target"].Success ? LabelKind.Target
        : m.Groups["info"].Success ? LabelKind.AdditionalInformation
        : m.Groups["donors"].Success ? LabelKind.Donors
        : m.Groups["completion"].Success ? LabelKind.Completion
        : m.Groups["when"].Success ? LabelKind.Date
        : LabelKind.To;

    /// <summary>
    /// Whether a value starts with an OAS pillar followed by the rest of the table row, as the
    /// extraction prints it ("Security Tourism Security Plan"): the rest must start with a capital.
    /// </summary>
    public static bool TrySplitPillar(string value, out string pillar, out string? rest)
    {
        foreach (string p in Pillars)
        {
            if (!value.StartsWith(p, StringComparison.Ordinal))
            {
                continue;
            }
            string after = value[p.Length..].Trim();
            if (after.Length == 0)
            {
                pillar = p;
                rest = null;
                return true;
            }
            if (value[p.Length] == ' ' && (char.IsUpper(after[0]) || char.IsDigit(after[0])))
            {
                pillar = p;
                rest = after;
                return true;
            }
        }
        pillar = "";
        rest = null;
        return false;
    }

    public static bool IsPillar(string value) => Pillars.Contains(value.Trim(), StringComparer.Ordinal);
}
