using System.Globalization;
using System.Text;
using System.Text.Json;
using Hemisphere.Platform.Search;
using A = Hemisphere.Bench.Generate.AcademyVocabulary;
using V = Hemisphere.Bench.Generate.LibraryVocabulary;

namespace Hemisphere.Bench.Generate;

/// <summary>A row of "Courses" (always Published, version 1). Popularity: its relative share of the enrolments.</summary>
public sealed record AcademyCourseRow(Guid Id, string Code, string Slug, Bi Title, Bi Summary, decimal Hours, DateTime CreatedAt,
    LibraryTopic Topic, Country Country, double Popularity)
{
    public List<AcademyModuleRow> Modules { get; } = [];
    public List<AcademyLessonRow> Lessons { get; } = [];
    public List<QuestionCategoryRow> Categories { get; } = [];
    public List<QuestionRow> Questions { get; } = [];
    public List<QuizRow> Quizzes { get; } = [];
    public List<EditionRow> Editions { get; } = [];
}

public sealed record AcademyModuleRow(Guid Id, Guid CourseId, int Position, Bi Title);

/// <summary>A row of "Lessons"; the Markdown body (es and en) is written while copying, from <see cref="TextSeed"/>.</summary>
public sealed record AcademyLessonRow(Guid Id, Guid CourseId, Guid ModuleId, int Position, string Kind, Bi Title, int Minutes, Guid? QuizId,
    string? VideoUrl, int TextSeed);

public sealed record QuestionCategoryRow(Guid Id, Guid CourseId, string Name, bool Essays);

/// <summary>A row of "Questions"; Definition is the engine's canonical JSON for the kind.</summary>
public sealed record QuestionRow(Guid Id, Guid CourseId, Guid CategoryId, string Kind, Bi Prompt, decimal Points, string Definition, DateTime CreatedAt);

public sealed record QuizRow(Guid Id, Guid CourseId, Bi Title, int? TimeLimitMinutes, int? MaxAttempts, decimal PassingPercent, string Feedback,
    DateTime CreatedAt, List<(Guid CategoryId, int Count)> Draws);

public sealed record SessionRow(Guid Id, DateTime StartsAt, DateTime EndsAt, string Title);

public sealed record EditionRow(Guid Id, Guid CourseId, string Name, string Mode, string Language, string? Venue, string? City, string? CountryCode,
    string TimeZone, DateOnly? StartsOn, DateOnly? EndsOn, DateTime? OpensAt, DateTime? ClosesAt, int? Seats, bool SelfEnrolment, bool RequiresApproval,
    DateTime CreatedAt, List<SessionRow> Sessions)
{
    /// <summary>Relative share of its course's enrolments.</summary>
    public double Weight { get; init; }
    public int Taken { get; set; }
    public int Waiting { get; set; }
}

/// <summary>A row of "Learners". Number: 1-based; learners 1..learner accounts are linked to the bench learner accounts.</summary>
public sealed record LearnerRow(Guid Id, int Number, Guid? UserId, string Email, string NationalId, string CountryCode, string FullName, Guid? InstitutionId, DateTime CreatedAt);

/// <summary>A row of "Enrolments" (country, institution, course and year copied in as the site does).</summary>
public sealed record EnrolmentRow(Guid Id, EditionRow Edition, LearnerRow Learner, int Year, string Status, string Source, DateTime CreatedAt,
    DateTime? EnrolledAt, DateTime? CompletedAt, DateTime? WithdrawnAt, int Progress, decimal? Grade, Guid? LastLessonId, DateTime? LastActivityAt);

/// <summary>A bench account of the academy: learners (linked to learners 1..n), one staff editor, one institution manager.</summary>
public sealed record AcademyAccount(Guid Id, string Kind, int Number, string Email, string DisplayName, string Language, DateTime CreatedAt,
    string SecurityStamp, string ConcurrencyStamp, string? Role, Guid? RoleInstitutionId)
{
    public string Token(int seed) => BenchUsers.AcademyToken(seed, Kind, Number);
}

