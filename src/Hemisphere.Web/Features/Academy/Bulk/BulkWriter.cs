using System.Data.Common;
using System.Globalization;
using Hemisphere.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Hemisphere.Features.Academy.Bulk;

/// <summary>
/// Writes many learners and enrolments inside the caller's transaction, bypassing the change tracker (and so
/// the per-entity audit: the import records one audit entry for the whole file). PostgreSQL: binary COPY on
/// the context's connection. SQLite: one prepared INSERT, re-bound per row.
/// </summary>
internal static class BulkWriter
{
    private static readonly string[] LearnerColumns = ["Id", "UserId", "Email", "NationalId", "CountryCode", "FullName", "InstitutionId", "CreatedAt"];

    private static readonly string[] EnrolmentColumns =
    [
        "Id", "EditionId", "CourseId", "LearnerId", "CountryCode", "InstitutionId", "Year", "Status", "Source", "CreatedAt", "EnrolledAt",
        "DecidedBy", "ProgressPercent", "ImportId",
    ];

    public static async Task LearnersAsync(HemisphereDb db, IReadOnlyList<Learner> learners, CancellationToken ct)
    {
        if (learners.Count == 0) return;
        if (db.Provider == DatabaseProvider.Postgres)
        {
            await using var copy = await BeginCopyAsync(db, "Learners", LearnerColumns, ct);
            foreach (var x in learners)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(x.Id, NpgsqlDbType.Uuid, ct);
                await WriteAsync(copy, x.UserId, ct);
                await WriteAsync(copy, x.Email, ct);
                await WriteAsync(copy, x.NationalId, ct);
                await copy.WriteAsync(x.CountryCode, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(x.FullName, NpgsqlDbType.Varchar, ct);
                await WriteAsync(copy, x.InstitutionId, ct);
                await copy.WriteAsync(x.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            }
            await copy.CompleteAsync(ct);
            return;
        }
        await SqliteInsertAsync(db, "Learners", LearnerColumns, learners, x =>
        [
            Id(x.Id), Id(x.UserId), x.Email, x.NationalId, x.CountryCode, x.FullName, Id(x.InstitutionId), x.CreatedAt.UtcTicks,
        ], ct);
    }

    public static async Task EnrolmentsAsync(HemisphereDb db, IReadOnlyList<Enrolment> enrolments, CancellationToken ct)
    {
        if (enrolments.Count == 0) return;
        if (db.Provider == DatabaseProvider.Postgres)
        {
            await using var copy = await BeginCopyAsync(db, "Enrolments", EnrolmentColumns, ct);
            foreach (var x in enrolments)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(x.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(x.EditionId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(x.CourseId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(x.LearnerId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(x.CountryCode, NpgsqlDbType.Varchar, ct);
                await WriteAsync(copy, x.InstitutionId, ct);
                await copy.WriteAsync(x.Year, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(x.Status.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(x.Source.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(x.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                if (x.EnrolledAt is { } at) await copy.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
                else await copy.WriteNullAsync(ct);
                await WriteAsync(copy, x.DecidedBy, ct);
                await copy.WriteAsync(x.ProgressPercent, NpgsqlDbType.Integer, ct);
                await WriteAsync(copy, x.ImportId, ct);
            }
            await copy.CompleteAsync(ct);
            return;
        }
        await SqliteInsertAsync(db, "Enrolments", EnrolmentColumns, enrolments, x =>
        [
            Id(x.Id), Id(x.EditionId), Id(x.CourseId), Id(x.LearnerId), x.CountryCode, Id(x.InstitutionId), x.Year, x.Status.ToString(),
            x.Source.ToString(), x.CreatedAt.UtcTicks, x.EnrolledAt?.UtcTicks, Id(x.DecidedBy), x.ProgressPercent, Id(x.ImportId),
        ], ct);
    }

    private static async Task<NpgsqlBinaryImporter> BeginCopyAsync(HemisphereDb db, string table, string[] columns, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => "\"" + c + "\""))}) FROM STDIN (FORMAT BINARY)";
        var copy = await connection.BeginBinaryImportAsync(sql, ct);
        copy.Timeout = TimeSpan.FromMinutes(10);
        return copy;
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, Guid? value, CancellationToken ct)
    {
        if (value is { } v) await copy.WriteAsync(v, NpgsqlDbType.Uuid, ct);
        else await copy.WriteNullAsync(ct);
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct)
    {
        if (value is not null) await copy.WriteAsync(value, NpgsqlDbType.Varchar, ct);
        else await copy.WriteNullAsync(ct);
    }

    /// <summary>EF Core's SQLite form of a Guid: upper-case text.</summary>
    private static string? Id(Guid? id) => id?.ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant();

    private static async Task SqliteInsertAsync<T>(HemisphereDb db, string table, string[] columns, IReadOnlyList<T> items, Func<T, object?[]> values, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => "\"" + c + "\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = new DbParameter[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = "$p" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(parameters[i]);
        }
        await command.PrepareAsync(ct);
        foreach (var item in items)
        {
            var row = values(item);
            for (var i = 0; i < row.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
