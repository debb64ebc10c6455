using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Hemisphere.Bench.Generate;

/// <summary>generate: builds the rows in memory from the seed, then COPYs them in one transaction and analyses the tables.</summary>
public static class GenerateCommand
{
    /// <summary>The "now" of generated data, fixed so that a seed always gives the same rows.</summary>
    private static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>How long the generated members' bearer tokens stay valid after generation.</summary>
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(30);

    public static async Task<int> RunAsync(Arguments args)
    {
        args.AllowOnly("--connection", "--institutions", "--people", "--activities", "--programmes", "--library", "--users", "--forum-topics", "--forum-posts",
            "--chat-members", "--courses", "--officers", "--enrolments", "--learner-accounts", "--seed", "--reset");
        var connectionString = args.Required("--connection");
        var institutionCount = args.Int("--institutions", 2000, 1, 1_000_000);
        var peopleCount = args.Int("--people", 200_000, 0, 50_000_000);
        var activityCount = args.Int("--activities", 5000, 0, 1_000_000);
        var programmeCount = args.Int("--programmes", 20, 0, 10_000);
        var libraryCount = args.Int("--library", 100_000, 0, 5_000_000);
        var userCount = args.Int("--users", 5000, 0, 1_000_000);
        var topicCount = args.Int("--forum-topics", 50_000, 0, 10_000_000);
        var postCount = args.Int("--forum-posts", 1_000_000, 0, 100_000_000);
        var chatMembers = args.Int("--chat-members", 1000, 0, 1_000_000);
        var courseCount = args.Int("--courses", 500, 0, 100_000);
        var officerCount = args.Int("--officers", 200_000, 0, 20_000_000);
        var enrolmentCount = args.Int("--enrolments", 1_000_000, 0, 100_000_000);
        var learnerAccounts = args.Int("--learner-accounts", 6000, 0, 1_000_000);
        if (enrolmentCount > 0 && (courseCount == 0 || officerCount == 0)) throw new UsageException("Enrolments need courses and officers: --courses and --officers must be at least 1.");
        if (topicCount > 0 && userCount == 0) throw new UsageException("Forum topics need authors: --users must be at least 1.");
        if (postCount < topicCount) throw new UsageException("--forum-posts cannot be fewer than --forum-topics (every topic has its first post).");
        var seed = args.Int("--seed", 42, int.MinValue, int.MaxValue);
        var reset = args.Flag("--reset");
        var ct = CancellationToken.None;
        var total = Stopwatch.StartNew();

        // A COPY of a million rows ends with the server checking their foreign keys, which takes minutes on a busy machine:
        // no 30-second command timeout (unless the connection string sets one).
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("timeout", StringComparison.OrdinalIgnoreCase)) builder.CommandTimeout = 0;
        await using var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        await using var connection = await OpenAsync(dataSource, ct);
        var countries = await MemberStates.LoadAsync(connection, ct);
        var existing = await CountGeneratedAsync(connection, ct);
        if (existing > 0 && !reset)
            throw new BenchException($"The database already holds {existing.ToString(CultureInfo.InvariantCulture)} generated rows (ids ending in {BenchIds.TextSuffix}). Pass --reset to delete them first.");

