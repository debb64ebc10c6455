using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hemisphere.Bench.Generate;
using Npgsql;
using NpgsqlTypes;

namespace Hemisphere.Bench.Records;

/// <summary>
/// records: the learning records of a generated academy, for the LRS and certificate benchmarks. Writes, with binary
/// COPY into the site's own tables (migration CredentialsAndLearningRecords): --statements xAPI statements of the
/// generated officers, in the shape the academy itself records them (account actor, lesson/course activities, a
/// registration, the parent course, the academy or the bench client as authority) with their index rows, a few in a
/// thousand voided by a later voiding statement; the bench's LRS client (HTTP Basic, scope "all"); and --certificates
/// certificates of completed enrolments, with codes recomputable from the seed (<see cref="BenchRecords"/>).
/// Statements are made one at a time from (seed, n) and streamed: memory does not grow with --statements.
/// The statement tables' secondary indexes and foreign key are dropped during the COPY and built again after it
/// (their definitions read from the catalogue, so they stay the migration's).
/// </summary>
public static class RecordsCommand
{
    private static readonly DateTime First = new(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly (string Id, string Word, double Weight)[] Verbs =
    [
        ("http://adlnet.gov/expapi/verbs/launched", "launched", 30),
        ("http://adlnet.gov/expapi/verbs/experienced", "experienced", 18),
        ("http://adlnet.gov/expapi/verbs/answered", "answered", 20),
        ("http://adlnet.gov/expapi/verbs/completed", "completed", 12),
        ("http://adlnet.gov/expapi/verbs/passed", "passed", 7),
        ("http://adlnet.gov/expapi/verbs/failed", "failed", 3),
        ("http://adlnet.gov/expapi/verbs/attended", "attended", 6),
        ("http://id.tincanapi.com/verb/earned", "earned", 4),
    ];

    public const string VoidedVerb = "http://adlnet.gov/expapi/verbs/voided";

    /// <summary>Statement n (even) is voided by statement n+1 with this chance.</summary>
    private const double VoidedShare = 0.004;

    public static async Task<int> RunAsync(Arguments args)
    {
        args.AllowOnly("--connection", "--statements", "--certificates", "--seed", "--reset");
        var builder = new NpgsqlConnectionStringBuilder(args.Required("--connection"));
        builder.CommandTimeout = 0;
        var statements = args.Int("--statements", 10_000_000, 0, 500_000_000);
        var certificates = args.Int("--certificates", 100_000, 0, 10_000_000);
        var seed = args.Int("--seed", 42, int.MinValue, int.MaxValue);
        var reset = args.Flag("--reset");
        var ct = CancellationToken.None;
        var total = Stopwatch.StartNew();

        await using var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var stored = await ScalarAsync(connection, """SELECT count(*) FROM "XapiStatements" """, ct);
        var generatedCertificates = await ScalarAsync(connection, $"""SELECT count(*) FROM "Certificates" WHERE {BenchIds.SqlIsGenerated}""", ct);
        if ((stored > 0 || generatedCertificates > 0) && !reset)
            throw new BenchException($"The database already holds {stored.ToString("N0", CultureInfo.InvariantCulture)} statements and {generatedCertificates.ToString("N0", CultureInfo.InvariantCulture)} generated certificates. Pass --reset to delete every statement and the generated certificates first.");

        var learners = await IdsAsync(connection, """SELECT "Id" FROM "Learners" ORDER BY "Id" """, ct);
        var lessons = await LessonsAsync(connection, ct);
        if (statements > 0 && (learners.Count == 0 || lessons.Count == 0))
            throw new BenchException("There are no learners or lessons to record statements of: run generate with --courses and --officers first.");

        await ExecuteAsync(connection, "SET maintenance_work_mem = '1GB'", ct);
        var clock = Stopwatch.StartNew();
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            if (reset)
            {
                await ExecuteAsync(connection, """TRUNCATE "XapiStatementRefs", "XapiStatements" """, ct);
                await ExecuteAsync(connection, $"""UPDATE "Enrolments" SET "CertifiedAt" = NULL WHERE "Id" IN (SELECT "EnrolmentId" FROM "Certificates" WHERE {BenchIds.SqlIsGenerated})""", ct);
                await ExecuteAsync(connection, $"""DELETE FROM "Certificates" WHERE {BenchIds.SqlIsGenerated}""", ct);
                await ExecuteAsync(connection, $"""DELETE FROM "XapiClients" WHERE {BenchIds.SqlIsGenerated}""", ct);
            }
            var clientId = await ClientAsync(connection, seed, ct);
            var certified = await CertificatesAsync(connection, seed, certificates, ct);
            var copied = await StatementsAsync(connection, seed, statements, learners, lessons, clientId, ct);
            await tx.CommitAsync(ct);
            var copySeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            await ExecuteAsync(connection, """VACUUM (ANALYZE) "XapiStatements", "XapiStatementRefs", "Certificates", "Enrolments" """, ct);
            var size = await ScalarAsync(connection, """SELECT pg_total_relation_size('"XapiStatements"') + pg_total_relation_size('"XapiStatementRefs"')""", ct);
            static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
            static string S(double s) => s.ToString("0.0", CultureInfo.InvariantCulture) + " s";
            Console.WriteLine($"Statements:     {N(copied.Statements),11}  ({N(copied.Voided)} voided by as many voiding statements; {N(learners.Count)} officers as actors, {N(lessons.Count)} lessons in {N(lessons.Select(l => l.CourseId).Distinct().Count())} courses; {N(copied.Refs)} index rows; {N(size / (1024 * 1024))} MiB with their indexes)");
            Console.WriteLine($"Certificates:   {N(certified),11}  (of completed enrolments; codes from the seed)");
            Console.WriteLine($"LRS client:     {BenchRecords.XapiKey(seed)} (scope all)");
            Console.WriteLine($"Records written in {S(total.Elapsed.TotalSeconds)} (COPY and index builds {S(copySeconds - copied.IndexSeconds)} + {S(copied.IndexSeconds)}, VACUUM ANALYZE {S(clock.Elapsed.TotalSeconds)})");
        }
        return 0;
    }

