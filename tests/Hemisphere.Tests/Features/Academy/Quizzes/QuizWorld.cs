using System.Net.Http.Json;
using System.Text.Json;
using Hemisphere.Features.Academy;
using Hemisphere.Features.Academy.Quizzes;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;

namespace Hemisphere.Tests.Features.Academy.Quizzes;

/// <summary>A learner of the world: their account, an API client, their learner record and enrolment.</summary>
public sealed record QuizLearner(TestUser User, HttpClient Client, Guid LearnerId, Guid EnrolmentId);

/// <summary>
/// Test data for quizzes, inserted directly (the curriculum and enrolment API is another piece of work): a course with a module,
/// an edition, a question bank with one question of every kind (whose right answers are known) and quizzes referenced by lessons.
/// </summary>
public sealed class QuizWorld
{
    public required HemisphereApp App { get; init; }
    public required Guid CourseId { get; init; }
    public required Guid ModuleId { get; init; }
    public required Guid EditionId { get; init; }
    public required Guid CategoryId { get; init; }

    /// <summary>A required reading lesson: until a learner has viewed it, passing the quizzes does not complete the course (so they may try again).</summary>
    public required Guid ReadingLessonId { get; init; }
    public Dictionary<QuestionKind, Guid> Questions { get; } = [];

    public static string Tag() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>The definitions of the bank's questions: single a; multiple b+c; true; "Interpol"; 9.81 ± 0.05; l1→r1, l2→r2; x, y, z.</summary>
    public static readonly IReadOnlyDictionary<QuestionKind, string> Definitions = new Dictionary<QuestionKind, string>
    {
        [QuestionKind.SingleChoice] = """{"choices":[{"id":"a","text":{"en":"Interpol","es":"Interpol"},"correct":true},{"id":"b","text":{"en":"Europol"}},{"id":"c","text":{"en":"Ameripol"}}]}""",
        [QuestionKind.MultipleChoice] = """{"choices":[{"id":"a","text":{"en":"Red"}},{"id":"b","text":{"en":"Blue"},"correct":true},{"id":"c","text":{"en":"Green"},"correct":true},{"id":"d","text":{"en":"Black"}}]}""",
        [QuestionKind.TrueFalse] = """{"correct":true}""",
        [QuestionKind.ShortAnswer] = """{"accepted":["Policía Nacional"],"caseSensitive":false,"accentSensitive":false}""",
        [QuestionKind.Numeric] = """{"value":9.81,"tolerance":0.05}""",
        [QuestionKind.Matching] = """{"left":[{"id":"l1","text":{"en":"GT"}},{"id":"l2","text":{"en":"HN"}}],"right":[{"id":"r1","text":{"en":"Guatemala"}},{"id":"r2","text":{"en":"Honduras"}},{"id":"r3","text":{"en":"Haiti"}}],"pairs":{"l1":"r1","l2":"r2"}}""",
        [QuestionKind.Ordering] = """{"items":[{"id":"x","text":{"en":"Arrive"}},{"id":"y","text":{"en":"Secure the scene"}},{"id":"z","text":{"en":"Report"}}]}""",
        [QuestionKind.Essay] = """{"rubric":{"en":"Mentions the chain of custody."}}""",
    };

    /// <summary>The right answer to each question of the bank, in the API's answer format.</summary>
    public static object RightAnswer(QuestionKind kind) => kind switch
    {
        QuestionKind.SingleChoice => "a",
        QuestionKind.MultipleChoice => new[] { "b", "c" },
        QuestionKind.TrueFalse => true,
        QuestionKind.ShortAnswer => "  policia   NACIONAL ",
        QuestionKind.Numeric => 9.83,
        QuestionKind.Matching => new Dictionary<string, string> { ["l1"] = "r1", ["l2"] = "r2" },
        QuestionKind.Ordering => new[] { "x", "y", "z" },
        _ => "The chain of custody matters.",
    };

