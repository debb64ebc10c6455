using System.Text.RegularExpressions;

namespace Hemisphere.Features.Portfolio.Import;

/// <summary>Whether the extraction printed each table value before its label or after it.</summary>
internal enum TableLayout { ValueBeforeLabel, LabelBeforeValue }

/// <summary>What one block's table says.</summary>
internal sealed class TableValues
{
    public string? Pillar { get; set; }
    public string? Name { get; set; }
    public string? Target { get; set; }
    public List<string> Donors { get; } = [];
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public List<string> Links { get; } = [];
    public List<string> Notes { get; } = [];
}

/// <summary>
/// Reads the table of one block. The labels (OAS Pillar, Name of Activity, Date, Target
/// Beneficiaries, Additional Information, Donor Countries) come out stacked or interleaved with
/// their values, values before or after their label. A value is read as follows:
/// 1. next to its label, on the side the block's layout says (see <see cref="DetectLayout"/>);
///    a donor cell may sit on either side of "Donor Countries" and is the side that reads as funders;
/// 2. a value that opens with an OAS pillar ("Security Tourism Security Plan") is the pillar and the name;
/// 3. a value left over is the donor cell if it reads entirely as funders and no donor was found,
///    else the target beneficiaries if none were found; anything else is reported, not guessed.
/// </summary>
internal static partial class SheetTable
{
    [GeneratedRegex(@"(?:https?://|www\.)[^\s,;)""”]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlInText();

    public static string? ReadName(IReadOnlyList<SheetItem> items) => Read(items, dayFirst: false).Name;

    public static TableLayout DetectLayout(IReadOnlyList<SheetItem> items)
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i].Kind != ItemKind.Fragment || !SheetVocabulary.IsPillar(items[i].Text))
            {
                continue;
            }
            if (i + 1 < items.Count && items[i + 1].Kind == ItemKind.Table && items[i + 1].FirstLabel == LabelKind.Pillar)
            {
                return TableLayout.ValueBeforeLabel;
            }
            if (i > 0 && items[i - 1].Kind == ItemKind.Table && items[i - 1].LastLabel == LabelKind.Pillar)
            {
                return TableLayout.LabelBeforeValue;
            }
        }
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i].Kind != ItemKind.Table || !items[i].HasLabel(LabelKind.Donors))
            {
                continue;
            }
            double before = Neighbour(items, i, -1) is { } b ? DonorNames.Likeness(b.Text) : -1;
            double after = Neighbour(items, i, +1) is { } a ? DonorNames.Likeness(a.Text) : -1;
            if (before != after)
            {
                return before > after ? TableLayout.ValueBeforeLabel : TableLayout.LabelBeforeValue;
            }
        }
        for (int i = 0; i + 2 < items.Count; i++)
        {
            if (items[i].Kind == ItemKind.Table && items[i].HasFieldLabel)
            {
                bool opensWithLabel = (i == 0 || items[i - 1].Kind != ItemKind.Fragment)
                    && items[i + 1].Kind == ItemKind.Fragment && items[i + 2].Kind == ItemKind.Table && items[i + 2].HasFieldLabel;
                return opensWithLabel ? TableLayout.LabelBeforeValue : TableLayout.ValueBeforeLabel;
            }
        }
        return TableLayout.ValueBeforeLabel;
    }

    public static TableValues Read(IReadOnlyList<SheetItem> items, bool dayFirst)
    {
        var values = new TableValues();
        var claimed = new HashSet<SheetItem>();
        TableLayout layout = DetectLayout(items);
        foreach (SheetItem cell in ValuesOf(items, layout, LabelKind.Pillar))
        {
            if (!claimed.Contains(cell) && SheetVocabulary.TrySplitPillar(cell.Text, out string pillar, out string? rest))
            {
                claimed.Add(cell);
                values.Pillar ??= pillar;
                values.Name = Longer(values.Name, rest);
            }
        }
        ReadDonorCells(items, layout, claimed, values);
        foreach (SheetItem cell in ValuesOf(items, layout, LabelKind.Name).Where(claimed.Add))
        {
            values.Name = Longer(values.Name, cell.Text);
        }
        foreach (SheetItem cell in ValuesOf(items, layout, LabelKind.Target).Where(claimed.Add))
        {
            values.Target = Longer(values.Target, cell.Text);
        }
        ReadLeftOvers(items, claimed, values);
        SheetTableDates.Read(items, dayFirst, values);
        ReadLinks(items, values);
        return values;
    }

    private static SheetItem? Neighbour(IReadOnlyList<SheetItem> items, int table, int side)
    {
        int i = table + side;
        if (i < 0 || i >= items.Count || items[i].Kind != ItemKind.Fragment)
        {
            return null;
        }
        LabelKind? label = side < 0 ? items[table].FirstLabel : items[table].LastLabel;
        return label is null ? null : items[i];
    }

    /// <summary>The value cells next to each occurrence of a label, on the layout's side.</summary>
    private static IEnumerable<SheetItem> ValuesOf(IReadOnlyList<SheetItem> items, TableLayout layout, LabelKind label)
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i].Kind != ItemKind.Table)
            {
                continue;
            }
            if (layout == TableLayout.ValueBeforeLabel && items[i].FirstLabel == label && Neighbour(items, i, -1) is { } before)
            {
                yield return before;
            }
            if (layout == TableLayout.LabelBeforeValue && items[i].LastLabel == label && Neighbour(items, i, +1) is { } after)
            {
                yield return after;
            }
        }
    }

    private static void ReadDonorCells(IReadOnlyList<SheetItem> items, TableLayout layout, HashSet<SheetItem> claimed, TableValues values)
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i].Kind != ItemKind.Table || !items[i].HasLabel(LabelKind.Donors))
            {
                continue;
            }
            SheetItem? before = items[i].FirstLabel == LabelKind.Donors ? Free(Neighbour(items, i, -1), claimed) : null;
            SheetItem? after = items[i].LastLabel == LabelKind.Donors ? Free(Neighbour(items, i, +1), claimed) : null;
            SheetItem? primary = layout == TableLayout.ValueBeforeLabel ? before : after;
            SheetItem? other = layout == TableLayout.ValueBeforeLabel ? after : before;
            SheetItem? cell = other is not null && (primary is null || DonorNames.Likeness(other.Text) > DonorNames.Likeness(primary.Text)) ? other : primary;
            if (cell is not null && claimed.Add(cell))
            {
                AddDonors(values, cell.Text);
            }
        }
    }

    private static SheetItem? Free(SheetItem? item, HashSet<SheetItem> claimed) => item is not null && !claimed.Contains(item) ? item : null;

    private static void AddDonors(TableValues values, string cell)
    {
        foreach (string donor in DonorNames.Split(cell))
        {
            if (!values.Donors.Contains(donor, StringComparer.OrdinalIgnoreCase))
            {
                values.Donors.Add(donor);
            }
        }
    }

    private static void ReadLeftOvers(IReadOnlyList<SheetItem> items, HashSet<SheetItem> claimed, TableValues values)
    {
        foreach (SheetItem cell in items.Where(x => x.Kind == ItemKind.Fragment && !claimed.Contains(x)))
        {
            foreach (string value in SplitAtPillar(cell, values.Pillar is null))
            {
                ReadLeftOver(value, values);
            }
        }
    }

    private static void ReadLeftOver(string value, TableValues values)
    {
        if (values.Pillar is null && SheetVocabulary.TrySplitPillar(value, out string pillar, out string? rest))
        {
            values.Pillar = pillar;
            values.Name = Longer(values.Name, rest);
        }
        else if (values.Donors.Count == 0 && DonorNames.Likeness(value) >= 1)
        {
            AddDonors(values, value);
        }
        else if (values.Target is null || SheetMerge.SameName(values.Target, value))
        {
            values.Target = Longer(values.Target, value);
        }
        else
        {
            values.Notes.Add($"the value \"{value}\" fits no field of the table and was left out");
        }
    }

    /// <summary>
    /// When the extraction ran two cells together, a line opening with an OAS pillar starts the
    /// pillar-and-name cell ("…witneses in Costa Rica" / "Security" / "Strengthening of…"). Only
    /// looked for while the pillar is unknown.
    /// </summary>
    private static IEnumerable<string> SplitAtPillar(SheetItem cell, bool pillarUnknown)
    {
        int at = pillarUnknown ? cell.Lines.FindIndex(1, l => SheetVocabulary.TrySplitPillar(l, out _, out _)) : -1;
        if (at < 0)
        {
            return [cell.Text];
        }
        return [Join(cell.Lines.Take(at)), Join(cell.Lines.Skip(at))];
    }

    private static string Join(IEnumerable<string> lines) => lines.Aggregate("", TextTools.JoinLine);

    private static void ReadLinks(IReadOnlyList<SheetItem> items, TableValues values)
    {
        foreach (SheetItem item in items)
        {
            IEnumerable<string> found = item.Kind switch
            {
                ItemKind.Url => [item.Text],
                ItemKind.Paragraph => UrlInText().Matches(item.Text).Select(m => m.Value),
                _ => [],
            };
            foreach (string url in found.Select(u => u.TrimEnd('.', ',', ';', ':')))
            {
                if (!values.Links.Contains(url, StringComparer.Ordinal))
                {
                    values.Links.Add(url);
                }
            }
            if (item.Kind == ItemKind.LinkPlaceholder)
            {
                values.Notes.Add($"\"{item.Text}\": the sheet had a link whose address is not in the text");
            }
        }
    }

    /// <summary>The longer of two readings of one value (a repeated table may have lost words).</summary>
    public static string? Longer(string? a, string? b) =>
        string.IsNullOrWhiteSpace(b) ? a : string.IsNullOrWhiteSpace(a) || b.Length > a.Length ? b : a;
}
