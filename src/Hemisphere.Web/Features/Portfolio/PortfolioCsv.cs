using System.Globalization;
using System.Text;
using CsvHelper;

namespace Hemisphere.Features.Portfolio;

/// <summary>Activities as CSV (RFC 4180, UTF-8 with a BOM so spreadsheet programs read the accents; lists joined by ';').</summary>
public static class PortfolioCsv
{
    private static readonly string[] Header =
    [
        "id", "name", "pillar", "programme", "startDate", "endDate", "status", "countries", "donors", "partners",
        "targetBeneficiaries", "summary", "objectives", "results", "links", "fundingAmount", "fundingCurrency",
    ];

    public static async Task WriteAsync(Stream output, IEnumerable<ActivityDto> activities)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var h in Header) csv.WriteField(h);
        await csv.NextRecordAsync();
        foreach (var a in activities)
        {
            string?[] fields =
            [
                a.Id.ToString(), a.Name, a.Pillar, a.Programme, Iso(a.StartDate), Iso(a.EndDate), a.Status,
                string.Join(";", a.Countries), string.Join(";", a.Donors), string.Join(";", a.Partners),
                a.TargetBeneficiaries, a.Summary, a.Objectives, a.AchievedResults, string.Join(" ", a.Links),
                a.FundingAmount?.ToString(CultureInfo.InvariantCulture), a.FundingCurrency,
            ];
            foreach (var f in fields) csv.WriteField(f ?? "");
            await csv.NextRecordAsync();
        }
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
