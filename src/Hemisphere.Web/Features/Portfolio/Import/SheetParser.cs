using System.Globalization;

namespace Hemisphere.Features.Portfolio.Import;

/// <summary>One activity as a DPS programme sheet describes it. What the sheet does not say is null or empty.</summary>
public sealed record ImportedActivity(
    string? Name, string? Pillar, string? Programme, IReadOnlyList<string> Countries /* ISO 3166-1 alpha-2 */,
    DateOnly? StartDate, DateOnly? EndDate, string? TargetBeneficiaries,
    IReadOnlyList<string> Donors, IReadOnlyList<string> Partners,
    string? Summary, string? Objectives, string? Results, IReadOnlyList<string> Links);

/// <summary>The activities read from a sheet, and what a person should check.</summary>
public sealed record SheetParseResult(IReadOnlyList<ImportedActivity> Activities, IReadOnlyList<string> Warnings);

/// <summary>
/// Reads the text extracted from a DPS programme sheet (PDF) into activities. The extraction
/// scrambles the sheet: labels come out apart from their values, values split over lines and
/// mixed with other blocks, sections under stacked headings, a block's table printed twice. The
/// parser works from the sheet's fixed layout — the table labels, the date lines ("… to",
/// "Completion to"), the all-caps section headings, the gaps between text boxes — never from the
/// wording of particular sheets. It never invents: a field it cannot read stays empty and the
/// reason is in the warnings.
/// </summary>
public static class SheetParser
{
    /// countryHint: ISO2 of the sheet's country when the caller knows it (the import verb has --country).
    public static SheetParseResult Parse(string text, string? countryHint = null)
    {
        var warnings = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            warnings.Add("The text is empty: there is nothing to import.");
            return new SheetParseResult([], warnings);
        }
        string? hint = ReadHint(countryHint, warnings);
        List<SheetItem> items = SheetLexer.Read(text);
        if (!items.Any(i => i.Kind == ItemKind.Heading || (i.Kind == ItemKind.Table && i.HasFieldLabel)))
        {
            warnings.Add("No programme-sheet labels or headings (OAS Pillar, Name of Activity, PROGRAM SUMMARY…) were found: nothing was imported.");
            return new SheetParseResult([], warnings);
        }
        bool dayFirst = SheetDate.HasDayFirstDates(text);
        var activities = new List<ImportedActivity>();
        foreach (List<SheetItem> block in SheetSegmenter.Split(items))
        {
            ImportedActivity? activity = Read(block, hint, dayFirst, warnings, activities.Count + 1);
            if (activity is not null)
            {
                activities.Add(activity);
            }
        }
        if (activities.Count == 0)
        {
            warnings.Add("The text has programme-sheet labels or headings but no activity content (values, dates or prose): nothing was imported.");
        }
        return new SheetParseResult(SheetMerge.Merge(activities, warnings), warnings);
    }

    private static string? ReadHint(string? countryHint, List<string> warnings)
    {
        if (string.IsNullOrWhiteSpace(countryHint))
        {
            return null;
        }
        string code = countryHint.Trim().ToUpperInvariant();
        if (CountryNames.IsCode(code))
        {
            return code;
        }
        warnings.Add($"\"{countryHint}\" is not the code of an OAS member state; the sheet's country was not added.");
        return null;
    }

    private static ImportedActivity? Read(List<SheetItem> block, string? hint, bool dayFirst, List<string> warnings, int number)
    {
        if (!block.Any(i => i.Kind is ItemKind.Paragraph or ItemKind.Fragment || (i.Kind == ItemKind.Table && i.Tokens.Any(t => t.Kind == TokenKind.Date))))
        {
            return null;
        }
        TableValues table = SheetTable.Read(block, dayFirst);
        SectionTexts sections = SheetSections.Read(block);
        string where = table.Name is null
            ? string.Create(CultureInfo.InvariantCulture, $"Activity {number} (line {block[0].Line})")
            : $"\"{table.Name}\"";
        if (table.Name is null)
        {
            warnings.Add($"{where} has no readable name of activity.");
        }
        foreach (string note in table.Notes)
        {
            warnings.Add($"{where}: {note}.");
        }
        WarnIfCut(where, "name", table.Name, warnings);
        WarnIfCut(where, "target beneficiaries", table.Target, warnings);
        foreach (string donor in table.Donors)
        {
            WarnIfCut(where, "donor", donor, warnings);
        }
        string?[] prose = [sections.Summary, sections.Objectives, sections.Results];
        return new ImportedActivity(
            table.Name, table.Pillar, ActivityProse.Programme(sections.Summary),
            ActivityProse.Countries(hint, [table.Name, table.Target, .. prose]),
            table.Start, table.End, table.Target, table.Donors, ActivityProse.Partners(prose, table.Donors),
            sections.Summary, sections.Objectives, sections.Results, table.Links);
    }

    private static readonly string[] DanglingWords = ["in", "of", "the", "for", "and", "to", "with", "from", "de", "del", "la", "y", "en", "para", "con"];

    /// <summary>A value that ends on "in", "of", "the"… lost its last words in the extraction.</summary>
    private static void WarnIfCut(string where, string field, string? value, List<string> warnings)
    {
        string? last = value?.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (last is not null && DanglingWords.Contains(last, StringComparer.OrdinalIgnoreCase))
        {
            warnings.Add($"{where}: the {field} \"{value}\" looks cut off.");
        }
    }
}
