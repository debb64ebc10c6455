using Npgsql;
using NpgsqlTypes;

namespace Hemisphere.Bench.Generate;

/// <summary>What the academy COPY wrote, for the report.</summary>
public sealed record AcademyCopyStats(long Rows, long LessonWords, int Lessons);

/// <summary>Writes the generated academy with PostgreSQL binary COPY, in the site's own tables and columns (migration AcademyAndForumPaging).</summary>
public static class AcademyCopy
{
    private static string L(string name) => $"\"{name}En\", \"{name}Es\", \"{name}Fr\", \"{name}Pt\"";

    private static async Task BiAsync(NpgsqlBinaryImporter copy, Bi text, CancellationToken ct)
    {
        await copy.WriteAsync(text.En, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(text.Es, NpgsqlDbType.Varchar, ct);
        await copy.WriteNullAsync(ct);
        await copy.WriteNullAsync(ct);
    }

    private static Task OrNullAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);

    private static Task OrNullAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, NpgsqlDbType.Varchar, ct);

    public static async Task<AcademyCopyStats> AllAsync(NpgsqlConnection connection, Academy a, int seed, DateTime now, TimeSpan tokenLifetime, Random tokenRng, CancellationToken ct)
    {
        long rows = 0;
        // The accounts: members, their tokens, their roles.
        await CommunityCopy.UsersAsync(connection, a.Accounts.Select(x => new UserRow(x.Id, x.Number, x.Email, x.DisplayName, x.Language, x.CreatedAt, x.SecurityStamp, x.ConcurrencyStamp)), ct);
        await using (var copy = await connection.BeginBinaryImportAsync("""COPY "ApiTokens" ("Id", "UserId", "Hash", "CreatedAt", "ExpiresAt", "RevokedAt") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var u in a.Accounts)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(BenchIds.Create(u.CreatedAt, tokenRng), NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(u.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(BenchUsers.Hash(u.Token(seed)), NpgsqlDbType.Bytea, ct);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(now + tokenLifetime, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteNullAsync(ct);
            }
            rows += 2L * a.Accounts.Count;
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""COPY "RoleAssignments" ("Id", "UserId", "Role", "CountryCode", "InstitutionId", "GrantedAt", "GrantedBy") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var u in a.Accounts.Where(x => x.Role is not null))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(BenchIds.Create(u.CreatedAt, tokenRng), NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(u.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(u.Role!, NpgsqlDbType.Varchar, ct);
                await copy.WriteNullAsync(ct);
                await OrNullAsync(copy, u.RoleInstitutionId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(u.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteNullAsync(ct);
                rows++;
            }
            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync($"""
            COPY "Courses" ("Id", "Code", "Version", "PreviousVersionId", "Slug", "Status", "Hours", "RequireLessons", "RequireQuizzes", "MinimumAttendancePercent",
                "RequireEssaysGraded", "CreatedBy", "CreatedAt", "UpdatedAt", {L("Summary")}, {L("Title")}) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var c in a.Courses)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(c.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(c.Code, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(1, NpgsqlDbType.Integer, ct);
                await copy.WriteNullAsync(ct);
                await copy.WriteAsync(c.Slug, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync("Published", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(c.Hours, NpgsqlDbType.Numeric, ct);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                await copy.WriteNullAsync(ct);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                await copy.WriteNullAsync(ct);
                await copy.WriteAsync(c.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(c.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await BiAsync(copy, c.Summary, ct);
                await BiAsync(copy, c.Title, ct);
                rows++;
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync($"""COPY "CourseModules" ("Id", "CourseId", "Position", {L("Title")}) FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var m in a.Courses.SelectMany(c => c.Modules))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(m.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(m.CourseId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(m.Position, NpgsqlDbType.Integer, ct);
                await BiAsync(copy, m.Title, ct);
                rows++;
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""COPY "QuestionCategories" ("Id", "CourseId", "Name") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var x in a.Courses.SelectMany(c => c.Categories))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(x.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(x.CourseId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(x.Name, NpgsqlDbType.Varchar, ct);
                rows++;
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync($"""
            COPY "Questions" ("Id", "CourseId", "CategoryId", "Kind", "Points", "Definition", "Retired", "CreatedAt", {L("Feedback")}, {L("Prompt")}) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var q in a.Courses.SelectMany(c => c.Questions))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(q.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(q.CourseId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(q.CategoryId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(q.Kind, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(q.Points, NpgsqlDbType.Numeric, ct);
                await copy.WriteAsync(q.Definition, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(q.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await BiAsync(copy, AcademyVocabulary.Feedback, ct);
                await BiAsync(copy, q.Prompt, ct);
                rows++;
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync($"""
            COPY "Quizzes" ("Id", "CourseId", "TimeLimitMinutes", "MaxAttempts", "PassingPercent", "ShuffleQuestions", "ShuffleChoices", "Feedback", "CreatedAt",
                {L("Instructions")}, {L("Title")}) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var q in a.Courses.SelectMany(c => c.Quizzes))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(q.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(q.CourseId, NpgsqlDbType.Uuid, ct);
                await OrNullAsync(copy, q.TimeLimitMinutes, NpgsqlDbType.Integer, ct);
                await OrNullAsync(copy, q.MaxAttempts, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(q.PassingPercent, NpgsqlDbType.Numeric, ct);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(q.Feedback, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(q.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await BiAsync(copy, AcademyVocabulary.QuizInstructions, ct);
                await BiAsync(copy, q.Title, ct);
                rows++;
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""COPY "QuizDraws" ("QuizId", "CategoryId", "Count") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var q in a.Courses.SelectMany(c => c.Quizzes))
                foreach (var (category, count) in q.Draws)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(q.Id, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(category, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(count, NpgsqlDbType.Integer, ct);
                    rows++;
                }
            await copy.CompleteAsync(ct);
        }
        long words = 0;
        var lessons = 0;
        await using (var copy = await connection.BeginBinaryImportAsync($"""
            COPY "Lessons" ("Id", "CourseId", "ModuleId", "Position", "Kind", "VideoUrl", "LinkUrl", "StoredFileId", "QuizId", "Required", "Minutes",
                {L("Body")}, {L("Title")}) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            var audiences = LibraryVocabulary.Audiences;
            foreach (var c in a.Courses)
                foreach (var x in c.Lessons)
                {
                    Bi body;
                    if (x.Kind == "Quiz") body = new Bi("", "");
                    else
                    {
                        // The body is written now, from the lesson's seed: Markdown with headings, paragraphs and lists, es and en.
                        var r = new Random(x.TextSeed);
                        var context = new LibraryContext(c.Country, c.Country.Profile.Cities[r.Next(c.Country.Profile.Cities.Length)], 2018 + r.Next(8),
                            audiences[r.Next(audiences.Length)], c.Topic.Subjects[r.Next(c.Topic.Subjects.Length)], c.Topic,
                            r.NextDouble() < 0.3 ? LibraryVocabulary.Topics[r.Next(LibraryVocabulary.Topics.Length)] : null);
                        body = new LibraryTexts(r, context).Write("Publication", "es", 250, 650).Body;
                        words += body.Es.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
                    }
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(x.Id, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(x.CourseId, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(x.ModuleId, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(x.Position, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(x.Kind, NpgsqlDbType.Varchar, ct);
                    await OrNullAsync(copy, x.VideoUrl, ct);
                    await copy.WriteNullAsync(ct);
                    await copy.WriteNullAsync(ct);
                    await OrNullAsync(copy, x.QuizId, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                    await copy.WriteAsync(x.Minutes, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(body.En, NpgsqlDbType.Varchar, ct);
                    if (x.Kind == "Quiz") await copy.WriteNullAsync(ct); else await copy.WriteAsync(body.Es, NpgsqlDbType.Varchar, ct);
                    await copy.WriteNullAsync(ct);
                    await copy.WriteNullAsync(ct);
                    await BiAsync(copy, x.Title, ct);
                    rows++;
                    lessons++;
                }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "Editions" ("Id", "CourseId", "Name", "Mode", "Language", "Venue", "City", "CountryCode", "TimeZone", "StartsOn", "EndsOn", "EnrolmentOpensAt",
                "EnrolmentClosesAt", "Seats", "SelfEnrolment", "RequiresApproval", "ForumCategoryId", "Cancelled", "CreatedAt") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var e in a.Courses.SelectMany(c => c.Editions))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(e.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(e.CourseId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(e.Name, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.Mode, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.Language, NpgsqlDbType.Varchar, ct);
                await OrNullAsync(copy, e.Venue, ct);
                await OrNullAsync(copy, e.City, ct);
                await OrNullAsync(copy, e.CountryCode, ct);
                await copy.WriteAsync(e.TimeZone, NpgsqlDbType.Varchar, ct);
                await OrNullAsync(copy, e.StartsOn, NpgsqlDbType.Date, ct);
                await OrNullAsync(copy, e.EndsOn, NpgsqlDbType.Date, ct);
                await OrNullAsync(copy, e.OpensAt, NpgsqlDbType.TimestampTz, ct);
                await OrNullAsync(copy, e.ClosesAt, NpgsqlDbType.TimestampTz, ct);
                await OrNullAsync(copy, e.Seats, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(e.SelfEnrolment, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(e.RequiresApproval, NpgsqlDbType.Boolean, ct);
                await copy.WriteNullAsync(ct);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(e.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                rows++;
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""COPY "EditionSessions" ("Id", "EditionId", "StartsAt", "EndsAt", "Title") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var e in a.Courses.SelectMany(c => c.Editions))
                foreach (var s in e.Sessions)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(s.Id, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(e.Id, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(s.StartsAt, NpgsqlDbType.TimestampTz, ct);
                    await copy.WriteAsync(s.EndsAt, NpgsqlDbType.TimestampTz, ct);
                    await copy.WriteAsync(s.Title, NpgsqlDbType.Varchar, ct);
                    rows++;
                }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "Learners" ("Id", "UserId", "Email", "NationalId", "CountryCode", "FullName", "InstitutionId", "CreatedAt") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var x in a.Learners)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(x.Id, NpgsqlDbType.Uuid, ct);
                await OrNullAsync(copy, x.UserId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(x.Email, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(x.NationalId, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(x.CountryCode, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(x.FullName, NpgsqlDbType.Varchar, ct);
                await OrNullAsync(copy, x.InstitutionId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(x.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                rows++;
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "Enrolments" ("Id", "EditionId", "CourseId", "LearnerId", "CountryCode", "InstitutionId", "Year", "Status", "Source", "CreatedAt", "EnrolledAt",
                "CompletedAt", "WithdrawnAt", "DecidedBy", "ProgressPercent", "Grade", "GradeOverrideReason", "LastLessonId", "LastActivityAt", "ImportId") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var e in a.Enrolments)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(e.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(e.Edition.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(e.Edition.CourseId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(e.Learner.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(e.Learner.CountryCode, NpgsqlDbType.Varchar, ct);
                await OrNullAsync(copy, e.Learner.InstitutionId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(e.Year, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(e.Status, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.Source, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await OrNullAsync(copy, e.EnrolledAt, NpgsqlDbType.TimestampTz, ct);
                await OrNullAsync(copy, e.CompletedAt, NpgsqlDbType.TimestampTz, ct);
                await OrNullAsync(copy, e.WithdrawnAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteNullAsync(ct);
                await copy.WriteAsync(e.Progress, NpgsqlDbType.Integer, ct);
                await OrNullAsync(copy, e.Grade, NpgsqlDbType.Numeric, ct);
                await copy.WriteNullAsync(ct);
                await OrNullAsync(copy, e.LastLessonId, NpgsqlDbType.Uuid, ct);
                await OrNullAsync(copy, e.LastActivityAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteNullAsync(ct);
                rows++;
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""COPY "LessonViews" ("EnrolmentId", "LessonId", "ViewedAt") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var (enrolment, lesson, at) in a.Views)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(enrolment, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(lesson, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
                rows++;
            }
            await copy.CompleteAsync(ct);
        }
        return new AcademyCopyStats(rows, words, lessons);
    }
}
