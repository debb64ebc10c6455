using Npgsql;
using NpgsqlTypes;

namespace Hemisphere.Bench.Generate;

/// <summary>Writes generated programmes and activities with PostgreSQL binary COPY, in the site's own tables and columns.</summary>
public static class PortfolioCopy
{
    private static readonly string[] Languages = ["En", "Es", "Pt", "Fr"];

    /// <summary>The four columns of a localized text: NameEn, NameEs, NamePt, NameFr.</summary>
    private static IEnumerable<string> Localized(string prefix) => Languages.Select(l => $"\"{prefix}{l}\"");

    public static async Task<ulong> ProgrammesAsync(NpgsqlConnection connection, IEnumerable<ProgrammeRow> rows, CancellationToken ct)
    {
        var columns = string.Join(", ", new[] { "\"Id\"", "\"Key\"" }.Concat(Localized("Name")).Concat(Localized("Summary")));
        await using var copy = await connection.BeginBinaryImportAsync($"COPY \"Programmes\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var r in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.Key, NpgsqlDbType.Varchar, ct);
            await WriteAsync(copy, r.Name, ct);
            await WriteAsync(copy, r.Summary, ct);
        }
        return await copy.CompleteAsync(ct);
    }

    public static async Task<ulong> ActivitiesAsync(NpgsqlConnection connection, IEnumerable<ActivityRow> rows, CancellationToken ct)
    {
        var columns = string.Join(", ", new[]
            {
                "\"Id\"", "\"Pillar\"", "\"ProgrammeId\"", "\"StartDate\"", "\"EndDate\"", "\"StatusOverride\"",
                "\"Countries\"", "\"Donors\"", "\"Partners\"", "\"Links\"", "\"FundingAmount\"", "\"FundingCurrency\"",
                "\"Published\"", "\"ImportKey\"", "\"Source\"", "\"CreatedAt\"", "\"UpdatedAt\"",
            }
            .Concat(Localized("Name")).Concat(Localized("TargetBeneficiaries")).Concat(Localized("Summary"))
            .Concat(Localized("Objectives")).Concat(Localized("ExpectedResults")).Concat(Localized("AchievedResults")));
        await using var copy = await connection.BeginBinaryImportAsync($"COPY \"Activities\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var r in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
            await WriteOrNullAsync(copy, r.Pillar, ct);
            if (r.ProgrammeId is { } programme) await copy.WriteAsync(programme, NpgsqlDbType.Uuid, ct); else await copy.WriteNullAsync(ct);
            if (r.StartDate is { } start) await copy.WriteAsync(start, NpgsqlDbType.Date, ct); else await copy.WriteNullAsync(ct);
            if (r.EndDate is { } end) await copy.WriteAsync(end, NpgsqlDbType.Date, ct); else await copy.WriteNullAsync(ct);
            await copy.WriteNullAsync(ct); // StatusOverride: the status follows the dates
            await copy.WriteAsync(r.Countries, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Donors, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Partners, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Links, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            if (r.FundingAmount is { } amount) await copy.WriteAsync(amount, NpgsqlDbType.Numeric, ct); else await copy.WriteNullAsync(ct);
            await WriteOrNullAsync(copy, r.FundingCurrency, ct);
            await copy.WriteAsync(r.Published, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(r.ImportKey, NpgsqlDbType.Varchar, ct);
            await WriteOrNullAsync(copy, r.Source, ct);
            await copy.WriteAsync(r.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(r.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
            await WriteAsync(copy, r.Name, ct);
            await WriteAsync(copy, r.TargetBeneficiaries, ct);
            await WriteAsync(copy, r.Summary, ct);
            await WriteAsync(copy, r.Objectives, ct);
            await WriteAsync(copy, r.ExpectedResults, ct);
            await WriteAsync(copy, r.AchievedResults, ct);
        }
        return await copy.CompleteAsync(ct);
    }

    /// <summary>En is NOT NULL ("" when absent); the other languages are NULL when absent.</summary>
    private static async Task WriteAsync(NpgsqlBinaryImporter copy, Texts t, CancellationToken ct)
    {
        await copy.WriteAsync(t.En, NpgsqlDbType.Varchar, ct);
        await WriteOrNullAsync(copy, t.Es, ct);
        await WriteOrNullAsync(copy, t.Pt, ct);
        await WriteOrNullAsync(copy, t.Fr, ct);
    }

    private static Task WriteOrNullAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, NpgsqlDbType.Varchar, ct);
}
