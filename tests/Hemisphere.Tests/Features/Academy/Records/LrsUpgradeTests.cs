using Hemisphere.Platform.Data;
using Hemisphere.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hemisphere.Tests.Features.Academy.Records;

/// <summary>
/// The upgrade to XapiTargetedStatements on a database of the version before it: statements already pointed to are marked,
/// and the academy's statements whose outbox messages had given up (scored ones, refused before) are tried again.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class LrsUpgradeTests(Apps apps)
{
    private const string Migration = "_XapiTargetedStatements";
    private const string EmptyJson = "{{}}"; // "{}" once ExecuteSqlRaw has formatted the text

    private async Task<HemisphereDb> NewDatabaseAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), "hemisphere-upgrade-" + Guid.NewGuid().ToString("N")[..8] + ".db");
            return new SqliteHemisphereDb(new DbContextOptionsBuilder<SqliteHemisphereDb>().UseSqlite(Apps.SqliteConnectionString(path)).Options);
        }
        var connection = await apps.Cluster.CreateDatabaseAsync("upgrade");
        return new PostgresHemisphereDb(new DbContextOptionsBuilder<PostgresHemisphereDb>().UseNpgsql(connection).Options);
    }

    [Theory, BothProviders]
    public async Task Upgrading_marks_the_statements_pointed_to_and_retries_academy_statements_that_had_given_up(DatabaseProvider provider)
    {
        await using var db = await NewDatabaseAsync(provider);
        var migrations = db.Database.GetMigrations().ToList();
        var index = migrations.FindIndex(m => m.EndsWith(Migration, StringComparison.Ordinal));
        Assert.True(index > 0, "the migration is there, after others");
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[index - 1]);

        // Rows as the previous version wrote them: a statement, a StatementRef to it, one statement nothing points to;
        // an academy statement and a mail whose outbox messages gave up, and an academy statement delivered.
        var time = provider == DatabaseProvider.Sqlite ? "639000000000000000" : "'2026-11-30T10:00:00Z'";
        var False = provider == DatabaseProvider.Sqlite ? "0" : "FALSE";
        var (target, pointer, alone) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        string Statement(long seq, Guid id, Guid? targetId) =>
            $"""({seq}, '{id}', 'http://adlnet.gov/expapi/verbs/experienced', 'mbox:mailto:a@example.org', {time}, {time}, {False}, {(targetId is { } t ? $"'{t}'" : "NULL")}, '', '{EmptyJson}')""";
        // Literals of the test's own making only (ids, times): no parameter syntax differs less between the two databases.
        var statements = $"""
            INSERT INTO "XapiStatements" ("Seq", "Id", "VerbId", "ActorKey", "Stored", "Timestamp", "Voided", "TargetId", "ReceivedHash", "Json")
            VALUES {Statement(1, target, null)}, {Statement(2, pointer, target)}, {Statement(3, alone, null)}
            """;
        await db.Database.ExecuteSqlRawAsync(statements);
        var (gaveUp, mail, done) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        string Message(Guid id, string kind, string? failed, string? processed) =>
            $"""('{id}', '{kind}', '{EmptyJson}', {time}, {time}, 8, {failed ?? "NULL"}, {processed ?? "NULL"})""";
        var messages = $"""
            INSERT INTO "Outbox" ("Id", "Kind", "Payload", "CreatedAt", "AvailableAt", "Attempts", "FailedAt", "ProcessedAt")
            VALUES {Message(gaveUp, "academy.xapi", time, null)}, {Message(mail, "mail.send", time, null)}, {Message(done, "academy.xapi", null, time)}
            """;
        await db.Database.ExecuteSqlRawAsync(messages);

        await migrator.MigrateAsync();

        var targeted = await db.Database.SqlQueryRaw<long>("""SELECT "Seq" AS "Value" FROM "XapiStatements" WHERE "Targeted" ORDER BY "Seq" """).ToListAsync();
        Assert.Equal([1L], targeted);
        var retried = await db.Database.SqlQueryRaw<int>("""SELECT "Attempts" AS "Value" FROM "Outbox" WHERE "FailedAt" IS NULL AND "ProcessedAt" IS NULL""").ToListAsync();
        Assert.Equal([0], retried);
        var stillFailed = await db.Database.SqlQueryRaw<int>("""SELECT "Attempts" AS "Value" FROM "Outbox" WHERE "FailedAt" IS NOT NULL""").ToListAsync();
        Assert.Equal([8], stillFailed);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        if (provider == DatabaseProvider.Sqlite) await db.Database.EnsureDeletedAsync();
    }
}