public sealed record Academy(List<AcademyCourseRow> Courses, List<LearnerRow> Learners, List<EnrolmentRow> Enrolments,
    List<(Guid EnrolmentId, Guid LessonId, DateTime ViewedAt)> Views, List<AcademyAccount> Accounts, AcademyCourseRow? BurstCourse, InstitutionRow? ManagedInstitution);

/// <summary>
/// The virtual police academy: courses of the DPS's kind with modules, lessons, question banks and quizzes,
/// editions (self-paced, cohorts, on-site with seats, a venue and sessions), officers as learners spread over the
/// member states and the generated institutions, and their enrolments. The most popular course is the one the
/// exam burst and the signed-in scenarios use: every learner account is Enrolled in its self-paced edition.
/// </summary>
public sealed class AcademyFactory(Random rng, IReadOnlyList<Country> countries, IReadOnlyList<InstitutionRow> institutions, DateTime now,
    IReadOnlySet<string> takenCodes, IReadOnlySet<string> takenSlugs)
{
    /// <summary>The academy's fixed "today": statuses and edition dates are drawn against it, so a seed gives the same rows.</summary>
    public static readonly DateTime Today = new(2026, 11, 15, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime FirstCourse = new(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public Academy Create(int courseCount, int learnerCount, int enrolmentCount, int learnerAccounts)
    {
        var courses = Courses(courseCount);
        learnerAccounts = Math.Min(learnerAccounts, learnerCount);
        var accounts = Accounts(learnerAccounts);
        var learners = Learners(learnerCount, accounts);
        var burst = courses.Count > 0 ? courses[0] : null;
        var enrolments = Enrolments(courses, learners, enrolmentCount, learnerAccounts, burst);
        var views = Views(courses, enrolments, learnerAccounts);
        // The institution manager manages the institution with the most learners.
        var managed = learners.Where(l => l.InstitutionId is not null).GroupBy(l => l.InstitutionId!.Value)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => institutions.First(i => i.Id == g.Key)).FirstOrDefault();
        if (managed is not null)
        {
            var i = accounts.FindIndex(a => a.Kind == "manager");
            accounts[i] = accounts[i] with { RoleInstitutionId = managed.Id };
        }
        return new Academy(courses, learners, enrolments, views, accounts, burst, managed);
    }

    // ---------- Curriculum ----------

    private List<AcademyCourseRow> Courses(int count)
    {
        var families = new Weighted<CourseFamily>(A.Families, f => f.Weight);
        var places = new Weighted<Country>(countries, c => PortfolioVocabulary.CountryWeights.GetValueOrDefault(c.Code, 2));
        var codes = new HashSet<string>(takenCodes, StringComparer.Ordinal);
        var slugs = new HashSet<string>(takenSlugs, StringComparer.Ordinal);
        var numbers = new Dictionary<(string, int), int>();
        var list = new List<AcademyCourseRow>(count);
        for (var i = 0; i < count; i++)
        {
            var family = families.Next(rng);
            var topic = V.Topics.First(t => t.Key == family.TopicKey);
            var level = A.Levels[rng.Next(A.Levels.Length)];
            string code;
            do
            {
                var n = numbers.GetValueOrDefault((family.Prefix, level.Hundreds)) + 1;
                numbers[(family.Prefix, level.Hundreds)] = n;
                code = string.Create(Invariant, $"{family.Prefix}-{level.Hundreds + n}");
            } while (!codes.Add(code));
            var theme = family.Titles[rng.Next(family.Titles.Length)];
            var title = rng.NextDouble() < 0.5 ? new Bi($"{level.Name.Es}: {theme.Es}", $"{level.Name.En}: {theme.En}") : theme;
            var country = places.Next(rng);
            var subject = topic.Subjects[rng.Next(topic.Subjects.Length)];
            var audience = V.Audiences[rng.Next(V.Audiences.Length)];
            var s = A.Summaries[rng.Next(A.Summaries.Length)];
            var summary = new Bi(Fill(s.Es, "es", country, subject, audience), Fill(s.En, "en", country, subject, audience));
            var created = FirstCourse.AddDays(rng.Next(0, 4 * 365)).AddMinutes(rng.Next(24 * 60));
            var slug = Slug(code + " " + theme.Es, slugs);
            // Zipf-like popularity by the order drawn: the first course is the most popular (the exam burst's course).
            var popularity = 1 / Math.Pow(i + 5, 0.9);
            var course = new AcademyCourseRow(BenchIds.Create(created, rng), code, slug, title, summary, rng.Next(2, 13) * 5m, created, topic, country, popularity);
            Curriculum(course, burst: i == 0);
            Editions(course, burst: i == 0);
            list.Add(course);
        }
        return list;
    }

    private static string Fill(string pattern, string language, Country country, Bi subject, Bi audience) =>
        LibraryTexts.Fill(pattern, language, new LibraryContext(country, country.Profile.Cities[0], 2025, audience, subject, V.Topics[0], null),
            subject, audience, "", "", "");

    private static string Slug(string text, HashSet<string> taken)
    {
        var folded = TextFolding.Fold(text);
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch)) sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var stem = sb.ToString().Trim('-');
        if (stem.Length > 100) stem = stem[..stem.LastIndexOf('-', 100)];
        var slug = stem;
        for (var n = 2; !taken.Add(slug); n++) slug = $"{stem}-{n}";
        return slug;
    }

    private void Curriculum(AcademyCourseRow c, bool burst)
    {
        var moduleCount = rng.Next(3, 9);
        var quizCount = burst || rng.NextDouble() < 0.5 ? 2 : 1;
        // The question bank: three categories, and a fourth of essays for four courses in ten (never the burst course's).
        var essays = !burst && rng.NextDouble() < 0.4;
        for (var k = 0; k < (essays ? 4 : 3); k++)
            c.Categories.Add(new QuestionCategoryRow(BenchIds.Create(c.CreatedAt, rng), c.Id, A.Categories[k], k == 3));
        foreach (var category in c.Categories) Questions(c, category);
        for (var q = 0; q < quizCount; q++)
        {
            var final = q == quizCount - 1 && quizCount == 2;
            var draws = new List<(Guid, int)>();
            foreach (var category in c.Categories.Where(x => !x.Essays).Take(final ? 3 : 2))
                draws.Add((category.Id, Math.Min(rng.Next(3, 6), c.Questions.Count(x => x.CategoryId == category.Id))));
            if (final && essays) draws.Add((c.Categories[3].Id, 1));
            int? limit = burst ? (final ? null : 30) : final ? rng.Next(4, 7) * 15 : rng.NextDouble() < 0.3 ? null : rng.Next(2, 5) * 10;
            int? attempts = burst ? (final ? null : 3) : final ? 2 : rng.NextDouble() < 0.4 ? null : 3;
            var feedback = burst ? "AfterSubmission" : rng.NextDouble() switch { < 0.7 => "AfterSubmission", < 0.9 => "AfterLastAttempt", _ => "Never" };
            c.Quizzes.Add(new QuizRow(BenchIds.Create(c.CreatedAt, rng), c.Id, A.QuizTitles[final ? 1 : 0], limit, attempts,
                rng.NextDouble() < 0.8 ? 70 : 60, feedback, c.CreatedAt, draws));
        }
        var subjects = c.Topic.Subjects;
        var quizModule = quizCount == 2 ? Math.Max(0, moduleCount / 2 - 1) : moduleCount - 1;
        var titles = Enumerable.Range(0, A.ModuleTitles.Length).OrderBy(_ => rng.Next()).Take(moduleCount).ToList();
        for (var m = 0; m < moduleCount; m++)
        {
            var module = new AcademyModuleRow(BenchIds.Create(c.CreatedAt, rng), c.Id, m + 1,
                m == 0 ? A.ModuleTitles[0] : A.ModuleTitles[titles[m] == 0 ? titles[0] : titles[m]]);
            c.Modules.Add(module);
            var lessons = rng.Next(3, 9);
            for (var p = 1; p <= lessons; p++)
            {
                var t = A.LessonTitles[rng.Next(A.LessonTitles.Length)];
                var subject = subjects[rng.Next(subjects.Length)];
                var city = c.Country.Profile.Cities[rng.Next(c.Country.Profile.Cities.Length)];
                var title = new Bi(LessonTitle(t.Es, "es", subject, city, c.Country), LessonTitle(t.En, "en", subject, city, c.Country));
                var video = t.En.StartsWith("Video", StringComparison.Ordinal) || rng.NextDouble() < 0.1;
                c.Lessons.Add(new AcademyLessonRow(BenchIds.Create(c.CreatedAt, rng), c.Id, module.Id, p, video ? "Video" : "Text", title,
                    rng.Next(2, 9) * 5, null, video ? "https://www.youtube.com/watch?v=" + VideoId() : null, rng.Next()));
            }
            // Quiz lessons close their module: the first quiz after the middle module, the final one after the last.
            if (m == quizModule || (quizCount == 2 && m == moduleCount - 1))
            {
                var quiz = c.Quizzes[m == moduleCount - 1 ? quizCount - 1 : 0];
                c.Lessons.Add(new AcademyLessonRow(BenchIds.Create(c.CreatedAt, rng), c.Id, module.Id, lessons + 1, "Quiz", quiz.Title, 30, quiz.Id, null, 0));
            }
        }
    }

    private static string LessonTitle(string pattern, string language, Bi subject, string city, Country country)
    {
        var s = pattern.Replace("{subject}", subject.In(language), StringComparison.Ordinal).Replace("{city}", city, StringComparison.Ordinal)
            .Replace("{country}", country.Name(language), StringComparison.Ordinal);
        s = language == "es" ? s.Replace(" de el ", " del ", StringComparison.Ordinal).Replace(" en el ", " en el ", StringComparison.Ordinal) : s;
        return char.ToUpperInvariant(s[0]) + s[1..];
    }

    private string VideoId()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return string.Create(11, rng, (span, r) => { for (var i = 0; i < span.Length; i++) span[i] = alphabet[r.Next(alphabet.Length)]; });
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static object T(Bi b) => new { en = b.En, es = b.Es };

    /// <summary>8–14 questions a category, of every kind the engine grades (essays only in the essay category).</summary>
    private void Questions(AcademyCourseRow c, QuestionCategoryRow category)
    {
        var kinds = new Weighted<(string Kind, double W)>(
            [("SingleChoice", 40), ("MultipleChoice", 15), ("TrueFalse", 20), ("ShortAnswer", 8), ("Numeric", 5), ("Matching", 6), ("Ordering", 6)], k => k.W);
        var count = category.Essays ? rng.Next(3, 6) : rng.Next(8, 15);
        for (var i = 0; i < count; i++)
        {
            var kind = category.Essays ? "Essay" : kinds.Next(rng).Kind;
            var subject = c.Topic.Subjects[rng.Next(c.Topic.Subjects.Length)];
            Bi P(Bi pattern) => new(Capital(LessonTitle(pattern.Es, "es", subject, c.Country.Profile.Cities[0], c.Country)),
                Capital(LessonTitle(pattern.En, "en", subject, c.Country.Profile.Cities[0], c.Country)));
            Bi prompt;
            object definition;
            switch (kind)
            {
                case "SingleChoice" or "MultipleChoice":
                    {
                        prompt = P(A.ChoicePrompts[rng.Next(A.ChoicePrompts.Length)]);
                        var picked = Enumerable.Range(0, A.Choices.Length).OrderBy(_ => rng.Next()).Take(rng.Next(3, 6)).ToList();
                        var right = kind == "SingleChoice" ? 1 : rng.Next(2, Math.Min(4, picked.Count));
                        definition = new
                        {
                            choices = picked.Select((k, n) => new { id = ((char)('a' + n)).ToString(), text = T(A.Choices[k]), correct = n < right }).OrderBy(_ => rng.Next()).ToList(),
                        };
                        break;
                    }
                case "TrueFalse":
                    {
                        var k = rng.Next(A.Statements.Length);
                        prompt = P(A.Statements[k]);
                        definition = new { correct = k < 2 };
                        break;
                    }
                case "ShortAnswer":
                    {
                        var (p, accepted) = A.ShortAnswers[rng.Next(A.ShortAnswers.Length)];
                        prompt = p;
                        definition = new { accepted, caseSensitive = false, accentSensitive = false };
                        break;
                    }
                case "Numeric":
                    {
                        var (p, value, tolerance) = A.Numbers[rng.Next(A.Numbers.Length)];
                        prompt = p;
                        definition = new { value, tolerance };
                        break;
                    }
                case "Matching":
                    {
                        prompt = new Bi("Relacione cada término con su definición.", "Match each term with its definition.");
                        var pairs = Enumerable.Range(0, A.Pairs.Length).OrderBy(_ => rng.Next()).Take(rng.Next(3, 5)).ToList();
                        definition = new
                        {
                            left = pairs.Select((k, n) => new { id = "l" + (n + 1), text = T(A.Pairs[k].Term) }).ToList(),
                            right = pairs.Select((k, n) => new { id = "r" + (n + 1), text = T(A.Pairs[k].Definition) }).ToList(),
                            pairs = pairs.Select((_, n) => n).ToDictionary(n => "l" + (n + 1), n => "r" + (n + 1)),
                        };
                        break;
                    }
                case "Ordering":
                    prompt = new Bi("Ordene los pasos de la intervención policial.", "Put the steps of the police intervention in order.");
                    definition = new { items = A.Steps.Select((s, n) => new { id = "s" + (n + 1), text = T(s) }).ToList() };
                    break;
                default:
                    prompt = P(A.EssayPrompts[rng.Next(A.EssayPrompts.Length)]);
                    definition = new { rubric = T(A.Rubric) };
                    break;
            }
            c.Questions.Add(new QuestionRow(BenchIds.Create(c.CreatedAt, rng), c.Id, category.Id, kind, prompt, kind == "Essay" ? 5 : rng.NextDouble() < 0.8 ? 1 : 2,
                JsonSerializer.Serialize(definition, Json), c.CreatedAt));
        }
    }

    private static string Capital(string s) => s.Length > 0 && char.IsLower(s[0]) ? char.ToUpperInvariant(s[0]) + s[1..] : s;

    /// <summary>A self-paced edition (two for some courses, one in English), one to three cohorts, and on-site editions for four courses in ten.</summary>
    private void Editions(AcademyCourseRow c, bool burst)
    {
        EditionRow Add(string name, string mode, string language, string? venue, string? city, string? country, DateOnly? starts, DateOnly? ends,
            int? seats, bool self, bool approval, double weight)
        {
            var created = c.CreatedAt.AddDays(rng.Next(1, 30));
            DateTime? opens = mode == "Cohort" && starts is { } s ? s.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-45) : null;
            DateTime? closes = mode == "Cohort" && starts is { } s2 ? s2.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null;
            var zone = country is not null ? A.TimeZones.GetValueOrDefault(country, "America/New_York") : "America/New_York";
            var e = new EditionRow(BenchIds.Create(created, rng), c.Id, name, mode, language, venue, city, country, zone, starts, ends, opens, closes, seats, self, approval, created, [])
            { Weight = weight };
            c.Editions.Add(e);
            return e;
        }
        Add("Autoaprendizaje", "SelfPaced", "es", null, null, null, null, null, null, true, false, 6);
        if (!burst && rng.NextDouble() < 0.3) Add("Self-paced (English)", "SelfPaced", "en", null, null, null, null, null, null, true, false, 1.5);
        var cohorts = burst ? 2 : rng.Next(1, 4);
        for (var k = 1; k <= cohorts; k++)
        {
            var start = DateOnly.FromDateTime(c.CreatedAt).AddDays(rng.Next(60, 2200));
            var seats = rng.NextDouble() < 0.3 ? rng.Next(10, 31) * 10 : (int?)null;
            Add(string.Create(Invariant, $"Cohorte {k} – {start.Year}"), "Cohort", rng.NextDouble() < 0.85 ? "es" : "en", null, null, null,
                start, start.AddDays(rng.Next(6, 11) * 7), seats, true, rng.NextDouble() < 0.3, 2.5);
        }
        if (burst || rng.NextDouble() < 0.4)
        {
            for (var k = rng.Next(1, 3); k > 0; k--)
            {
                var country = c.Country;
                var city = country.Profile.Cities[rng.Next(country.Profile.Cities.Length)];
                var venue = A.Venues[rng.Next(A.Venues.Length)];
                var start = DateOnly.FromDateTime(c.CreatedAt).AddDays(rng.Next(60, 2200));
                var days = rng.Next(2, 5) * 5;
                var e = Add(string.Create(Invariant, $"{city}, {start:MMMM yyyy}"), "OnSite", country.Language == "es" ? "es" : "en",
                    (country.Language == "es" ? venue.Es : venue.En) + " – " + city, city, country.Code, start, start.AddDays(days + days / 5 * 2), rng.Next(5, 9) * 5, false, false, 0.4);
                var day = start;
                for (var n = 1; n <= days; n++)
                {
                    while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
                    var at = day.ToDateTime(new TimeOnly(13, 0), DateTimeKind.Utc);
                    e.Sessions.Add(new SessionRow(BenchIds.Create(at, rng), at, at.AddHours(rng.Next(3, 7)), string.Create(Invariant, $"Sesión {n}")));
                    day = day.AddDays(1);
                }
            }
        }
    }

    // ---------- People ----------

    private List<AcademyAccount> Accounts(int learnerAccounts)
    {
        var list = new List<AcademyAccount>(learnerAccounts + 2);
        var languages = new Weighted<(string Lang, double W)>([("es", 60), ("en", 20), ("pt", 12), ("fr", 8)], x => x.W);
        AcademyAccount Make(string kind, int n, string? role)
        {
            var language = languages.Next(rng).Lang;
            var created = FirstCourse.AddDays(rng.Next(0, 5 * 365));
            return new AcademyAccount(BenchIds.Create(created, rng), kind, n, BenchUsers.AcademyEmail(kind, n),
                Names.FullName(rng, language, rng.NextDouble() < 0.4), language, created, RandomGuid().ToString("N").ToUpperInvariant(), RandomGuid().ToString("D"), role, null);
        }
        list.Add(Make("staff", 1, "Editor"));
        list.Add(Make("manager", 1, "InstitutionManager"));
        for (var n = 1; n <= learnerAccounts; n++) list.Add(Make("learner", n, null));
        return list;
    }

    private Guid RandomGuid()
    {
        Span<byte> b = stackalloc byte[16];
        rng.NextBytes(b);
        return new Guid(b);
    }

    private List<LearnerRow> Learners(int count, List<AcademyAccount> accounts)
    {
        var places = new Weighted<Country>(countries, c => PortfolioVocabulary.CountryWeights.GetValueOrDefault(c.Code, 2) + c.Profile.Weight);
        // Officers belong to the institutions of their country, police forces above all.
        var byCountry = institutions.Where(i => i.CountryCode is not null).GroupBy(i => i.CountryCode!)
            .ToDictionary(g => g.Key, g => new Weighted<InstitutionRow>(g, i => i.Staff * (i.Kind == Kinds.Police ? 8 : i.Kind is Kinds.Customs or Kinds.Ministry ? 2 : 0.3)));
        var learnerAccounts = accounts.Where(a => a.Kind == "learner").ToList();
        var emails = new HashSet<string>(StringComparer.Ordinal);
        var nationalIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = new List<LearnerRow>(count);
        for (var n = 1; n <= count; n++)
        {
            var country = places.Next(rng);
            var institution = byCountry.TryGetValue(country.Code, out var w) ? w.Next(rng) : null;
            var language = country.Language;
            var name = Names.FullName(rng, language, rng.NextDouble() < 0.3);
            var created = FirstCourse.AddDays(rng.Next(0, 5 * 365)).AddMinutes(rng.Next(24 * 60));
            var account = n <= learnerAccounts.Count ? learnerAccounts[n - 1] : null;
            string email;
            if (account is not null) email = account.Email;
            else
            {
                var parts = TextFolding.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var local = parts.Length > 1 ? $"{parts[0]}.{parts[^1]}" : parts[0];
                local = new string(local.Where(ch => char.IsAsciiLetterLower(ch) || ch == '.').ToArray());
                email = $"{local}@{institution?.Domain ?? "correo.example.org"}";
                for (var k = 2; !emails.Add(email); k++) email = $"{local}{k}@{institution?.Domain ?? "correo.example.org"}";
            }
            emails.Add(email);
            // A national id unique within the country: a running number, scrambled into 8–11 digits.
            var serial = nationalIds.GetValueOrDefault(country.Code) + 1;
            nationalIds[country.Code] = serial;
            var nationalId = (10_000_000L + (serial * 7_919L % 89_999_999L) + serial * 100_000_000L).ToString(Invariant);
            list.Add(new LearnerRow(BenchIds.Create(created, rng), n, account?.Id, email, nationalId, country.Code, account?.DisplayName ?? name, institution?.Id, created));
        }
        return list;
    }

    // ---------- Enrolments ----------

    private List<EnrolmentRow> Enrolments(List<AcademyCourseRow> courses, List<LearnerRow> learners, int total, int learnerAccounts, AcademyCourseRow? burst)
    {
        if (courses.Count == 0 || learners.Count == 0 || total == 0) return [];
        // Courses per learner: at least one, the rest spread with a tail (some officers take many courses).
        var weights = learners.Select(_ => -Math.Log(1 - rng.NextDouble())).ToArray();
        var extra = Weighted<int>.Split(Enumerable.Range(0, learners.Count).ToList(), i => weights[i], Math.Max(0, total - learners.Count)).Select(x => x.Count).ToArray();
        var byPopularity = new Weighted<AcademyCourseRow>(courses, c => c.Popularity);
        var editionsOf = courses.ToDictionary(c => c.Id, c => new Weighted<EditionRow>(c.Editions, e => e.Weight));
        var sources = new Weighted<(string S, double W)>([("Bulk", 50), ("Manager", 20), ("Self", 25), ("Api", 5)], x => x.W);
        var list = new List<EnrolmentRow>(total);
        var taken = new HashSet<Guid>();
        var owed = 0;
        for (var i = 0; i < learners.Count && list.Count < total; i++)
        {
            var learner = learners[i];
            // What a learner could not take (no course left to draw) passes to the next one, so the total is exact.
            var wanted = 1 + extra[i] + owed;
            var k = Math.Min(wanted, Math.Min(40, courses.Count));
            var before = list.Count;
            taken.Clear();
            if (i < learnerAccounts && burst is not null)
            {
                taken.Add(burst.Id);
                list.Add(Enrol(learner, burst.Editions[0], burst, forced: true, sources));
                k--;
            }
            for (var n = 0; n < k && list.Count < total; n++)
            {
                AcademyCourseRow course;
                var guard = 0;
                do course = byPopularity.Next(rng); while (!taken.Add(course.Id) && ++guard < 50);
                if (guard >= 50) break;
                var edition = editionsOf[course.Id].Next(rng);
                // A full on-site edition waitlists a few more, then officers take the self-paced one.
                // A full edition waitlists a few (a quarter of its seats), then officers take the self-paced one.
                if (edition.Seats is { } seats && edition.Taken >= seats && edition.Waiting >= Math.Max(2, seats / 4)) edition = course.Editions[0];
                list.Add(Enrol(learner, edition, course, forced: false, sources));
            }
            owed = wanted - (list.Count - before);
        }
        return list;
    }

    private EnrolmentRow Enrol(LearnerRow learner, EditionRow e, AcademyCourseRow course, bool forced, Weighted<(string S, double W)> sources)
    {
        var today = DateOnly.FromDateTime(Today);
        DateTime created;
        string status;
        if (e.Mode == "SelfPaced")
        {
            var from = e.CreatedAt > learner.CreatedAt ? e.CreatedAt : learner.CreatedAt;
            created = from.AddMinutes(rng.NextDouble() * (Today - from).TotalMinutes);
            status = forced ? "Enrolled" : rng.NextDouble() switch { < 0.36 => "Completed", < 0.50 => "Withdrawn", _ => "Enrolled" };
        }
        else
        {
            var starts = e.StartsOn!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            created = starts.AddDays(-rng.Next(1, 45)).AddMinutes(rng.Next(24 * 60));
            var full = e.Seats is { } seats && e.Taken >= seats;
            if (full) status = "Waitlisted";
            else if (e.EndsOn < today) status = rng.NextDouble() switch { < 0.64 => "Completed", < 0.80 => "Withdrawn", _ => "Enrolled" };
            else if (e.StartsOn > today) status = rng.NextDouble() < 0.04 ? "Waitlisted" : "Enrolled";
            else status = rng.NextDouble() < 0.07 ? "Withdrawn" : "Enrolled";
        }
        if (status is "Enrolled" or "Completed") e.Taken++;
        if (status == "Waitlisted") e.Waiting++;
        var year = e.Mode == "SelfPaced" || e.StartsOn is null ? created.Year : e.StartsOn.Value.Year;
        var lessons = course.Lessons;
        int progress;
        decimal? grade = null;
        DateTime? completed = null, withdrawn = null, last = null;
        switch (status)
        {
            case "Completed":
                progress = 100;
                grade = Math.Round(70 + (decimal)rng.NextDouble() * 30, 2);
                var end = e.EndsOn?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) ?? created.AddDays(rng.Next(10, 120));
                completed = end > Today ? Today.AddDays(-rng.Next(1, 10)) : end;
                if (completed < created) completed = created.AddDays(1);
                last = completed;
                break;
            case "Withdrawn":
                progress = rng.Next(0, 61);
                withdrawn = created.AddDays(rng.Next(1, 60));
                if (withdrawn > Today) withdrawn = Today;
                last = progress > 0 ? withdrawn : null;
                break;
            case "Enrolled":
                progress = forced ? rng.Next(0, 60) : rng.NextDouble() < 0.2 ? 0 : rng.Next(1, 96);
                // Three in ten enrolled officers were active in the last 30 days before generation (real time, like the tokens),
                // so the dashboards' "active" column means something; the others stopped some time ago.
                if (forced || rng.NextDouble() < 0.3) last = now.AddMinutes(-rng.Next(1, 30 * 24 * 60));
                else if (progress > 0) last = created.AddMinutes(rng.NextDouble() * Math.Max(1, (Today - created).TotalMinutes));
                break;
            default:
                progress = 0;
                break;
        }
        Guid? lastLesson = last is not null && progress > 0 && lessons.Count > 0
            ? lessons[Math.Min(lessons.Count - 1, progress * lessons.Count / 100)].Id : null;
        return new EnrolmentRow(BenchIds.Create(created, rng), e, learner, year, status, forced ? "Bulk" : sources.Next(rng).S, created,
            status == "Waitlisted" ? null : created, completed, withdrawn, progress, grade, lastLesson, last);
    }

    /// <summary>Lesson views of the learner accounts' enrolments (the scenarios' learners), as many as their progress says.</summary>
    private List<(Guid, Guid, DateTime)> Views(List<AcademyCourseRow> all, List<EnrolmentRow> enrolments, int learnerAccounts)
    {
        var courses = all.ToDictionary(c => c.Id, c => c.Lessons.Where(l => l.Kind != "Quiz").ToList());
        var list = new List<(Guid, Guid, DateTime)>();
        foreach (var e in enrolments.Where(e => e.Learner.Number <= learnerAccounts && e.Progress > 0))
        {
            var reading = e.Edition.CourseId is var id && courses.TryGetValue(id, out var r) ? r : null;
            if (reading is null) continue;
            var count = e.Progress * reading.Count / 100;
            var at = e.EnrolledAt ?? e.CreatedAt;
            for (var k = 0; k < count; k++) list.Add((e.Id, reading[k].Id, at.AddHours(k * 20 + rng.Next(0, 12))));
        }
        return list;
    }
}