    public static async Task<QuizWorld> CreateAsync(HemisphereApp app, bool bank = true)
    {
        var tag = Tag();
        var course = new Course { Code = "Q-" + tag, Slug = "quiz-course-" + tag, Title = LocalizedText.English("Quiz course " + tag), Status = CourseStatus.Published, Hours = 10 };
        var module = new CourseModule { CourseId = course.Id, Position = 1, Title = LocalizedText.English("Module 1") };
        var edition = new Edition { CourseId = course.Id, Name = "Edition " + tag, Mode = EditionMode.SelfPaced, Language = "en" };
        var category = new QuestionCategory { CourseId = course.Id, Name = "General " + tag };
        var reading = new Lesson { CourseId = course.Id, ModuleId = module.Id, Position = 1, Kind = LessonKind.Text, Title = LocalizedText.English("Reading"), Body = LocalizedText.English("Read this.") };
        var world = new QuizWorld { App = app, CourseId = course.Id, ModuleId = module.Id, EditionId = edition.Id, CategoryId = category.Id, ReadingLessonId = reading.Id };
        await app.WithDbAsync(async db =>
        {
            db.Add(course);
            db.Add(module);
            db.Add(edition);
            db.Add(category);
            db.Add(reading);
            if (bank)
            {
                foreach (var (kind, definition) in Definitions)
                {
                    var q = new Question
                    {
                        CourseId = course.Id,
                        CategoryId = category.Id,
                        Kind = kind,
                        Points = kind == QuestionKind.Essay ? 4 : 2,
                        Prompt = LocalizedText.English("Question " + kind),
                        Feedback = LocalizedText.English("Because " + kind),
                        Definition = QuizEngine.Serialize(QuizEngine.ReadDefinition(kind, definition).Definition!),
                    };
                    db.Add(q);
                    world.Questions[kind] = q.Id;
                }
            }
            await db.SaveChangesAsync();
            return 0;
        });
        return world;
    }

    /// <summary>Adds a category with n single-choice questions (right answer "a").</summary>
    public async Task<(Guid CategoryId, List<Guid> Questions)> AddCategoryAsync(string name, int n)
    {
        var category = new QuestionCategory { CourseId = CourseId, Name = name + " " + Tag() };
        var ids = new List<Guid>();
        await App.WithDbAsync(async db =>
        {
            db.Add(category);
            for (var i = 0; i < n; i++)
            {
                var q = new Question
                {
                    CourseId = CourseId,
                    CategoryId = category.Id,
                    Kind = QuestionKind.SingleChoice,
                    Prompt = LocalizedText.English($"{name} {i}"),
                    Definition = QuizEngine.Serialize(QuizEngine.ReadDefinition(QuestionKind.SingleChoice, Definitions[QuestionKind.SingleChoice]).Definition!),
                };
                db.Add(q);
                ids.Add(q.Id);
            }
            await db.SaveChangesAsync();
            return 0;
        });
        return (category.Id, ids);
    }

    /// <summary>A quiz drawing from categories (default: every question of the bank), used by a quiz lesson of the course.</summary>
    public async Task<Guid> AddQuizAsync(IEnumerable<(Guid CategoryId, int Count)>? draws = null, int? timeLimit = null, int? maxAttempts = null,
        FeedbackTiming feedback = FeedbackTiming.AfterSubmission, decimal passing = 50, bool inLesson = true, bool shuffle = true)
    {
        var quiz = new Quiz
        {
            CourseId = CourseId,
            Title = LocalizedText.English("Quiz " + Tag()),
            TimeLimitMinutes = timeLimit,
            MaxAttempts = maxAttempts,
            Feedback = feedback,
            PassingPercent = passing,
            ShuffleChoices = shuffle,
            ShuffleQuestions = shuffle,
        };
        await App.WithDbAsync(async db =>
        {
            db.Add(quiz);
            foreach (var (c, n) in draws ?? [(CategoryId, Questions.Count)]) db.Add(new QuizDraw { QuizId = quiz.Id, CategoryId = c, Count = n });
            if (inLesson)
                db.Add(new Lesson { CourseId = CourseId, ModuleId = ModuleId, Position = 10, Kind = LessonKind.Quiz, QuizId = quiz.Id, Title = LocalizedText.English("Quiz lesson") });
            await db.SaveChangesAsync();
            return 0;
        });
        return quiz.Id;
    }

