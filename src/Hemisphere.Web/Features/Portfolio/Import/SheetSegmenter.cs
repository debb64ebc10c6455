namespace Hemisphere.Features.Portfolio.Import;

/// <summary>
/// Cuts the items into one run per activity block. Every block has one PROGRAM SUMMARY, one
/// OBJECTIVES and one RESULTS heading, so a heading the current block already has opens the next
/// block. A sheet prints the summary first, so a PROGRAM SUMMARY after a block whose objectives and
/// results each stood under their own heading also opens the next block (the block before it lost
/// its summary heading, as at the top of a text that starts mid-sheet).
/// What lies between the last paragraph of a block and the first heading of the next (table
/// values, links) goes to one or the other: see <see cref="SplitBetween"/>.
/// </summary>
internal static class SheetSegmenter
{
    public static List<List<SheetItem>> Split(List<SheetItem> items)
    {
        List<int> heads = BlockStarts(items);
        var starts = new List<int>(heads);
        for (int b = 1; b < heads.Count; b++)
        {
            int previousEnd = LastParagraphOrHeading(items, heads[b - 1], heads[b]);
            int nextEnd = b + 1 < heads.Count ? heads[b + 1] : items.Count;
            starts[b] = SplitBetween(items, starts[b - 1], previousEnd + 1, heads[b], nextEnd);
        }
        var blocks = new List<List<SheetItem>>();
        for (int b = 0; b < starts.Count; b++)
        {
            int end = b + 1 < starts.Count ? starts[b + 1] : items.Count;
            blocks.Add(items.GetRange(starts[b], end - starts[b]));
        }
        return blocks;
    }

    private static List<int> BlockStarts(List<SheetItem> items)
    {
        var starts = new List<int> { 0 };
        var seen = new HashSet<SectionKind>();
        var underOwnHeading = new HashSet<SectionKind>();
        for (int i = 0; i < items.Count; i++)
        {
            SheetItem item = items[i];
            if (item.Kind != ItemKind.Heading)
            {
                continue;
            }
            bool repeated = seen.Contains(item.Heading);
            bool summaryAfterFullBlock = item.Heading == SectionKind.Summary
                && underOwnHeading.Contains(SectionKind.Objectives) && underOwnHeading.Contains(SectionKind.Results);
            if ((repeated || summaryAfterFullBlock) && i > 0)
            {
                starts.Add(i);
                seen.Clear();
                underOwnHeading.Clear();
            }
            seen.Add(item.Heading);
            if (i + 1 < items.Count && items[i + 1].Kind == ItemKind.Paragraph)
            {
                underOwnHeading.Add(item.Heading);
            }
        }
        return starts;
    }

    private static int LastParagraphOrHeading(List<SheetItem> items, int from, int to)
    {
        for (int i = to - 1; i > from; i--)
        {
            if (items[i].Kind == ItemKind.Paragraph)
            {
                return i;
            }
        }
        return from;
    }

    /// <summary>
    /// Where the next block begins among the items [gapStart, nextHead) that follow the last
    /// paragraph of the previous block. In order:
    /// 1. after the last page break (a tall run of blank lines not closed by a "to" line): what
    ///    follows a page break starts the next page, and a page holds one block;
    /// 2. at a table label the previous block already has, when the table it opens names another
    ///    activity (the same name means the sheet repeated the block's table: it stays);
    /// 3. loose value lines at the end (no table label around them) go to the block whose prose
    ///    shares more words with them: a beneficiary line printed above the next block's headings.
    /// Otherwise everything stays with the previous block.
    /// </summary>
    private static int SplitBetween(List<SheetItem> items, int previousStart, int gapStart, int nextHead, int nextEnd)
    {
        for (int i = nextHead - 1; i >= gapStart; i--)
        {
            if (items[i].GapBefore.IsPageBreak && !items[i].IsEndLine)
            {
                return i;
            }
        }
        int? table = RepeatedTable(items, previousStart, gapStart, nextHead);
        if (table is int t)
        {
            return t;
        }
        int loose = nextHead;
        while (loose > gapStart && items[loose - 1].Kind is ItemKind.Fragment or ItemKind.Url or ItemKind.StrayUrl)
        {
            loose--;
        }
        bool bound = loose > 0 && items[loose - 1].Kind == ItemKind.Table;
        if (loose < nextHead && !bound && items.Skip(loose).Take(nextHead - loose).Any(x => x.Kind == ItemKind.Fragment))
        {
            // A link's words count too: ".../crime-prevention-network/" says which block it belongs to.
            string values = string.Join(" ", items.Skip(loose).Take(nextHead - loose).Select(x => x.Text));
            int before = SharedWords(values, items, previousStart, gapStart);
            int after = SharedWords(values, items, nextHead, nextEnd);
            if (after > before)
            {
                return loose;
            }
        }
        return nextHead;
    }

    private static int? RepeatedTable(List<SheetItem> items, int previousStart, int gapStart, int nextHead)
    {
        var had = items.Skip(previousStart).Take(gapStart - previousStart)
            .Where(x => x.Kind == ItemKind.Table).SelectMany(x => x.Labels)
            .Where(l => l is LabelKind.Pillar or LabelKind.Name or LabelKind.Target or LabelKind.Donors).ToHashSet();
        for (int i = gapStart; i < nextHead; i++)
        {
            if (items[i].Kind != ItemKind.Table || !items[i].Labels.Any(had.Contains))
            {
                continue;
            }
            int start = i > gapStart && items[i - 1].Kind == ItemKind.Fragment
                && SheetTable.DetectLayout(items.GetRange(i - 1, nextHead - i + 1)) == TableLayout.ValueBeforeLabel ? i - 1 : i;
            string? previousName = SheetTable.ReadName(items.GetRange(previousStart, gapStart - previousStart));
            string? tableName = SheetTable.ReadName(items.GetRange(start, nextHead - start));
            if (previousName is not null && tableName is not null && SheetMerge.SameName(previousName, tableName))
            {
                return null;
            }
            return start;
        }
        return null;
    }

    private static int SharedWords(string values, List<SheetItem> items, int from, int to)
    {
        var prose = TextTools.ContentWords(string.Join(" ", items.Skip(from).Take(to - from).Where(x => x.Kind == ItemKind.Paragraph).Select(x => x.Text)));
        return TextTools.ContentWords(values).Count(prose.Contains);
    }
}
