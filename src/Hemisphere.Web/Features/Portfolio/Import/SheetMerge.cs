namespace Hemisphere.Features.Portfolio.Import;

/// <summary>
/// A sheet can print an activity twice. Blocks with the same name (ignoring case, accents and
/// spacing) become one activity, in the place of the first, keeping the longest reading of each
/// text, the union of each list and the first date read.
/// </summary>
internal static class SheetMerge
{
    public static bool SameName(string a, string b) =>
        string.Equals(Key(a), Key(b), StringComparison.Ordinal);

    private static string Key(string name) => TextTools.Collapse(TextTools.Fold(name)).TrimEnd('.');

    public static List<ImportedActivity> Merge(List<ImportedActivity> activities, List<string> warnings)
    {
        var merged = new List<ImportedActivity>();
        foreach (ImportedActivity a in activities)
        {
            int same = a.Name is null ? -1 : merged.FindIndex(m => m.Name is not null && SameName(m.Name, a.Name));
            if (same < 0)
            {
                merged.Add(a);
                continue;
            }
            ImportedActivity m = merged[same];
            if ((m.StartDate is not null && a.StartDate is not null && m.StartDate != a.StartDate)
                || (m.EndDate is not null && a.EndDate is not null && m.EndDate != a.EndDate))
            {
                warnings.Add($"\"{a.Name}\" is printed twice with different dates; the first ones were kept.");
            }
            merged[same] = new ImportedActivity(
                Longest(m.Name, a.Name), Longest(m.Pillar, a.Pillar), Longest(m.Programme, a.Programme), Union(m.Countries, a.Countries),
                m.StartDate ?? a.StartDate, m.EndDate ?? a.EndDate, Longest(m.TargetBeneficiaries, a.TargetBeneficiaries),
                Union(m.Donors, a.Donors), Union(m.Partners, a.Partners),
                Longest(m.Summary, a.Summary), Longest(m.Objectives, a.Objectives), Longest(m.Results, a.Results), Union(m.Links, a.Links));
        }
        return merged;
    }

    private static string? Longest(string? a, string? b) => SheetTable.Longer(a, b);

    private static string[] Union(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        [.. a.Concat(b).Distinct(StringComparer.OrdinalIgnoreCase)];
}
