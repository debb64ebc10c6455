// Interim: the importer's contract, so the portfolio builds while the sheet parser is written on
// its own branch. Parse finds nothing yet (every import answers "no activity recognised"); the
// parser branch replaces this file.
namespace Hemisphere.Features.Portfolio.Import;

public sealed record ImportedActivity(
    string? Name, string? Pillar, string? Programme, IReadOnlyList<string> Countries,
    DateOnly? StartDate, DateOnly? EndDate, string? TargetBeneficiaries,
    IReadOnlyList<string> Donors, IReadOnlyList<string> Partners,
    string? Summary, string? Objectives, string? Results, IReadOnlyList<string> Links);

public sealed record SheetParseResult(IReadOnlyList<ImportedActivity> Activities, IReadOnlyList<string> Warnings);

public static class SheetParser
{
    public static SheetParseResult Parse(string text, string? countryHint = null) => new([], ["The sheet parser is not available in this build."]);
}
