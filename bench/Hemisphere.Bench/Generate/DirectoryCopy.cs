using Npgsql;
using NpgsqlTypes;

namespace Hemisphere.Bench.Generate;

/// <summary>Writes generated rows with PostgreSQL binary COPY, in the site's own tables and columns.</summary>
public static class DirectoryCopy
{
    public static async Task<ulong> InstitutionsAsync(NpgsqlConnection connection, IEnumerable<InstitutionRow> rows, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            """COPY "Institutions" ("Id", "Name", "Acronym", "Kind", "CountryCode", "ParentId", "Website", "Description", "SearchText", "CreatedAt", "UpdatedAt") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var r in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.Name, NpgsqlDbType.Varchar, ct);
            await WriteOrNullAsync(copy, r.Acronym, ct);
            await copy.WriteAsync(r.Kind, NpgsqlDbType.Varchar, ct);
            await WriteOrNullAsync(copy, r.CountryCode, ct);
            if (r.ParentId is { } parent) await copy.WriteAsync(parent, NpgsqlDbType.Uuid, ct); else await copy.WriteNullAsync(ct);
            await WriteOrNullAsync(copy, r.Website, ct);
            await WriteOrNullAsync(copy, r.Description, ct);
            await copy.WriteAsync(r.SearchText, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(r.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
        }
        return await copy.CompleteAsync(ct);
    }

    public static async Task<ulong> CertificationsAsync(NpgsqlConnection connection, IEnumerable<CertificationRow> rows, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            """COPY "QualityCertifications" ("Id", "InstitutionId", "Standard", "Scope", "CertifyingBody", "CertifiedOn", "ValidUntil") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var r in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.InstitutionId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.Standard, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.Scope, NpgsqlDbType.Varchar, ct);
            await WriteOrNullAsync(copy, r.CertifyingBody, ct);
            await copy.WriteAsync(r.CertifiedOn, NpgsqlDbType.Date, ct);
            if (r.ValidUntil is { } until) await copy.WriteAsync(until, NpgsqlDbType.Date, ct); else await copy.WriteNullAsync(ct);
        }
        return await copy.CompleteAsync(ct);
    }

    public static async Task<ulong> PeopleAsync(NpgsqlConnection connection, IEnumerable<PersonRow> rows, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            """COPY "People" ("Id", "UserId", "FullName", "Title", "InstitutionId", "CountryCode", "Languages", "Expertise", "Biography", "Email", "Visibility", "SearchText", "CreatedAt", "UpdatedAt") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var r in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteNullAsync(ct);
            await copy.WriteAsync(r.FullName, NpgsqlDbType.Varchar, ct);
            await WriteOrNullAsync(copy, r.Title, ct);
            if (r.InstitutionId is { } institution) await copy.WriteAsync(institution, NpgsqlDbType.Uuid, ct); else await copy.WriteNullAsync(ct);
            await WriteOrNullAsync(copy, r.CountryCode, ct);
            await copy.WriteAsync(r.Languages, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Expertise, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await WriteOrNullAsync(copy, r.Biography, ct);
            await WriteOrNullAsync(copy, r.Email, ct);
            await copy.WriteAsync(r.Visibility, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.SearchText, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(r.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
        }
        return await copy.CompleteAsync(ct);
    }

    private static Task WriteOrNullAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, NpgsqlDbType.Varchar, ct);
}