    private sealed record Lesson(Guid Id, Guid CourseId, string CourseCode);

    private sealed record Copied(long Statements, long Voided, long Refs, double IndexSeconds);

    private static async Task<Guid> ClientAsync(NpgsqlConnection connection, int seed, CancellationToken ct)
    {
        var id = BenchIds.Create(First, new Random(seed));
        await using var command = new NpgsqlCommand("""
            INSERT INTO "XapiClients" ("Id", "Name", "Key", "SecretHash", "Scopes", "CreatedAt", "CreatedBy", "RevokedAt")
            VALUES (@id, 'Bench e-learning package', @key, @hash, 'all', now(), NULL, NULL)
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("key", BenchRecords.XapiKey(seed));
        command.Parameters.AddWithValue("hash", BenchRecords.XapiSecretHash(seed));
        await command.ExecuteNonQueryAsync(ct);
        return id;
    }

    /// <summary>Certificates of the first completed enrolments (by id), as the site issues them; their enrolments marked certified.</summary>
    private static async Task<int> CertificatesAsync(NpgsqlConnection connection, int seed, int wanted, CancellationToken ct)
    {
        if (wanted == 0) return 0;
        var rows = new List<object?[]>();
        await using (var command = new NpgsqlCommand("""
            SELECT e."Id", e."LearnerId", l."UserId", e."CourseId", e."EditionId", l."FullName", c."TitleEs", c."TitleEn", c."Code", c."Hours", e."Grade",
                   ed."Mode", ed."Name", ed."Venue", ed."City", ed."CountryCode", ed."StartsOn", ed."EndsOn", ed."Language", e."CompletedAt"
            FROM "Enrolments" e JOIN "Learners" l ON l."Id" = e."LearnerId" JOIN "Courses" c ON c."Id" = e."CourseId" JOIN "Editions" ed ON ed."Id" = e."EditionId"
            WHERE e."Status" = 'Completed' AND e."CompletedAt" IS NOT NULL
            ORDER BY e."Id" LIMIT @n
            """, connection))
        {
            command.Parameters.AddWithValue("n", wanted);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var row = new object[reader.FieldCount];
                reader.GetValues(row);
                rows.Add(row.Select(v => v is DBNull ? null : v).ToArray());
            }
        }
        var rng = new Random(unchecked(seed * 59 + 0x43455254));
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "Certificates" ("Id", "Code", "EnrolmentId", "LearnerId", "UserId", "CourseId", "EditionId", "HolderName", "CourseTitle", "CourseTitleEn", "CourseCode",
                "Hours", "Grade", "EditionMode", "EditionName", "EditionVenue", "EditionStartsOn", "EditionEndsOn", "Language", "CompletedAt", "IssuedAt", "Signatories")
            FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                var completed = ((DateTime)r[19]!).ToUniversalTime();
                var onSite = (string)r[11]! == "OnSite";
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(BenchIds.Create(completed, rng), NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(BenchRecords.CertificateCode(seed, i + 1), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync((Guid)r[0]!, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync((Guid)r[1]!, NpgsqlDbType.Uuid, ct);
                if (r[2] is Guid user) await copy.WriteAsync(user, NpgsqlDbType.Uuid, ct); else await copy.WriteNullAsync(ct);
                await copy.WriteAsync((Guid)r[3]!, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync((Guid)r[4]!, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync((string)r[5]!, NpgsqlDbType.Varchar, ct);
                var language = (string)r[18]!;
                var title = language == "es" && r[6] is string es && es.Length > 0 ? es : (string)r[7]!;
                await copy.WriteAsync(title, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync((string)r[7]!, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync((string)r[8]!, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync((decimal)r[9]!, NpgsqlDbType.Numeric, ct);
                if (r[10] is decimal grade) await copy.WriteAsync(grade, NpgsqlDbType.Numeric, ct); else await copy.WriteNullAsync(ct);
                await copy.WriteAsync((string)r[11]!, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync((string)r[12]!, NpgsqlDbType.Varchar, ct);
                var venue = onSite ? string.Join(", ", new[] { r[13] as string, r[14] as string, r[15] as string }.Where(s => !string.IsNullOrWhiteSpace(s))) : null;
                if (venue is { Length: > 0 }) await copy.WriteAsync(venue, NpgsqlDbType.Varchar, ct); else await copy.WriteNullAsync(ct);
                if (Day(r[16]) is { } starts) await copy.WriteAsync(starts, NpgsqlDbType.Date, ct); else await copy.WriteNullAsync(ct);
                if (Day(r[17]) is { } ends) await copy.WriteAsync(ends, NpgsqlDbType.Date, ct); else await copy.WriteNullAsync(ct);
                await copy.WriteAsync(language, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(completed, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(completed.AddMinutes(2), NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync("Director, Department of Public Security", NpgsqlDbType.Varchar, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await ExecuteAsync(connection, $"""
            UPDATE "Enrolments" e SET "CertifiedAt" = c."IssuedAt" FROM "Certificates" c
            WHERE c."EnrolmentId" = e."Id" AND right(c."Id"::text, 8) = '{BenchIds.TextSuffix}'
            """, ct);
        return rows.Count;
    }

    private static DateOnly? Day(object? value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        _ => null,
    };

    /// <summary>The statements and their index rows, streamed; the tables' secondary indexes and foreign keys dropped meanwhile and rebuilt.</summary>
    private static async Task<Copied> StatementsAsync(NpgsqlConnection connection, int seed, int count, List<Guid> learners, List<Lesson> lessons, Guid clientId, CancellationToken ct)
    {
        if (count == 0) return new Copied(0, 0, 0, 0);
        var indexes = new List<string>();
        await using (var command = new NpgsqlCommand("""
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.tablename IN ('XapiStatements', 'XapiStatementRefs') AND i.indexname NOT LIKE 'PK\_%'
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) indexes.Add(reader.GetString(0) + "\t" + reader.GetString(1));
        var foreignKeys = new List<(string Table, string Name, string Definition)>();
        await using (var command = new NpgsqlCommand("""
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE contype = 'f' AND conrelid IN ('"XapiStatementRefs"'::regclass, '"XapiStatements"'::regclass)
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) foreignKeys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        foreach (var (table, name, _) in foreignKeys) await ExecuteAsync(connection, $"""ALTER TABLE {table} DROP CONSTRAINT "{name}" """, ct);
        foreach (var index in indexes) await ExecuteAsync(connection, $"""DROP INDEX "{index.Split('\t')[0]}" """, ct);

        var maker = new Maker(seed, count, learners, lessons);
        long voided = 0;
        var json = new StringBuilder(1400);
        using (var copy = connection.BeginBinaryImport("""
            COPY "XapiStatements" ("Seq", "Id", "VerbId", "ActorKey", "ActivityId", "Registration", "Stored", "Timestamp", "Voided", "Targeted", "VoidsId", "TargetId", "ClientId", "ReceivedHash", "Json")
            FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var n = 0; n < count; n++)
            {
                var f = maker.Make(n);
                var text = maker.Json(f, json);
                copy.StartRow();
                copy.Write(f.Seq, NpgsqlDbType.Bigint);
                copy.Write(f.Id, NpgsqlDbType.Uuid);
                copy.Write(f.Verb, NpgsqlDbType.Varchar);
                copy.Write(f.ActorKey, NpgsqlDbType.Varchar);
                if (f.IsVoiding) copy.WriteNull(); else copy.Write(f.ObjectId, NpgsqlDbType.Varchar);
                if (f.IsVoiding) copy.WriteNull(); else copy.Write(f.Registration, NpgsqlDbType.Uuid);
                copy.Write(f.Stored, NpgsqlDbType.TimestampTz);
                copy.Write(f.Timestamp, NpgsqlDbType.TimestampTz);
                copy.Write(f.IsVoided, NpgsqlDbType.Boolean);
                copy.Write(f.IsVoided, NpgsqlDbType.Boolean); // targeted: by its voiding statement
                if (f.IsVoiding)
                {
                    copy.Write(f.Target, NpgsqlDbType.Uuid);
                    copy.Write(f.Target, NpgsqlDbType.Uuid);
                }
                else
                {
                    copy.WriteNull();
                    copy.WriteNull();
                }
                if (f.UsesClient) copy.Write(clientId, NpgsqlDbType.Uuid); else copy.WriteNull();
                copy.Write(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), NpgsqlDbType.Varchar);
                copy.Write(text, NpgsqlDbType.Text);
                if (f.IsVoided) voided++;
                if ((n + 1) % 1_000_000 == 0) Console.WriteLine($"  {(n + 1).ToString("N0", CultureInfo.InvariantCulture)} statements…");
            }
            copy.Complete();
        }
        // The index rows, made again from (seed, n): what StatementService.Refs makes of each statement.
        long refRows = 0;
        using (var copy = connection.BeginBinaryImport("""COPY "XapiStatementRefs" ("StatementSeq", "Kind", "Key", "VerbId") FROM STDIN (FORMAT BINARY)"""))
        {
            var keys = new List<(int Kind, string Key)>(8);
            for (var n = 0; n < count; n++)
            {
                var f = maker.Make(n);
                keys.Clear();
                maker.Refs(f, keys);
                foreach (var (kind, key) in keys)
                {
                    copy.StartRow();
                    copy.Write(f.Seq, NpgsqlDbType.Bigint);
                    copy.Write(kind, NpgsqlDbType.Integer);
                    copy.Write(key, NpgsqlDbType.Varchar);
                    copy.Write(f.Verb, NpgsqlDbType.Varchar);
                }
                refRows += keys.Count;
                if ((n + 1) % 1_000_000 == 0) Console.WriteLine($"  index rows of {(n + 1).ToString("N0", CultureInfo.InvariantCulture)} statements…");
            }
            copy.Complete();
        }
        await ExecuteAsync(connection, """SELECT setval(pg_get_serial_sequence('"XapiStatements"', 'Seq'), (SELECT max("Seq") FROM "XapiStatements"))""", ct);

