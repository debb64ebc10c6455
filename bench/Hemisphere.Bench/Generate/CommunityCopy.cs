using Npgsql;
using NpgsqlTypes;

namespace Hemisphere.Bench.Generate;

/// <summary>What the forum posts COPY wrote, for the report.</summary>
public sealed record PostCopyStats(ulong Posts, long Words, int Hidden, int Pending, int Quoting);

/// <summary>Writes generated members, their tokens, forums and chat rooms with PostgreSQL binary COPY, in the site's own tables and columns.</summary>
public static class CommunityCopy
{
    public static async Task<ulong> UsersAsync(NpgsqlConnection connection, IEnumerable<UserRow> rows, CancellationToken ct)
    {
        const string columns = """
            "Id", "DisplayName", "PreferredLanguage", "CreatedAt", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
            "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumber", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnd", "LockoutEnabled", "AccessFailedCount"
            """;
        await using var copy = await connection.BeginBinaryImportAsync($"COPY \"AspNetUsers\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var r in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.DisplayName, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.Language, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(r.Email, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.Email.ToUpperInvariant(), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.Email, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.Email.ToUpperInvariant(), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(true, NpgsqlDbType.Boolean, ct);
            await copy.WriteNullAsync(ct); // PasswordHash: they sign in with their token
            await copy.WriteAsync(r.SecurityStamp, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.ConcurrencyStamp, NpgsqlDbType.Text, ct);
            await copy.WriteNullAsync(ct); // PhoneNumber
            await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
            await copy.WriteNullAsync(ct); // LockoutEnd
            await copy.WriteAsync(true, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
        }
        return await copy.CompleteAsync(ct);
    }

    /// <summary>One bearer token per member (see BenchUsers), valid from now for <paramref name="validFor"/>.</summary>
    public static async Task<ulong> TokensAsync(NpgsqlConnection connection, IEnumerable<UserRow> users, int seed, DateTime now, TimeSpan validFor, Random rng, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            """COPY "ApiTokens" ("Id", "UserId", "Hash", "CreatedAt", "ExpiresAt", "RevokedAt") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var u in users)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(BenchIds.Create(u.CreatedAt, rng), NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(u.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(BenchUsers.Hash(BenchUsers.Token(seed, u.Number)), NpgsqlDbType.Bytea, ct);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(now + validFor, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteNullAsync(ct);
        }
        return await copy.CompleteAsync(ct);
    }

    public static async Task<ulong> CategoriesAsync(NpgsqlConnection connection, IEnumerable<CategoryRow> rows, CancellationToken ct)
    {
        const string columns = """
            "Id", "Slug", "Access", "CountryCode", "Theme", "Position", "CreatedAt",
            "DescriptionEn", "DescriptionEs", "DescriptionFr", "DescriptionPt", "NameEn", "NameEs", "NameFr", "NamePt"
            """;
        await using var copy = await connection.BeginBinaryImportAsync($"COPY \"ForumCategories\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var r in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.Slug, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.Access, NpgsqlDbType.Varchar, ct);
            if (r.CountryCode is { } code) await copy.WriteAsync(code, NpgsqlDbType.Varchar, ct); else await copy.WriteNullAsync(ct);
            if (r.Theme is { } theme) await copy.WriteAsync(theme, NpgsqlDbType.Varchar, ct); else await copy.WriteNullAsync(ct);
            await copy.WriteAsync(r.Position, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(r.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(r.Description.En, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.Description.Es, NpgsqlDbType.Varchar, ct);
            await copy.WriteNullAsync(ct);
            await copy.WriteNullAsync(ct);
            await copy.WriteAsync(r.Name.En, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.Name.Es, NpgsqlDbType.Varchar, ct);
            await copy.WriteNullAsync(ct);
            await copy.WriteNullAsync(ct);
        }
        return await copy.CompleteAsync(ct);
    }

    public static async Task<ulong> CategoryMembersAsync(NpgsqlConnection connection, IEnumerable<CategoryRow> rows, IReadOnlyList<UserRow> users, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            """COPY "ForumCategoryMembers" ("CategoryId", "UserId", "AddedAt") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var c in rows)
            foreach (var n in c.Members)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(c.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(users[n - 1].Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(c.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            }
        return await copy.CompleteAsync(ct);
    }

    public static async Task<ulong> TopicsAsync(NpgsqlConnection connection, IEnumerable<TopicRow> rows, IReadOnlyList<UserRow> users, CancellationToken ct)
    {
        const string columns = """
            "Id", "CategoryId", "Title", "AuthorId", "CreatedAt", "LastPostAt", "PostCount", "Pinned", "Locked", "Hidden", "AcceptedPostId", "MergedIntoId"
            """;
        await using var copy = await connection.BeginBinaryImportAsync($"COPY \"ForumTopics\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var r in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.Category.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.Title, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(users[r.AuthorNumber - 1].Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(r.LastPostAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(r.PostCount, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(r.Pinned, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(r.Locked, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
            await copy.WriteNullAsync(ct);
            await copy.WriteNullAsync(ct);
        }
        return await copy.CompleteAsync(ct);
    }

    /// <summary>The posts, drawn again from each topic's seeds and written as they are built (the bodies are never all in memory).</summary>
    public static async Task<PostCopyStats> PostsAsync(NpgsqlConnection connection, IEnumerable<TopicRow> topics, IReadOnlyList<UserRow> users, CancellationToken ct)
    {
        long words = 0;
        int hidden = 0, pending = 0, quoting = 0;
        await using var copy = await connection.BeginBinaryImportAsync(
            """COPY "ForumPosts" ("Id", "TopicId", "AuthorId", "Body", "State", "CreatedAt", "EditedAt", "QuotedPostId") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var topic in topics)
        {
            var texts = new ForumTexts(new Random(topic.TextSeed), topic, users);
            var first = true;
            foreach (var p in CommunityFactory.PostSkeleton(topic, users.Count))
            {
                var body = texts.Body(p, first);
                first = false;
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(p.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(p.TopicId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(users[p.AuthorNumber - 1].Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(body, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(p.State, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(p.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteNullAsync(ct);
                if (p.QuotedPostId is { } q) await copy.WriteAsync(q, NpgsqlDbType.Uuid, ct); else await copy.WriteNullAsync(ct);
                words += body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
                if (p.State == "Hidden") hidden++;
                if (p.State == "Pending") pending++;
                if (p.QuotedPostId is not null) quoting++;
            }
        }
        var written = await copy.CompleteAsync(ct);
        return new PostCopyStats(written, words, hidden, pending, quoting);
    }

    public static async Task<ulong> ChatRoomsAsync(NpgsqlConnection connection, IEnumerable<ChatRoomRow> rows, IReadOnlyList<UserRow> users, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            """COPY "ChatRooms" ("Id", "Slug", "Name", "Description", "Kind", "DirectKey", "ForumCategoryId", "CreatedBy", "CreatedAt", "LastMessageAt") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var r in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.Slug, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.Name, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.Description, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync("Public", NpgsqlDbType.Varchar, ct);
            await copy.WriteNullAsync(ct);
            await copy.WriteNullAsync(ct);
            if (r.Members.Length > 0) await copy.WriteAsync(users[r.Members[0] - 1].Id, NpgsqlDbType.Uuid, ct); else await copy.WriteNullAsync(ct);
            await copy.WriteAsync(r.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteNullAsync(ct);
        }
        return await copy.CompleteAsync(ct);
    }

    public static async Task<ulong> ChatMembersAsync(NpgsqlConnection connection, IEnumerable<ChatRoomRow> rows, IReadOnlyList<UserRow> users, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            """COPY "ChatMembers" ("RoomId", "UserId", "Role", "JoinedAt", "LastReadMessageId") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var r in rows)
            for (var i = 0; i < r.Members.Length; i++)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(users[r.Members[i] - 1].Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(i == 0 ? "Owner" : "Member", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteNullAsync(ct);
            }
        return await copy.CompleteAsync(ct);
    }
}
