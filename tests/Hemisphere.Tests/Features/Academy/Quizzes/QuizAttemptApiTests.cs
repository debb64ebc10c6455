using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hemisphere.Features.Academy;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Tests.Features.Academy.Quizzes;

[Collection(AppsCollection.Name)]
public sealed class QuizAttemptApiTests(Apps apps)
{
    private static Guid Id(JsonElement e) => e.GetProperty("id").GetGuid();

    private static Task<QuizAttempt> AttemptAsync(HemisphereApp app, Guid id) =>
        app.WithDbAsync(db => db.QuizAttempts.AsNoTracking().FirstAsync(a => a.Id == id));

    [Theory, BothProviders]
    public async Task A_learner_takes_a_quiz_of_every_kind_and_an_instructor_grades_the_essay(DatabaseProvider provider)
    {
        var app = apps[provider];
        var world = await QuizWorld.CreateAsync(app);
        var quizId = await world.AddQuizAsync(passing: 60);
        var learner = await world.AddLearnerAsync();

        var overview = await (await learner.Client.GetAsync($"/api/v1/academy/quizzes/{quizId}/me")).JsonAsync();
        Assert.True(overview.GetProperty("canStart").GetBoolean());
        Assert.Equal(8, overview.GetProperty("questionCount").GetInt32());

        var response = await learner.Client.PostAsync($"/api/v1/academy/quizzes/{quizId}/attempts", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var attempt = await response.JsonAsync();
        Assert.Equal("inProgress", attempt.GetProperty("state").GetString());
        Assert.Equal(8, attempt.GetProperty("questions").GetArrayLength());
        // Nothing on the paper says which answers are right.
        var raw = attempt.ToString();
        Assert.DoesNotContain("\"correct\":true", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Policía Nacional", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("chain of custody", raw, StringComparison.Ordinal);
        Assert.All(attempt.GetProperty("questions").EnumerateArray(), q => Assert.Equal(JsonValueKind.Null, q.GetProperty("rightAnswer").ValueKind));

        // Every automatic question right except the multiple choice, half right (b only).
        var answers = QuizWorld.Answers(attempt, k => k == QuestionKind.MultipleChoice ? new[] { "b" } : QuizWorld.RightAnswer(k));
        var submitted = await (await QuizWorld.SubmitAsync(learner.Client, Id(attempt), answers)).JsonAsync();
        Assert.Equal("submitted", submitted.GetProperty("state").GetString());
        Assert.Equal(13m, submitted.GetProperty("score").GetDecimal()); // 6 × 2 + 1
        Assert.Equal(18m, submitted.GetProperty("maxScore").GetDecimal());
        Assert.Equal(JsonValueKind.Null, submitted.GetProperty("percent").ValueKind);
        var essay = submitted.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("kind").GetString() == "essay");
        Assert.True(essay.GetProperty("needsGrading").GetBoolean());

        // The edition's instructor grades it; the attempt is graded and the enrolment's grade follows.
        var instructor = await world.InstructorAsync();
        var essayId = world.Questions[QuestionKind.Essay];
        await (await instructor.PutAsJsonAsync($"/api/v1/academy/attempts/{Id(attempt)}/grades/{essayId}", new { points = 5, comment = "Too many" })).ValidationProblemAsync("points");
        await (await instructor.PutAsJsonAsync($"/api/v1/academy/attempts/{Id(attempt)}/grades/{essayId}", new { points = 3 })).ValidationProblemAsync("comment");
        await app.WithDbAsync(async db =>
        {
            db.Add(new LessonView { EnrolmentId = learner.EnrolmentId, LessonId = world.ReadingLessonId });
            return await db.SaveChangesAsync();
        });
        var graded = await instructor.PutAsJsonAsync($"/api/v1/academy/attempts/{Id(attempt)}/grades/{essayId}", new { points = 3.5, comment = "Good, but no chain of custody." });
        Assert.Equal(HttpStatusCode.OK, graded.StatusCode);
        var after = await (await learner.Client.GetAsync($"/api/v1/academy/attempts/{Id(attempt)}")).JsonAsync();
        Assert.Equal("graded", after.GetProperty("state").GetString());
        Assert.Equal(16.5m, after.GetProperty("score").GetDecimal());
        Assert.Equal(91.67m, after.GetProperty("percent").GetDecimal());
        Assert.True(after.GetProperty("passed").GetBoolean());
        Assert.True(after.GetProperty("feedbackShown").GetBoolean());
        var essayAfter = after.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("kind").GetString() == "essay");
        Assert.Equal("Good, but no chain of custody.", essayAfter.GetProperty("comment").GetString());
        Assert.Equal(3.5m, essayAfter.GetProperty("awarded").GetDecimal());
        var multiple = after.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("kind").GetString() == "multipleChoice");
        Assert.Equal(1m, multiple.GetProperty("awarded").GetDecimal());
        Assert.Equal(2, multiple.GetProperty("rightAnswer").GetArrayLength());

