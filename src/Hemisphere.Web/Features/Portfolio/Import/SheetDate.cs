using System.Globalization;
using System.Text.RegularExpressions;

namespace Hemisphere.Features.Portfolio.Import;

/// <summary>A date read from a sheet: the value, or null and the reason.</summary>
public readonly record struct SheetDateResult(DateOnly? Value, string? Warning);

/// <summary>
/// Dates as the sheets write them. The sheets use month/day/year (7/1/2015 is 1 July 2015);
/// year-month-day is accepted, and day/month/year when it cannot be anything else (31/12/2017).
/// When a text shows day-first dates, a date such as 5/6/2017 can be read both ways: it is
/// ambiguous and yields no value. Impossible dates (13/13/2017, 2/30/2017) yield no value.
/// </summary>
public static partial class SheetDate
{
    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})/(\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex Slashed();

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"(?<![\d/])(\d{1,2})/(\d{1,2})/\d{4}(?![\d/])", RegexOptions.CultureInvariant)]
    private static partial Regex SlashedInText();

    /// <summary>Whether any slashed date in the text can only be day-first (its first number is above 12).</summary>
    public static bool HasDayFirstDates(string text)
    {
        foreach (Match m in SlashedInText().Matches(text))
        {
            int first = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            int second = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            if (first > 12 && second <= 12)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Reads one date; <paramref name="textHasDayFirstDates"/> makes 5/6/2017-like dates ambiguous.</summary>
    public static SheetDateResult Parse(string raw, bool textHasDayFirstDates = false)
    {
        string s = raw.Trim();
        Match iso = Iso().Match(s);
        if (iso.Success)
        {
            return Make(s, Number(iso, 1), Number(iso, 2), Number(iso, 3));
        }
        Match m = Slashed().Match(s);
        if (!m.Success)
        {
            return new(null, $"\"{s}\" is not a date.");
        }
        int a = Number(m, 1), b = Number(m, 2), year = Number(m, 3);
        if (a > 12 && b > 12)
        {
            return new(null, $"\"{s}\" is not a possible date.");
        }
        if (a > 12)
        {
            return Make(s, year, b, a);
        }
        if (b > 12 || a == b || !textHasDayFirstDates)
        {
            return Make(s, year, a, b);
        }
        return new(null, $"\"{s}\" is ambiguous: the text also uses day/month/year, so it could be either.");
    }

    private static int Number(Match m, int group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static SheetDateResult Make(string raw, int year, int month, int day)
    {
        if (year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return new(null, $"\"{raw}\" is not a possible date.");
        }
        return new(new DateOnly(year, month, day), null);
    }
}
