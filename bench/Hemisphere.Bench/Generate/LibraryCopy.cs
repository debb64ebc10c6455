using Npgsql;
using NpgsqlTypes;

namespace Hemisphere.Bench.Generate;

/// <summary>What the library COPY wrote, for the report.</summary>
public sealed record LibraryCopyStats(ulong Versions, long Words, int MinWords, int MaxWords, Dictionary<string, int> PerLanguage);

/// <summary>Writes generated library items and their language versions with PostgreSQL binary COPY, in the site's own tables and columns.</summary>
public static class LibraryCopy
{
    public static async Task<ulong> ItemsAsync(NpgsqlConnection connection, IEnumerable<LibraryItemRow> rows, CancellationToken ct)
    {
        const string columns = """
            "Id", "Slug", "Kind", "Status", "OriginalLanguage", "Authors", "InstitutionId", "Countries", "Themes", "Tags",
            "PublishedOn", "PublishAt", "VideoUrl", "CreatedBy", "CreatedAt", "UpdatedAt", "ReviewComment"
            """;
        await using var copy = await connection.BeginBinaryImportAsync($"COPY \"LibraryItems\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var r in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.Slug, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.Kind, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync("Published", NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.OriginalLanguage, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.Authors, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            if (r.InstitutionId is { } institution) await copy.WriteAsync(institution, NpgsqlDbType.Uuid, ct); else await copy.WriteNullAsync(ct);
            await copy.WriteAsync(r.Countries, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Themes, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Tags, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.PublishedOn, NpgsqlDbType.Date, ct);
            await copy.WriteAsync(r.PublishAt, NpgsqlDbType.TimestampTz, ct);
            if (r.VideoUrl is { } video) await copy.WriteAsync(video, NpgsqlDbType.Varchar, ct); else await copy.WriteNullAsync(ct);
            await copy.WriteNullAsync(ct); // CreatedBy: no account wrote them
            await copy.WriteAsync(r.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(r.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteNullAsync(ct); // ReviewComment
        }
        return await copy.CompleteAsync(ct);
    }

    /// <summary>The versions, written from each item's seed as they are copied (the bodies are never all in memory).</summary>
    public static async Task<LibraryCopyStats> VersionsAsync(NpgsqlConnection connection, IEnumerable<LibraryItemRow> items, CancellationToken ct)
    {
        long words = 0;
        int min = int.MaxValue, max = 0;
        var perLanguage = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var copy = await connection.BeginBinaryImportAsync(
            """COPY "LibraryVersions" ("ItemId", "Language", "Title", "Summary", "Body", "UpdatedAt") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var v in items.SelectMany(LibraryFactory.Versions))
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(v.ItemId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(v.Language, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(v.Title, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(v.Summary, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(v.Body, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(v.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
            var n = v.Body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            words += n;
            min = Math.Min(min, n);
            max = Math.Max(max, n);
            perLanguage[v.Language] = perLanguage.GetValueOrDefault(v.Language) + 1;
        }
        var written = await copy.CompleteAsync(ct);
        return new LibraryCopyStats(written, words, min == int.MaxValue ? 0 : min, max, perLanguage);
    }
}