        var enrolment = await app.WithDbAsync(db => db.Enrolments.AsNoTracking().FirstAsync(e => e.Id == learner.EnrolmentId));
        Assert.Equal(91.67m, enrolment.Grade);
        Assert.Equal(EnrolmentStatus.Completed, enrolment.Status);
    }

    [Theory, BothProviders]
    public async Task A_closed_tab_resumes_the_same_paper_with_the_saved_answers(DatabaseProvider provider)
    {
        var app = apps[provider];
        var world = await QuizWorld.CreateAsync(app);
        var quizId = await world.AddQuizAsync(timeLimit: 30);
        var learner = await world.AddLearnerAsync();
        var attempt = await QuizWorld.StartAsync(learner.Client, quizId);
        var all = QuizWorld.Answers(attempt);
        var some = all.Take(3).ToDictionary(x => x.Key, x => x.Value);
        var saved = await QuizWorld.SaveAsync(learner.Client, Id(attempt), some);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        // Later (another tab, a new connection): starting again answers the open attempt.
        var again = await learner.Client.PostAsync($"/api/v1/academy/quizzes/{quizId}/attempts", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var resumed = await again.JsonAsync();
        Assert.Equal(Id(attempt), Id(resumed));
        Assert.Equal(attempt.GetProperty("questions").ToString(), resumed.GetProperty("questions").ToString());
        Assert.Equal(attempt.GetProperty("deadlineAt").GetDateTimeOffset(), resumed.GetProperty("deadlineAt").GetDateTimeOffset());
        Assert.Equal(3, resumed.GetProperty("answers").EnumerateObject().Count());
        var read = await (await learner.Client.GetAsync($"/api/v1/academy/attempts/{Id(attempt)}")).JsonAsync();
        Assert.Equal(attempt.GetProperty("questions").ToString(), read.GetProperty("questions").ToString());
        foreach (var (key, _) in some) Assert.True(read.GetProperty("answers").TryGetProperty(key, out _));
        var overview = await (await learner.Client.GetAsync($"/api/v1/academy/quizzes/{quizId}/me")).JsonAsync();
        Assert.Equal(Id(attempt), overview.GetProperty("openAttemptId").GetGuid());

        // Autosave is last-write-wins: the whole set replaces the saved one; then the learner finishes.
        Assert.Equal(HttpStatusCode.OK, (await QuizWorld.SaveAsync(learner.Client, Id(attempt), all)).StatusCode);
        var done = await (await QuizWorld.SubmitAsync(learner.Client, Id(attempt))).JsonAsync();
        Assert.Equal(14m, done.GetProperty("score").GetDecimal());
        Assert.Equal(1, await app.WithDbAsync(db => db.QuizAttempts.CountAsync(a => a.QuizId == quizId)));
    }

    [Theory, BothProviders]
    public async Task Two_concurrent_starts_make_one_attempt(DatabaseProvider provider)
    {
        var app = apps[provider];
        var world = await QuizWorld.CreateAsync(app);
        var quizId = await world.AddQuizAsync();
        var learner = await world.AddLearnerAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => learner.Client.PostAsync($"/api/v1/academy/quizzes/{quizId}/attempts", null)));
        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));
        var ids = new HashSet<Guid>();
        foreach (var r in responses) ids.Add(Id(await r.JsonAsync()));
        Assert.Single(ids);
        Assert.Equal(1, await app.WithDbAsync(db => db.QuizAttempts.CountAsync(a => a.QuizId == quizId)));
    }

    [Theory, BothProviders]
    public async Task Two_concurrent_submissions_grade_once_and_answer_the_same_result(DatabaseProvider provider)
    {
        var app = apps[provider];
        var world = await QuizWorld.CreateAsync(app);
        var (category, _) = await world.AddCategoryAsync("Quick", 3);
        var quizId = await world.AddQuizAsync([(category, 3)], maxAttempts: 3);
        var learner = await world.AddLearnerAsync();
        var attempt = await QuizWorld.StartAsync(learner.Client, quizId);
        var answers = QuizWorld.Answers(attempt);
        var responses = await Task.WhenAll(
            QuizWorld.SubmitAsync(learner.Client, Id(attempt), answers),
            QuizWorld.SubmitAsync(learner.Client, Id(attempt), answers));
        var bodies = new List<JsonElement>();
        foreach (var r in responses)
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            bodies.Add(await r.JsonAsync());
        }
        Assert.All(bodies, b => Assert.Equal(Id(attempt), Id(b)));
        Assert.All(bodies, b => Assert.Equal("graded", b.GetProperty("state").GetString()));
        Assert.All(bodies, b => Assert.Equal(100m, b.GetProperty("percent").GetDecimal()));
        Assert.Single(bodies.Select(b => b.GetProperty("submittedAt").GetDateTimeOffset()).Distinct());
        Assert.Equal(1, await app.WithDbAsync(db => db.QuizAttempts.CountAsync(a => a.QuizId == quizId)));
        // A retry later is the same answer too, and autosave is now refused.
        var retry = await (await QuizWorld.SubmitAsync(learner.Client, Id(attempt))).JsonAsync();
        Assert.Equal(bodies[0].GetProperty("submittedAt").GetDateTimeOffset(), retry.GetProperty("submittedAt").GetDateTimeOffset());
        await (await QuizWorld.SaveAsync(learner.Client, Id(attempt), answers)).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, BothProviders]
    public async Task The_time_limit_is_enforced_by_the_server(DatabaseProvider provider)
    {
        var app = apps[provider];
        var world = await QuizWorld.CreateAsync(app);
        var quizId = await world.AddQuizAsync(timeLimit: 1, maxAttempts: 5);
        var learner = await world.AddLearnerAsync();

        // Within the grace after the deadline: accepted.
        var first = await QuizWorld.StartAsync(learner.Client, quizId);
        await MoveDeadlineAsync(app, Id(first), TimeSpan.FromSeconds(-10));
        Assert.Equal(HttpStatusCode.OK, (await QuizWorld.SubmitAsync(learner.Client, Id(first), QuizWorld.Answers(first))).StatusCode);

        // Past the deadline and the grace: refused, and the attempt is closed with the answers saved in time.
        var second = await QuizWorld.StartAsync(learner.Client, quizId);
        Assert.NotEqual(Id(first), Id(second));
        var answers = QuizWorld.Answers(second);
        var saved = answers.Take(2).ToDictionary(x => x.Key, x => x.Value);
        Assert.Equal(HttpStatusCode.OK, (await QuizWorld.SaveAsync(learner.Client, Id(second), saved)).StatusCode);
        await MoveDeadlineAsync(app, Id(second), TimeSpan.FromMinutes(-2));
        await (await QuizWorld.SubmitAsync(learner.Client, Id(second), answers)).ProblemAsync(HttpStatusCode.Conflict);
        await (await QuizWorld.SaveAsync(learner.Client, Id(second), answers)).ProblemAsync(HttpStatusCode.Conflict);
        var closed = await AttemptAsync(app, Id(second));
        Assert.NotEqual(AttemptState.InProgress, closed.State);
        Assert.Equal(2, JsonDocument.Parse(closed.Answers).RootElement.EnumerateObject().Count());
        Assert.Equal(closed.DeadlineAt, closed.SubmittedAt);

        // An attempt left open past its deadline is closed when next touched (here: reading it).
        var third = await QuizWorld.StartAsync(learner.Client, quizId);
        await MoveDeadlineAsync(app, Id(third), TimeSpan.FromMinutes(-5));
        var read = await (await learner.Client.GetAsync($"/api/v1/academy/attempts/{Id(third)}")).JsonAsync();
        Assert.NotEqual("inProgress", read.GetProperty("state").GetString());
        Assert.Equal(0m, read.GetProperty("score").GetDecimal());
    }

    private static Task MoveDeadlineAsync(HemisphereApp app, Guid attemptId, TimeSpan fromNow) => app.WithDbAsync(async db =>
    {
        var deadline = DateTimeOffset.UtcNow + fromNow;
        return await db.QuizAttempts.Where(a => a.Id == attemptId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.DeadlineAt, deadline).SetProperty(a => a.StartedAt, deadline.AddMinutes(-1)));
    });

    [Theory, BothProviders]
    public async Task Attempt_limits_and_who_may_take_the_quiz(DatabaseProvider provider)
    {
        var app = apps[provider];
        var world = await QuizWorld.CreateAsync(app);
        var quizId = await world.AddQuizAsync(maxAttempts: 1);
        var learner = await world.AddLearnerAsync();
        var attempt = await QuizWorld.StartAsync(learner.Client, quizId);
        await QuizWorld.SubmitAsync(learner.Client, Id(attempt), QuizWorld.Answers(attempt));
        await (await learner.Client.PostAsync($"/api/v1/academy/quizzes/{quizId}/attempts", null)).ProblemAsync(HttpStatusCode.Conflict);
        var overview = await (await learner.Client.GetAsync($"/api/v1/academy/quizzes/{quizId}/me")).JsonAsync();
        Assert.False(overview.GetProperty("canStart").GetBoolean());
        Assert.Equal(0, overview.GetProperty("attemptsLeft").GetInt32());

        // Not enrolled, withdrawn, or a quiz no lesson uses: not found.
        var stranger = await app.ClientForRoleAsync(HemisphereRole.Learner);
        await (await stranger.PostAsync($"/api/v1/academy/quizzes/{quizId}/attempts", null)).ProblemAsync(HttpStatusCode.NotFound);
        var withdrawn = await world.AddLearnerAsync(EnrolmentStatus.Withdrawn);
        await (await withdrawn.Client.PostAsync($"/api/v1/academy/quizzes/{quizId}/attempts", null)).ProblemAsync(HttpStatusCode.NotFound);
        var hidden = await world.AddQuizAsync(inLesson: false);
        await (await learner.Client.PostAsync($"/api/v1/academy/quizzes/{hidden}/attempts", null)).ProblemAsync(HttpStatusCode.NotFound);
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/v1/academy/quizzes/{quizId}/attempts", null)).StatusCode);
    }

    [Theory, BothProviders]
    public async Task A_learner_cannot_read_or_change_another_learners_attempt(DatabaseProvider provider)
    {
        var app = apps[provider];
        var world = await QuizWorld.CreateAsync(app);
        var quizId = await world.AddQuizAsync();
        var alice = await world.AddLearnerAsync();
        var bob = await world.AddLearnerAsync();
        var attempt = await QuizWorld.StartAsync(alice.Client, quizId);
        var answers = QuizWorld.Answers(attempt);
        await QuizWorld.SaveAsync(alice.Client, Id(attempt), answers);

        await (await bob.Client.GetAsync($"/api/v1/academy/attempts/{Id(attempt)}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await QuizWorld.SaveAsync(bob.Client, Id(attempt), new Dictionary<string, object?>())).ProblemAsync(HttpStatusCode.NotFound);
        await (await QuizWorld.SubmitAsync(bob.Client, Id(attempt))).ProblemAsync(HttpStatusCode.NotFound);
        var bobs = await QuizWorld.StartAsync(bob.Client, quizId);
        Assert.NotEqual(Id(attempt), Id(bobs));
        Assert.Empty(bobs.GetProperty("answers").EnumerateObject());

        // An instructor of another edition of the same course: not found; of this edition: the whole attempt.
        var (otherEdition, otherInstructor) = await world.AddEditionWithInstructorAsync();
        await (await otherInstructor.GetAsync($"/api/v1/academy/attempts/{Id(attempt)}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherInstructor.GetAsync($"/api/v1/academy/editions/{world.EditionId}/gradebook")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await otherInstructor.GetAsync($"/api/v1/academy/editions/{otherEdition}/gradebook")).StatusCode);
        var instructor = await world.InstructorAsync();
        var seen = await (await instructor.GetAsync($"/api/v1/academy/attempts/{Id(attempt)}")).JsonAsync();
        Assert.Equal(answers.Count, seen.GetProperty("answers").EnumerateObject().Count());
        // Nor may the instructor write the learner's answers.
        await (await QuizWorld.SaveAsync(instructor, Id(attempt), answers)).ProblemAsync(HttpStatusCode.NotFound);

        var stored = await AttemptAsync(app, Id(attempt));
        Assert.Equal(AttemptState.InProgress, stored.State);
        Assert.Equal(answers.Count, JsonDocument.Parse(stored.Answers).RootElement.EnumerateObject().Count());
    }

    [Theory, BothProviders]
    public async Task Bad_answers_are_refused_with_problem_details_and_change_nothing(DatabaseProvider provider)
    {
        var app = apps[provider];
        var world = await QuizWorld.CreateAsync(app);
        var quizId = await world.AddQuizAsync();
        var learner = await world.AddLearnerAsync();
        var attempt = await QuizWorld.StartAsync(learner.Client, quizId);
        var answers = QuizWorld.Answers(attempt);
        await QuizWorld.SaveAsync(learner.Client, Id(attempt), answers.Take(2).ToDictionary(x => x.Key, x => x.Value));
        var before = (await AttemptAsync(app, Id(attempt))).Answers;

        var unknown = Guid.NewGuid().ToString();
        await (await QuizWorld.SaveAsync(learner.Client, Id(attempt), new Dictionary<string, object?> { [unknown] = "a" })).ValidationProblemAsync("answers." + unknown);
        var single = world.Questions[QuestionKind.SingleChoice].ToString();
        var numeric = world.Questions[QuestionKind.Numeric].ToString();
        await (await QuizWorld.SaveAsync(learner.Client, Id(attempt), new Dictionary<string, object?> { [single] = new[] { 1, 2 } })).ValidationProblemAsync("answers." + single);
        await (await QuizWorld.SaveAsync(learner.Client, Id(attempt), new Dictionary<string, object?> { [numeric] = "lots" })).ValidationProblemAsync("answers." + numeric);
        var essay = world.Questions[QuestionKind.Essay].ToString();
        await (await QuizWorld.SaveAsync(learner.Client, Id(attempt), new Dictionary<string, object?> { [essay] = new string('x', 1_000_000) })).ValidationProblemAsync("answers");
        await (await learner.Client.PutAsJsonAsync($"/api/v1/academy/attempts/{Id(attempt)}/answers", new { answers = "all of them" })).ValidationProblemAsync("answers");
        await (await learner.Client.PutAsJsonAsync($"/api/v1/academy/attempts/{Id(attempt)}/answers", new { })).ValidationProblemAsync("answers");
        var malformed = await learner.Client.PutAsync($"/api/v1/academy/attempts/{Id(attempt)}/answers", new StringContent("{\"answers\": {", Encoding.UTF8, "application/json"));
        await malformed.ProblemAsync(HttpStatusCode.BadRequest);
        var badSubmit = await QuizWorld.SubmitAsync(learner.Client, Id(attempt), new Dictionary<string, object?> { [unknown] = "a" });
        await badSubmit.ValidationProblemAsync("answers." + unknown);
        var wrongType = await learner.Client.PostAsync($"/api/v1/academy/attempts/{Id(attempt)}/submit", new StringContent("{\"answers\": [1, 2]}", Encoding.UTF8, "application/json"));
        await wrongType.ValidationProblemAsync("answers");

        var after = await AttemptAsync(app, Id(attempt));
        Assert.Equal(before, after.Answers);
        Assert.Equal(AttemptState.InProgress, after.State);
    }

    [Theory, BothProviders]
    public async Task Right_answers_are_shown_only_when_the_feedback_timing_allows(DatabaseProvider provider)
    {
        var app = apps[provider];
        var world = await QuizWorld.CreateAsync(app);
        var (category, _) = await world.AddCategoryAsync("Feedback", 2);

        static bool Reveals(JsonElement attempt) =>
            attempt.GetProperty("feedbackShown").GetBoolean()
            || attempt.GetProperty("questions").EnumerateArray().Any(q => q.GetProperty("rightAnswer").ValueKind != JsonValueKind.Null
                || q.GetProperty("awarded").ValueKind != JsonValueKind.Null
                || q.GetProperty("choices").EnumerateArray().Any(c => c.GetProperty("correct").ValueKind != JsonValueKind.Null));

        // After the last attempt: not after the first of two, and not while the second is open.
        var lastQuiz = await world.AddQuizAsync([(category, 2)], maxAttempts: 2, feedback: FeedbackTiming.AfterLastAttempt);
        var learner = await world.AddLearnerAsync();
        var first = await QuizWorld.StartAsync(learner.Client, lastQuiz);
        Assert.False(Reveals(first));
        var firstResult = await (await QuizWorld.SubmitAsync(learner.Client, Id(first), QuizWorld.Answers(first))).JsonAsync();
        Assert.False(Reveals(firstResult));
        Assert.Equal(100m, firstResult.GetProperty("percent").GetDecimal());
        var second = await QuizWorld.StartAsync(learner.Client, lastQuiz);
        Assert.False(Reveals(await (await learner.Client.GetAsync($"/api/v1/academy/attempts/{Id(first)}")).JsonAsync()));
        var secondResult = await (await QuizWorld.SubmitAsync(learner.Client, Id(second))).JsonAsync();
        Assert.True(Reveals(secondResult));
        Assert.True(Reveals(await (await learner.Client.GetAsync($"/api/v1/academy/attempts/{Id(first)}")).JsonAsync()));

        // Never: the score, nothing else.
        var neverQuiz = await world.AddQuizAsync([(category, 2)], feedback: FeedbackTiming.Never);
        var never = await QuizWorld.StartAsync(learner.Client, neverQuiz);
        var neverResult = await (await QuizWorld.SubmitAsync(learner.Client, Id(never), QuizWorld.Answers(never))).JsonAsync();
        Assert.False(Reveals(neverResult));
        Assert.Equal(100m, neverResult.GetProperty("percent").GetDecimal());

        // After submission: at once.
        var nowQuiz = await world.AddQuizAsync([(category, 2)]);
        var now = await QuizWorld.StartAsync(learner.Client, nowQuiz);
        Assert.False(Reveals(now));
        Assert.True(Reveals(await (await QuizWorld.SubmitAsync(learner.Client, Id(now))).JsonAsync()));
    }

    [Theory, BothProviders]
    public async Task A_paper_draws_the_asked_number_from_each_category(DatabaseProvider provider)
    {
        var app = apps[provider];
        var world = await QuizWorld.CreateAsync(app, bank: false);
        var (a, aQuestions) = await world.AddCategoryAsync("A", 6);
        var (b, bQuestions) = await world.AddCategoryAsync("B", 4);
        var retired = bQuestions[0];
        await app.WithDbAsync(db => db.Questions.Where(q => q.Id == retired).ExecuteUpdateAsync(s => s.SetProperty(q => q.Retired, true)));
        var quizId = await world.AddQuizAsync([(a, 2), (b, 3)], maxAttempts: 10);
        var learner = await world.AddLearnerAsync();
        for (var i = 0; i < 3; i++)
        {
            var attempt = await QuizWorld.StartAsync(learner.Client, quizId);
            var ids = attempt.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetGuid()).ToList();
            Assert.Equal(5, ids.Distinct().Count());
            Assert.Equal(2, ids.Count(aQuestions.Contains));
            Assert.Equal(3, ids.Count(bQuestions.Contains));
            Assert.DoesNotContain(retired, ids);
            await QuizWorld.SubmitAsync(learner.Client, Id(attempt));
        }
        // When the bank shrinks below a draw, a new attempt is refused rather than short.
        await app.WithDbAsync(db => db.Questions.Where(q => q.Id == bQuestions[1]).ExecuteUpdateAsync(s => s.SetProperty(q => q.Retired, true)));
        await (await learner.Client.PostAsync($"/api/v1/academy/quizzes/{quizId}/attempts", null)).ProblemAsync(HttpStatusCode.Conflict);
    }
}