        var clock = Stopwatch.StartNew();
        foreach (var index in indexes)
        {
            Console.WriteLine($"  building {index.Split('\t')[0]}…");
            await ExecuteAsync(connection, index.Split('\t')[1], ct);
        }
        foreach (var (table, name, definition) in foreignKeys) await ExecuteAsync(connection, $"""ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}""", ct);
        return new Copied(count, voided, refRows, clock.Elapsed.TotalSeconds);
    }

    /// <summary>What statement n is: everything its row, its JSON and its index rows are made of.</summary>
    private readonly record struct Fact(
        long Seq, Guid Id, string Verb, string Word, string ActorKey, Guid Learner, string ObjectId, string ObjectType, string Name, string Course,
        Guid Registration, DateTime Stored, DateTime Timestamp, bool IsVoiding, bool IsVoided, Guid Target, bool UsesClient, int Score);

    private sealed class Maker(int seed, int count, List<Guid> learners, List<Lesson> lessons)
    {
        private readonly long _span = (DateTime.UtcNow.AddDays(-1) - First).Ticks / Math.Max(1, count);
        private readonly double[] _cumulative = Verbs.Select((_, i) => Verbs.Take(i + 1).Sum(x => x.Weight)).ToArray();
        private readonly string _clientKey = BenchRecords.XapiKey(seed);
        private static readonly string AcademyKey = "account:" + BenchRecords.HomePage + "|academy";

        public Fact Make(int n)
        {
            var h = new Hash(seed, n);
            var stored = First.AddTicks(_span * n + h.Next(1000) * TimeSpan.TicksPerMillisecond);
            var timestamp = stored.AddSeconds(-h.Next(30));
            var isVoiding = n % 2 == 1 && Voided(n - 1);
            var isVoided = n % 2 == 0 && n + 1 < count && Voided(n);
            var id = Uuid(seed, n);
            if (isVoiding)
                return new Fact(n + 1L, id, VoidedVerb, "voided", AcademyKey, Guid.Empty, "", "", "", "", Guid.Empty, stored, timestamp, true, false, Uuid(seed, n - 1), false, 0);
            var usesClient = h.Chance(0.3);
            var learner = learners[h.Next(learners.Count)];
            var lesson = lessons[h.Next(lessons.Count)];
            var pick = h.NextDouble() * _cumulative[^1];
            var v = Array.FindIndex(_cumulative, c => pick < c);
            if (v < 0) v = Verbs.Length - 1;
            var word = Verbs[v].Word;
            var course = BenchRecords.HomePage + "/academy/courses/" + lesson.CourseCode;
            var (objectId, objectType, name) = word switch
            {
                "passed" or "failed" or "attended" => (course, "http://adlnet.gov/expapi/activities/course", "Course " + lesson.CourseCode),
                "earned" => (BenchRecords.HomePage + "/academy/certificates/" + lesson.CourseCode, "https://w3id.org/xapi/adl/activity-types/certificate", "Certificate " + lesson.CourseCode),
                "answered" => (BenchRecords.HomePage + "/academy/lessons/" + lesson.Id + "#q" + (1 + h.Next(10)).ToString(CultureInfo.InvariantCulture), "http://adlnet.gov/expapi/activities/cmi.interaction", "Question"),
                _ => (BenchRecords.HomePage + "/academy/lessons/" + lesson.Id, "http://adlnet.gov/expapi/activities/lesson", "Lesson of " + lesson.CourseCode),
            };
            var score = word == "failed" ? 20 + h.Next(50) : word == "passed" ? 70 + h.Next(31) : h.Next(101);
            return new Fact(n + 1L, id, Verbs[v].Id, word, "account:" + BenchRecords.HomePage + "|" + learner, learner, objectId, objectType, name, course,
                Registration(learner, lesson.CourseId), stored, timestamp, false, isVoided, Guid.Empty, usesClient, score);
        }

        /// <summary>Whether statement n (even) is voided by statement n + 1: a draw of its own.</summary>
        private bool Voided(int n) => new Hash(~seed, n).Chance(VoidedShare);

        private string Authority(Fact f) => f.UsesClient ? _clientKey : "academy";

        public string Json(Fact f, StringBuilder json)
        {
            json.Clear();
            if (f.IsVoiding)
            {
                json.Append("{\"id\":\"").Append(f.Id).Append("\",\"actor\":{\"objectType\":\"Agent\",\"name\":\"Hemisphere Academy\",\"account\":{\"homePage\":\"")
                    .Append(BenchRecords.HomePage).Append("\",\"name\":\"academy\"}},\"verb\":{\"id\":\"").Append(VoidedVerb)
                    .Append("\",\"display\":{\"en-US\":\"voided\"}},\"object\":{\"objectType\":\"StatementRef\",\"id\":\"").Append(f.Target).Append("\"}");
            }
            else
            {
                json.Append("{\"id\":\"").Append(f.Id).Append("\",\"actor\":{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"").Append(BenchRecords.HomePage)
                    .Append("\",\"name\":\"").Append(f.Learner).Append("\"}},\"verb\":{\"id\":\"").Append(f.Verb).Append("\",\"display\":{\"en-US\":\"").Append(f.Word)
                    .Append("\"}},\"object\":{\"objectType\":\"Activity\",\"id\":\"").Append(f.ObjectId).Append("\",\"definition\":{\"name\":{\"en\":\"").Append(f.Name)
                    .Append("\"},\"type\":\"").Append(f.ObjectType).Append("\"}}");
                if (f.Word is "answered" or "passed" or "failed" or "completed")
                {
                    json.Append(",\"result\":{\"score\":{\"scaled\":").Append((f.Score / 100d).ToString("0.00", CultureInfo.InvariantCulture)).Append(",\"raw\":").Append(f.Score)
                        .Append(",\"min\":0,\"max\":100}");
                    if (f.Word is "passed" or "failed") json.Append(",\"success\":").Append(f.Word == "passed" ? "true" : "false");
                    json.Append(",\"completion\":true}");
                }
                json.Append(",\"context\":{\"registration\":\"").Append(f.Registration).Append('"');
                if (f.ObjectId != f.Course)
                    json.Append(",\"contextActivities\":{\"parent\":[{\"objectType\":\"Activity\",\"id\":\"").Append(f.Course).Append("\"}]}");
                json.Append(",\"platform\":\"Hemisphere\",\"language\":\"es\"}");
            }
            json.Append(",\"timestamp\":\"").Append(Format(f.Timestamp)).Append("\",\"stored\":\"").Append(Format(f.Stored))
                .Append("\",\"authority\":{\"objectType\":\"Agent\",\"name\":\"").Append(f.UsesClient ? "Bench e-learning package" : "Hemisphere Academy")
                .Append("\",\"account\":{\"homePage\":\"").Append(BenchRecords.HomePage).Append("\",\"name\":\"").Append(Authority(f)).Append("\"}},\"version\":\"1.0.0\"}");
            return json.ToString();
        }

        /// <summary>Kinds: 0 agent (actor), 1 related agent (actor, authority), 2 activity (object), 3 related activity (object, parent).</summary>
        public void Refs(Fact f, List<(int Kind, string Key)> keys)
        {
            keys.Add((0, f.ActorKey));
            keys.Add((1, f.ActorKey));
            if (f.IsVoiding) return; // the actor is the authority
            keys.Add((2, f.ObjectId));
            keys.Add((3, f.ObjectId));
            if (f.ObjectId != f.Course) keys.Add((3, f.Course));
            keys.Add((1, "account:" + BenchRecords.HomePage + "|" + Authority(f)));
        }
    }

    private static string Format(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Statement n's id: a version 4 UUID from (seed, n).</summary>
    private static Guid Uuid(int seed, long n)
    {
        Span<byte> b = stackalloc byte[16];
        var h = new Hash(seed ^ 0x55AA55AA, n);
        BitConverter.TryWriteBytes(b, h.NextLong());
        BitConverter.TryWriteBytes(b[8..], h.NextLong());
        b[6] = (byte)(0x40 | (b[6] & 0x0F));
        b[8] = (byte)(0x80 | (b[8] & 0x3F));
        return new Guid(b, bigEndian: true);
    }

    /// <summary>The registration of a learner in a course: the same for every statement of theirs in it.</summary>
    private static Guid Registration(Guid learner, Guid course)
    {
        Span<byte> both = stackalloc byte[32];
        learner.TryWriteBytes(both);
        course.TryWriteBytes(both[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(both, hash);
        hash[6] = (byte)(0x40 | (hash[6] & 0x0F));
        hash[8] = (byte)(0x80 | (hash[8] & 0x3F));
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>SplitMix64 over (seed, n): each statement's own stream of draws, so statement n is the same whatever is made before it.</summary>
    private struct Hash(int seed, long n)
    {
        private ulong _state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)n * 0xBF58476D1CE4E5B9UL);

        public long NextLong()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return unchecked((long)(z ^ (z >> 31)));
        }

        public double NextDouble() => (ulong)NextLong() >> 11 is var bits ? bits * (1.0 / (1UL << 53)) : 0;

        public int Next(int max) => (int)((ulong)NextLong() % (ulong)max);

        public bool Chance(double p) => NextDouble() < p;
    }

    private static async Task<List<Guid>> IdsAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        var ids = new List<Guid>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
        return ids;
    }

    private static async Task<List<Lesson>> LessonsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var list = new List<Lesson>();
        await using var command = new NpgsqlCommand("""SELECT l."Id", l."CourseId", c."Code" FROM "Lessons" l JOIN "Courses" c ON c."Id" = l."CourseId" ORDER BY l."Id" """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) list.Add(new Lesson(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2)));
        return list;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}