        var clock = Stopwatch.StartNew();
        var rng = new Random(seed);
        var (institutions, certifications) = new InstitutionFactory(rng, countries, Epoch).Create(institutionCount);
        var people = new PersonFactory(rng, countries, institutions, Epoch).Create(peopleCount);
        // The portfolio draws from its own generator, so the directory rows stay what they were before it existed
        // and the activities do not change with --institutions or --people.
        var (programmeKeys, activityKeys) = await OtherPortfolioKeysAsync(connection, ct);
        var portfolio = new ActivityFactory(new Random(unchecked(seed * 7919 + 0x504F5254)), countries, Epoch, programmeKeys, activityKeys);
        var programmes = portfolio.CreateProgrammes(programmeCount);
        var activities = portfolio.CreateActivities(activityCount, programmes);
        // The library too: its own generator, so nothing above changes with --library.
        var library = new LibraryFactory(new Random(unchecked(seed * 104729 + 0x4C494252)), countries, institutions, await OtherLibrarySlugsAsync(connection, ct))
            .Create(libraryCount);
        // The community (members, their tokens, forums, chat rooms): its own generator too.
        var (categorySlugs, roomSlugs) = await OtherCommunitySlugsAsync(connection, ct);
        var community = new CommunityFactory(new Random(unchecked(seed * 15485863 + 0x434F4D4D)), countries, Epoch, categorySlugs, roomSlugs)
            .Create(userCount, topicCount, postCount, chatMembers);
        // The academy: its own generator too, so nothing above changes with it. Recent activity is relative to now, like the tokens.
        var generatedAt = DateTime.UtcNow;
        var (courseCodes, courseSlugs) = await OtherCourseKeysAsync(connection, ct);
        var academy = new AcademyFactory(new Random(unchecked(seed * 2750159 + 0x41434144)), countries, institutions, generatedAt, courseCodes, courseSlugs)
            .Create(courseCount, officerCount, enrolmentCount, learnerAccounts);
        var buildSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        LibraryCopyStats versions;
        PostCopyStats posts;
        AcademyCopyStats academyRows;
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            if (reset && existing > 0) await DeleteGeneratedAsync(connection, ct);
            await DirectoryCopy.InstitutionsAsync(connection, institutions, ct);
            await DirectoryCopy.CertificationsAsync(connection, certifications, ct);
            await DirectoryCopy.PeopleAsync(connection, people, ct);
            await PortfolioCopy.ProgrammesAsync(connection, programmes, ct);
            await PortfolioCopy.ActivitiesAsync(connection, activities, ct);
            await LibraryCopy.ItemsAsync(connection, library, ct);
            versions = await LibraryCopy.VersionsAsync(connection, library, ct);
            await CommunityCopy.UsersAsync(connection, community.Users, ct);
            // Tokens must be valid when the benchmark runs: from the real time of generation, not the fixed epoch.
            await CommunityCopy.TokensAsync(connection, community.Users, seed, DateTime.UtcNow, TokenLifetime, new Random(unchecked(seed * 31 + 0x544F4B)), ct);
            await CommunityCopy.CategoriesAsync(connection, community.Categories, ct);
            await CommunityCopy.CategoryMembersAsync(connection, community.Categories, community.Users, ct);
            await CommunityCopy.TopicsAsync(connection, community.Topics, community.Users, ct);
            posts = await CommunityCopy.PostsAsync(connection, community.Topics, community.Users, ct);
            await CommunityCopy.ChatRoomsAsync(connection, community.Rooms, community.Users, ct);
            await CommunityCopy.ChatMembersAsync(connection, community.Rooms, community.Users, ct);
            academyRows = await AcademyCopy.AllAsync(connection, academy, seed, generatedAt, TokenLifetime, new Random(unchecked(seed * 37 + 0x41544F4B)), ct);
            await tx.CommitAsync(ct);
        }
        var copySeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        // A settled database: statistics for the planner and a visibility map, as autovacuum would leave it.
        await ExecuteAsync(connection, """
            VACUUM (ANALYZE) "Institutions", "QualityCertifications", "People", "Programmes", "Activities", "LibraryItems", "LibraryVersions",
                "AspNetUsers", "ApiTokens", "ForumCategories", "ForumCategoryMembers", "ForumTopics", "ForumPosts", "ChatRooms", "ChatMembers",
                "RoleAssignments", "Courses", "CourseModules", "Lessons", "QuestionCategories", "Questions", "Quizzes", "QuizDraws", "Editions", "EditionSessions",
                "Learners", "Enrolments", "LessonViews"
            """, ct);
        var vacuumSeconds = clock.Elapsed.TotalSeconds;

        Report(countries.Count, institutions, certifications, people, programmes, activities, library, versions, community, posts, academy, academyRows, existing, reset, buildSeconds, copySeconds, vacuumSeconds, total.Elapsed.TotalSeconds);
        return 0;
    }

    private static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            throw new BenchException("Cannot connect to the database: " + e.Message, e);
        }
    }

    private static async Task<long> CountGeneratedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
             SELECT (SELECT count(*) FROM "Institutions" WHERE {BenchIds.SqlIsGenerated})
                  + (SELECT count(*) FROM "QualityCertifications" WHERE {BenchIds.SqlIsGenerated})
                  + (SELECT count(*) FROM "People" WHERE {BenchIds.SqlIsGenerated})
                  + (SELECT count(*) FROM "Programmes" WHERE {BenchIds.SqlIsGenerated})
                  + (SELECT count(*) FROM "Activities" WHERE {BenchIds.SqlIsGenerated})
                  + (SELECT count(*) FROM "LibraryItems" WHERE {BenchIds.SqlIsGenerated})
                  + (SELECT count(*) FROM "AspNetUsers" WHERE {BenchIds.SqlIsGenerated})
                  + (SELECT count(*) FROM "ApiTokens" WHERE {BenchIds.SqlIsGenerated})
                  + (SELECT count(*) FROM "ForumCategories" WHERE {BenchIds.SqlIsGenerated})
                  + (SELECT count(*) FROM "ForumTopics" WHERE {BenchIds.SqlIsGenerated})
                  + (SELECT count(*) FROM "ForumPosts" WHERE {BenchIds.SqlIsGenerated})
                  + (SELECT count(*) FROM "ChatRooms" WHERE {BenchIds.SqlIsGenerated})
                  + (SELECT count(*) FROM "Courses" WHERE {BenchIds.SqlIsGenerated})
                  + (SELECT count(*) FROM "Learners" WHERE {BenchIds.SqlIsGenerated})
             """, connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Keys of programmes and activities that generate did not write (demo data, real records), which
    /// generated names must avoid: both columns are unique.
    /// </summary>
    private static async Task<(HashSet<string> Programmes, HashSet<string> Activities)> OtherPortfolioKeysAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        async Task<HashSet<string>> KeysAsync(string sql)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) keys.Add(reader.GetString(0));
            return keys;
        }
        return (await KeysAsync($"""SELECT "Key" FROM "Programmes" WHERE NOT {BenchIds.SqlIsGenerated}"""),
                await KeysAsync($"""SELECT "ImportKey" FROM "Activities" WHERE NOT {BenchIds.SqlIsGenerated}"""));
    }

    /// <summary>Slugs of library items that generate did not write (demo data, real records): generated slugs avoid them.</summary>
    private static async Task<HashSet<string>> OtherLibrarySlugsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand($"""SELECT "Slug" FROM "LibraryItems" WHERE NOT {BenchIds.SqlIsGenerated}""", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) slugs.Add(reader.GetString(0));
        return slugs;
    }

    /// <summary>Slugs of forum categories and chat rooms that generate did not write: generated slugs avoid them.</summary>
    private static async Task<(HashSet<string> Categories, HashSet<string> Rooms)> OtherCommunitySlugsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        async Task<HashSet<string>> SlugsAsync(string sql)
        {
            var slugs = new HashSet<string>(StringComparer.Ordinal);
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) slugs.Add(reader.GetString(0));
            return slugs;
        }
        return (await SlugsAsync($"""SELECT "Slug" FROM "ForumCategories" WHERE NOT {BenchIds.SqlIsGenerated}"""),
                await SlugsAsync($"""SELECT "Slug" FROM "ChatRooms" WHERE NOT {BenchIds.SqlIsGenerated}"""));
    }

    /// <summary>Codes and slugs of courses that generate did not write (the demo's, real ones): generated ones avoid them.</summary>
    private static async Task<(HashSet<string> Codes, HashSet<string> Slugs)> OtherCourseKeysAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand($"""SELECT "Code", "Slug" FROM "Courses" WHERE NOT {BenchIds.SqlIsGenerated}""", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            codes.Add(reader.GetString(0));
            slugs.Add(reader.GetString(1));
        }
        return (codes, slugs);
    }

    /// <summary>SQL that is true when the uuid column holds a generated id.</summary>
    private static string Generated(string column) => $"right(\"{column}\"::text, 8) = '{BenchIds.TextSuffix}'";

    /// <summary>Only generated rows; anything else (demo data, real records) stays.</summary>
    private static async Task DeleteGeneratedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        // The academy first: enrolments in generated editions or of generated learners (the bulk import's and the exam's included: their
        // attempts, lesson views and attendance cascade), the learners of generated institutions (the bulk import creates some), the
        // bench's import records, then the curriculum, and the academy accounts' roles.
        await ExecuteAsync(connection, $"""DELETE FROM "Enrolments" WHERE {BenchIds.SqlIsGenerated} OR {Generated("EditionId")} OR {Generated("LearnerId")} OR {Generated("InstitutionId")}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "Learners" WHERE {BenchIds.SqlIsGenerated} OR {Generated("UserId")} OR {Generated("InstitutionId")}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "EnrolmentImports" WHERE "FileName" LIKE 'bench-enrolments%'""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "Lessons" WHERE {Generated("CourseId")}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "QuizAttempts" WHERE {Generated("QuizId")}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "QuizDraws" WHERE {Generated("QuizId")}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "Quizzes" WHERE {Generated("CourseId")}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "Questions" WHERE {Generated("CourseId")}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "QuestionCategories" WHERE {Generated("CourseId")}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "Editions" WHERE {Generated("CourseId")}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "Courses" WHERE {BenchIds.SqlIsGenerated}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "RoleAssignments" WHERE {Generated("UserId")}""", ct);
        // The community next: what runs of the benchmark added (chat messages, read markers, follows) goes with the
        // generated members, rooms and topics; then the posts, topics, categories, rooms, tokens and members themselves.
        await ExecuteAsync(connection, $"""DELETE FROM "SearchDocuments" WHERE "Source" = 'forum' AND right("SourceId"::text, 8) = '{BenchIds.TextSuffix}'""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "ChatMessages" WHERE {Generated("RoomId")} OR {Generated("AuthorId")}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "ChatMembers" WHERE {Generated("RoomId")} OR {Generated("UserId")}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "ChatRooms" WHERE {BenchIds.SqlIsGenerated}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "ForumReadStates" WHERE {Generated("TopicId")} OR {Generated("UserId")}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "ForumFollows" WHERE {Generated("UserId")} OR {Generated("TopicId")} OR {Generated("CategoryId")}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "ForumReactions" WHERE {Generated("PostId")} OR {Generated("UserId")}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "ForumPosts" WHERE {BenchIds.SqlIsGenerated}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "ForumTopics" WHERE {BenchIds.SqlIsGenerated} OR {Generated("CategoryId")}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "ForumCategoryMembers" WHERE {Generated("CategoryId")} OR {Generated("UserId")}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "ForumCategories" WHERE {BenchIds.SqlIsGenerated}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "ApiTokens" WHERE {BenchIds.SqlIsGenerated} OR {Generated("UserId")}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "AspNetUsers" WHERE {BenchIds.SqlIsGenerated}""", ct);
        // Their search documents (written by the site's reindex) go with them; versions cascade.
        await ExecuteAsync(connection, $"""DELETE FROM "SearchDocuments" WHERE "Source" = 'library' AND right("SourceId"::text, 8) = '{BenchIds.TextSuffix}'""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "LibraryItems" WHERE {BenchIds.SqlIsGenerated}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "Activities" WHERE {BenchIds.SqlIsGenerated}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "Programmes" WHERE {BenchIds.SqlIsGenerated}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "People" WHERE {BenchIds.SqlIsGenerated}""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "QualityCertifications" WHERE {BenchIds.SqlIsGenerated}""", ct);
        await ExecuteAsync(connection, $"""UPDATE "Institutions" SET "ParentId" = NULL WHERE {BenchIds.SqlIsGenerated} AND "ParentId" IS NOT NULL""", ct);
        await ExecuteAsync(connection, $"""DELETE FROM "Institutions" WHERE {BenchIds.SqlIsGenerated}""", ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void Report(int countries, List<InstitutionRow> institutions, List<CertificationRow> certifications, List<PersonRow> people,
        List<ProgrammeRow> programmes, List<ActivityRow> activities, List<LibraryItemRow> library, LibraryCopyStats versions, Community community, PostCopyStats posts, Academy academy, AcademyCopyStats academyRows, long deleted, bool reset, double build, double copy, double vacuum, double total)
    {
        static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        static string S(double s) => s.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        var memberships = community.Categories.Sum(c => c.Members.Length) + community.Rooms.Sum(r => r.Members.Length);
        var rows = institutions.Count + certifications.Count + people.Count + programmes.Count + activities.Count + library.Count + (long)versions.Versions
            + 2L * community.Users.Count + community.Categories.Count + community.Topics.Count + (long)posts.Posts + community.Rooms.Count + memberships
            + academyRows.Rows;
        if (reset) Console.WriteLine($"Deleted {N(deleted)} previously generated rows.");
        Console.WriteLine($"Member states used: {countries}");
        Console.WriteLine($"Institutions:   {N(institutions.Count),9}  ({N(institutions.Count(i => i.ParentId is not null))} with a parent, {N(institutions.Count(i => i.CountryCode is null))} international)");
        Console.WriteLine($"Certifications: {N(certifications.Count),9}  ({N(certifications.Select(c => c.InstitutionId).Distinct().Count())} institutions certified)");
        Console.WriteLine($"People:         {N(people.Count),9}  ({N(people.Count(p => p.Visibility == "Public"))} public, {N(people.Count(p => p.Visibility == "Members"))} members only, {N(people.Count(p => p.Visibility == "Private"))} private)");
        Console.WriteLine($"Programmes:     {N(programmes.Count),9}");
        var published = activities.Where(a => a.Published).ToList();
        var perCountry = published.SelectMany(a => a.Countries).GroupBy(c => c).Select(g => (Code: g.Key, Count: g.Count())).OrderByDescending(x => x.Count).ThenBy(x => x.Code, StringComparer.Ordinal).ToList();
        var busiest = perCountry.Count > 0 ? $"; most in {perCountry[0].Code}, {N(perCountry[0].Count)} published" : "";
        Console.WriteLine($"Activities:     {N(activities.Count),9}  ({N(published.Count)} published, {N(activities.Count(a => a.ProgrammeId is not null))} in a programme, {N(activities.Count(a => a.FundingAmount is not null))} with funding, {N(activities.Count(a => a.EndDate is null))} open-ended; {perCountry.Count} countries{busiest})");
        var kinds = string.Join(", ", library.GroupBy(i => i.Kind).OrderByDescending(g => g.Count()).Select(g => $"{N(g.Count())} {g.Key}"));
        var languages = string.Join(", ", library.GroupBy(i => string.Join('+', i.Languages.Order(StringComparer.Ordinal))).OrderByDescending(g => g.Count()).Select(g => $"{N(g.Count())} {g.Key}"));
        Console.WriteLine($"Library items:  {N(library.Count),9}  ({kinds}; {languages}; {N(library.Count(i => i.InstitutionId is not null))} with an institution)");
        var meanWords = versions.Versions > 0 ? versions.Words / (long)versions.Versions : 0;
        Console.WriteLine($"Versions:       {N((long)versions.Versions),9}  ({string.Join(", ", versions.PerLanguage.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{N(p.Value)} {p.Key}"))}; bodies {N(versions.MinWords)}–{N(versions.MaxWords)} words, {N(meanWords)} on average, {N(versions.Words)} in all)");
        Console.WriteLine($"Members:        {N(community.Users.Count),9}  ({string.Join(", ", community.Users.GroupBy(u => u.Language).OrderByDescending(g => g.Count()).Select(g => $"{N(g.Count())} {g.Key}"))}; one bearer token each)");
        var busiestCategory = community.Categories.Select(c => (Category: c, Topics: community.Topics.Count(t => t.Category == c))).OrderByDescending(x => x.Topics).FirstOrDefault();
        Console.WriteLine($"Categories:     {N(community.Categories.Count),9}  ({N(community.Categories.Count(c => c.Access == "Private"))} private with {N(community.Categories.Sum(c => c.Members.Length))} members; busiest {busiestCategory.Category?.Slug ?? "none"}, {N(busiestCategory.Topics)} topics)");
        if (community.Topics.Count > 0)
        {
            var sorted = community.Topics.Select(t => t.Posts).Order().ToArray();
            var longest = community.Topics.OrderByDescending(t => t.Posts).First();
            Console.WriteLine($"Topics:         {N(community.Topics.Count),9}  (posts per topic: median {N(sorted[sorted.Length / 2])}, 90th percentile {N(sorted[sorted.Length * 9 / 10])}, 99th {N(sorted[sorted.Length * 99 / 100])}, most {N(sorted[^1])}; {N(sorted.Count(n => n >= 1000))} with 1,000 or more; the longest {longest.Id} in {longest.Category.Slug}; {N(community.Topics.Count(t => t.Pinned))} pinned, {N(community.Topics.Count(t => t.Locked))} locked)");
        }
        Console.WriteLine($"Posts:          {N((long)posts.Posts),9}  ({N(posts.Hidden)} hidden, {N(posts.Pending)} pending, {N(posts.Quoting)} quoting; {N(posts.Words)} words, {N(posts.Posts > 0 ? posts.Words / (long)posts.Posts : 0)} on average)");
        Console.WriteLine($"Chat rooms:     {N(community.Rooms.Count),9}  ({string.Join(", ", community.Rooms.Where(r => r.Members.Length > 0).Select(r => $"{r.Slug} with {N(r.Members.Length)} members"))})");
        AcademyReport(academy, academyRows);
        Console.WriteLine($"Rows: {N(rows)} in {S(total)} (build {S(build)}, COPY {S(copy)}, VACUUM ANALYZE {S(vacuum)}; {N((long)(rows / Math.Max(copy, 0.001)))} rows/s copied)");
    }

    private static void AcademyReport(Academy a, AcademyCopyStats stats)
    {
        static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        if (a.Courses.Count == 0) return;
        var lessons = a.Courses.Sum(c => c.Lessons.Count);
        var editions = a.Courses.SelectMany(c => c.Editions).ToList();
        Console.WriteLine($"Courses:        {N(a.Courses.Count),9}  ({N(a.Courses.Sum(c => c.Modules.Count))} modules, {N(lessons)} lessons ({N(a.Courses.Sum(c => c.Lessons.Count(l => l.Kind == "Quiz")))} quiz lessons; text bodies {N(stats.LessonWords / Math.Max(1, stats.Lessons))} Spanish words on average), {N(a.Courses.Sum(c => c.Questions.Count))} questions in {N(a.Courses.Sum(c => c.Categories.Count))} categories, {N(a.Courses.Sum(c => c.Quizzes.Count))} quizzes)");
        Console.WriteLine($"Editions:       {N(editions.Count),9}  ({string.Join(", ", editions.GroupBy(e => e.Mode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{N(g.Count())} {g.Key}"))}; {N(editions.Sum(e => e.Sessions.Count))} sessions)");
        Console.WriteLine($"Learners:       {N(a.Learners.Count),9}  ({N(a.Learners.Count(l => l.UserId is not null))} linked to bench learner accounts; {N(a.Learners.Select(l => l.CountryCode).Distinct().Count())} countries, {N(a.Learners.Where(l => l.InstitutionId is not null).Select(l => l.InstitutionId).Distinct().Count())} institutions)");
        Console.WriteLine($"Enrolments:     {N(a.Enrolments.Count),9}  ({string.Join(", ", a.Enrolments.GroupBy(e => e.Status).OrderByDescending(g => g.Count()).Select(g => $"{N(g.Count())} {g.Key}"))}; {N(a.Views.Count)} lesson views)");
        if (a.BurstCourse is { } b)
            Console.WriteLine($"Exam course:    {b.Code} {b.Slug} ({N(a.Enrolments.Count(e => e.Edition.CourseId == b.Id))} enrolments; quiz {b.Quizzes[0].Id})");
        if (a.ManagedInstitution is { } m)
            Console.WriteLine($"Manager of:     {m.Name} ({m.CountryCode}, {N(a.Learners.Count(l => l.InstitutionId == m.Id))} learners)");
        Console.WriteLine($"Accounts:       {N(a.Accounts.Count),9}  (bench-learner-00001… linked to learners 1–{N(a.Accounts.Count(x => x.Kind == "learner"))}, bench-staff-00001 (Editor), bench-manager-00001 (InstitutionManager))");
    }
}