    /// <summary>A learner with an account, enrolled (by default) in the world's edition, or in another edition given.</summary>
    public async Task<QuizLearner> AddLearnerAsync(EnrolmentStatus status = EnrolmentStatus.Enrolled, Guid? editionId = null, string? name = null)
    {
        var user = await App.CreateUserAsync(HemisphereRole.Learner);
        var learner = new Learner { UserId = user.Id, Email = user.Email, CountryCode = "GT", FullName = name ?? "Learner " + Tag() };
        var enrolment = new Enrolment
        {
            EditionId = editionId ?? EditionId,
            CourseId = CourseId,
            LearnerId = learner.Id,
            CountryCode = "GT",
            Year = 2026,
            Status = status,
            Source = EnrolmentSource.Manager,
            EnrolledAt = DateTimeOffset.UtcNow,
        };
        await App.WithDbAsync(async db =>
        {
            db.Add(learner);
            db.Add(enrolment);
            await db.SaveChangesAsync();
            return 0;
        });
        return new QuizLearner(user, await App.ClientForAsync(user), learner.Id, enrolment.Id);
    }

    /// <summary>Another edition of the same course, with an instructor: the instructor's client.</summary>
    public async Task<(Guid EditionId, HttpClient Instructor)> AddEditionWithInstructorAsync()
    {
        var edition = new Edition { CourseId = CourseId, Name = "Other " + Tag(), Mode = EditionMode.Cohort };
        var user = await App.CreateUserAsync(role: null);
        await App.WithDbAsync(async db =>
        {
            db.Add(edition);
            db.Add(new EditionInstructor { EditionId = edition.Id, UserId = user.Id });
            await db.SaveChangesAsync();
            return 0;
        });
        return (edition.Id, await App.ClientForAsync(user));
    }

    /// <summary>An instructor of the world's edition (a member without a global role, assigned to the edition).</summary>
    public async Task<HttpClient> InstructorAsync()
    {
        var user = await App.CreateUserAsync(role: null);
        await App.WithDbAsync(async db =>
        {
            db.Add(new EditionInstructor { EditionId = EditionId, UserId = user.Id });
            await db.SaveChangesAsync();
            return 0;
        });
        return await App.ClientForAsync(user);
    }

    public static async Task<JsonElement> StartAsync(HttpClient client, Guid quizId)
    {
        var response = await client.PostAsync($"/api/v1/academy/quizzes/{quizId}/attempts", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    /// <summary>Answers for every question of a paper: right ones, or the ones given per kind.</summary>
    public static Dictionary<string, object?> Answers(JsonElement attempt, Func<QuestionKind, object?>? answer = null)
    {
        var result = new Dictionary<string, object?>();
        foreach (var q in attempt.GetProperty("questions").EnumerateArray())
        {
            var kind = Enum.Parse<QuestionKind>(q.GetProperty("kind").GetString()!, ignoreCase: true);
            result[q.GetProperty("id").GetString()!] = (answer ?? RightAnswer)(kind);
        }
        return result;
    }

    public static Task<HttpResponseMessage> SaveAsync(HttpClient client, Guid attemptId, object answers) =>
        client.PutAsJsonAsync($"/api/v1/academy/attempts/{attemptId}/answers", new { answers });

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, Guid attemptId, object? answers = null) =>
        client.PostAsJsonAsync($"/api/v1/academy/attempts/{attemptId}/submit", new { answers });
}
