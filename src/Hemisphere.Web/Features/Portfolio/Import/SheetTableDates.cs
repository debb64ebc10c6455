namespace Hemisphere.Features.Portfolio.Import;

/// <summary>
/// The start and completion dates of a block, from the table lines. The sheets print
/// "7/1/2015 Date" or "Date 7/1/2015" for the start, "7/1/2020 to" (or the date on the line
/// above a lone "to") for the completion, "1/1/2016 Date 12/31/2017" for both, and
/// "Completion to" when the activity has no completion date. A date alone on its line is the start.
/// </summary>
internal static class SheetTableDates
{
    private enum Role { Start, End, Either }

    public static void Read(IReadOnlyList<SheetItem> items, bool dayFirst, TableValues values)
    {
        var starts = new List<DateOnly>();
        var ends = new List<DateOnly>();
        var loose = new List<DateOnly>();
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i].Kind != ItemKind.Table)
            {
                continue;
            }
            IReadOnlyList<TableToken> tokens = items[i].Tokens;
            for (int t = 0; t < tokens.Count; t++)
            {
                if (tokens[t].Kind != TokenKind.Date)
                {
                    continue;
                }
                SheetDateResult date = SheetDate.Parse(tokens[t].Text, dayFirst);
                if (date.Value is not DateOnly value)
                {
                    values.Notes.Add(date.Warning ?? "");
                    continue;
                }
                Role role = RoleOf(tokens, t, NextIsLoneTo(items, i));
                (role == Role.Start ? starts : role == Role.End ? ends : loose).Add(value);
            }
        }
        if (starts.Count == 0 && loose.Count > 0)
        {
            starts.Add(loose.Min());
            loose.Remove(loose.Min());
        }
        if (ends.Count == 0 && loose.Count > 0)
        {
            ends.Add(loose.Max());
        }
        values.Start = First(starts, "start", values);
        values.End = First(ends, "completion", values);
        if (values.Start > values.End)
        {
            values.Notes.Add($"the start date {values.Start:yyyy-MM-dd} is after the completion date {values.End:yyyy-MM-dd}");
        }
    }

    private static Role RoleOf(IReadOnlyList<TableToken> tokens, int t, bool nextLineIsLoneTo)
    {
        LabelKind? previous = t > 0 && tokens[t - 1].Kind == TokenKind.Label ? tokens[t - 1].Label : null;
        LabelKind? next = t + 1 < tokens.Count && tokens[t + 1].Kind == TokenKind.Label ? tokens[t + 1].Label : null;
        bool dateEarlierOnLine = tokens.Take(t).Any(x => x.Kind == TokenKind.Date);
        return (previous, next) switch
        {
            (_, LabelKind.Date) => Role.Start,
            (_, LabelKind.To) => Role.End,
            (LabelKind.To or LabelKind.Completion, _) => Role.End,
            (LabelKind.Date, _) => dateEarlierOnLine ? Role.End : Role.Start,
            _ when t + 1 == tokens.Count && nextLineIsLoneTo => Role.End,
            _ => Role.Either,
        };
    }

    private static bool NextIsLoneTo(IReadOnlyList<SheetItem> items, int i) =>
        i + 1 < items.Count && items[i + 1].Kind == ItemKind.Table && items[i + 1].Tokens.Count == 1 && items[i + 1].FirstLabel == LabelKind.To;

    private static DateOnly? First(List<DateOnly> dates, string what, TableValues values)
    {
        if (dates.Distinct().Count() > 1)
        {
            values.Notes.Add($"the table gives several {what} dates ({string.Join(", ", dates.Distinct().Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}); the first was kept");
        }
        return dates.Count > 0 ? dates[0] : null;
    }
}
