namespace Hemisphere.Features.Portfolio.Import;

/// <summary>
/// Turns the extracted text into items (headings, table lines, fragments, paragraphs, links) in
/// reading order. It rejoins what the extraction split: the lines of a paragraph (single- or
/// double-spaced), the lines of a table value, a link broken over several lines, and a paragraph
/// that the extraction interrupted with table lines and carried on further down in lower case.
/// </summary>
internal static class SheetLexer
{
    /// <summary>Lines at least this long are prose; table cells wrap well before.</summary>
    public const int ProseLength = 60;

    public static List<SheetItem> Read(string text)
    {
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var items = new List<SheetItem>();
        int empty = 0, blank = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            string raw = lines[i];
            string line = TextTools.Collapse(raw);
            if (line.Length == 0)
            {
                if (raw.Length == 0)
                {
                    empty++;
                }
                else
                {
                    blank++;
                }
                continue;
            }
            var gap = new Gap(empty, blank);
            empty = blank = 0;
            Add(items, line, i + 1, gap, char.IsWhiteSpace(raw[0]));
        }
        JoinInterruptedParagraphs(items);
        return items;
    }

    private static void Add(List<SheetItem> items, string line, int number, Gap gap, bool indented)
    {
        SheetItem? last = items.Count > 0 ? items[^1] : null;
        bool close = gap.Blank == 0 && gap.Empty <= 1;
        if (last is { Kind: ItemKind.Url } && close && SheetVocabulary.IsUrlContinuation(line, last.Text))
        {
            last.AddLine(line, join: false);
            return;
        }
        if (SheetVocabulary.TryHeading(line, out SectionKind heading))
        {
            items.Add(new SheetItem(ItemKind.Heading, number, gap, indented) { Heading = heading, Text = line });
            return;
        }
        if (SheetVocabulary.IsPlaceholder(line))
        {
            items.Add(New(ItemKind.LinkPlaceholder, number, gap, indented, line, join: true));
            return;
        }
        if (SheetVocabulary.IsUrlLine(line))
        {
            items.Add(New(ItemKind.Url, number, gap, indented, line, join: false));
            return;
        }
        if (SheetVocabulary.TryTableLine(line, out List<TableToken> tokens, out string? url))
        {
            items.Add(new SheetItem(ItemKind.Table, number, gap, indented) { Tokens = tokens, Text = line });
            if (url is not null)
            {
                items.Add(New(ItemKind.Url, number, default, false, url, join: false));
            }
            return;
        }
        if (SheetVocabulary.IsStrayUrl(line))
        {
            items.Add(New(ItemKind.StrayUrl, number, gap, indented, line, join: false));
            return;
        }
        line = TextTools.Tidy(line);
        if (last is { Kind: ItemKind.Paragraph } && ContinuesParagraph(last, line, gap, indented))
        {
            last.AddLine(line, join: true);
            return;
        }
        if (line.Length >= ProseLength)
        {
            items.Add(New(ItemKind.Paragraph, number, gap, indented, line, join: true));
            return;
        }
        if (last is { Kind: ItemKind.Fragment } && close && !indented)
        {
            last.AddLine(line, join: true);
            return;
        }
        items.Add(New(ItemKind.Fragment, number, gap, indented, line, join: true));
    }

    private static SheetItem New(ItemKind kind, int number, Gap gap, bool indented, string line, bool join)
    {
        var item = new SheetItem(kind, number, gap, indented);
        item.AddLine(line, join);
        return item;
    }

    /// <summary>
    /// Whether a line carries on the paragraph above. Directly below (no blank line): yes, unless
    /// the line above ended a sentence and either line is short (the end of a paragraph, or a table
    /// value under the prose). After one
    /// empty line (double-spaced text): yes, unless the paragraph ended a sentence and the line opens
    /// one, or the line above stopped well short of the paragraph's width. Never after a line of
    /// spaces, two blank lines, or on an indented line (a new chunk of the extraction).
    /// </summary>
    private static bool ContinuesParagraph(SheetItem paragraph, string line, Gap gap, bool indented)
    {
        if (indented || gap.Blank > 0 || gap.Empty > 1)
        {
            return false;
        }
        string above = paragraph.LastLine;
        bool ended = TextTools.EndsSentence(above);
        bool aboveShort = above.Length < 0.7 * Math.Max(paragraph.MaxLineLength, line.Length);
        if (gap.Empty == 0)
        {
            return !ended || (line.Length >= ProseLength && !aboveShort);
        }
        if (ended && (TextTools.StartsSentence(line) || line.Length < ProseLength))
        {
            return false;
        }
        return !aboveShort;
    }

    /// <summary>
    /// A paragraph that starts in lower case continues the last paragraph above when that one stopped
    /// mid-sentence (the extraction printed table lines or a page break in between). Not across a heading.
    /// </summary>
    private static void JoinInterruptedParagraphs(List<SheetItem> items)
    {
        for (int i = items.Count - 1; i >= 0; i--)
        {
            SheetItem item = items[i];
            if (item.Kind != ItemKind.Paragraph || !char.IsLower(item.Text[0]))
            {
                continue;
            }
            for (int j = i - 1; j >= 0 && items[j].Kind != ItemKind.Heading; j--)
            {
                if (items[j].Kind != ItemKind.Paragraph)
                {
                    continue;
                }
                if (!TextTools.EndsSentence(items[j].LastLine))
                {
                    foreach (string l in item.Lines)
                    {
                        items[j].AddLine(l, join: true);
                    }
                    items.RemoveAt(i);
                }
                break;
            }
        }
    }
}
