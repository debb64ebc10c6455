using System.Net;
using System.Text.Json;
using Hemisphere.Features.Academy;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Tests.Features.Academy.Quizzes;

[Collection(AppsCollection.Name)]
public sealed class QuizPageTests(Apps apps)
{
    private static async Task<HttpClient> SignInAsync(HemisphereApp app, TestUser user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account/login", new() { ["Email"] = user.Email, ["Password"] = user.Password })).StatusCode);
        return client;
    }

    [Theory, BothProviders]
    public async Task A_learner_takes_a_quiz_without_javascript_and_an_instructor_sees_the_gradebook(DatabaseProvider provider)
    {
        var app = apps[provider];
        var world = await QuizWorld.CreateAsync(app, bank: false);
        var (category, _) = await world.AddCategoryAsync("Pages", 2);
        var quizId = await world.AddQuizAsync([(category, 2)], timeLimit: 30);
        var learner = await world.AddLearnerAsync(name: "Página Learner");
        var client = await SignInAsync(app, learner.User);

        var start = await client.GetStringAsync($"/academy/quizzes/{quizId}?lang=en");
        Assert.Contains("Start the quiz", start, StringComparison.Ordinal);
        var started = await client.PostFormAsync($"/academy/quizzes/{quizId}", new());
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var attemptPath = started.Headers.Location!.OriginalString;
        var attemptId = Guid.Parse(attemptPath.Split('/').Last());

        var page = await client.GetStringAsync(attemptPath + "?lang=en");
        Assert.Contains("/js/quiz.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Contains("data-deadline=", page, StringComparison.Ordinal);
        var questions = await app.WithDbAsync(async db => JsonDocument.Parse((await db.QuizAttempts.AsNoTracking().FirstAsync(a => a.Id == attemptId)).Paper)
            .RootElement.EnumerateArray().Select(q => q.GetProperty("id").GetGuid()).ToList());
        Assert.Equal(2, questions.Count);

        // Save one answer with the button, then submit both.
        var fields = new Dictionary<string, string> { ["q." + questions[0].ToString("N")] = "a" };
        var saved = await client.PostFormAsync(attemptPath + "?handler=Save", fields, attemptPath);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var answers = await app.WithDbAsync(async db => (await db.QuizAttempts.AsNoTracking().FirstAsync(a => a.Id == attemptId)).Answers);
        Assert.Contains(questions[0].ToString(), answers, StringComparison.Ordinal);

        fields = new Dictionary<string, string> { ["q." + questions[0].ToString("N")] = "a", ["q." + questions[1].ToString("N")] = "b" };
        var submitted = await client.PostFormAsync(attemptPath + "?handler=Submit", fields, attemptPath);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.EndsWith("/result", submitted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var result = await client.GetStringAsync(attemptPath + "/result?lang=en");
        Assert.Contains("Result of attempt 1", result, StringComparison.Ordinal);
        Assert.Contains("50 %", result, StringComparison.Ordinal);
        // The attempt page of a submitted attempt shows the result.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(attemptPath)).StatusCode);

        // Another learner: not found.
        var other = await world.AddLearnerAsync();
        var otherClient = await SignInAsync(app, other.User);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync(attemptPath + "/result")).StatusCode);

        // The edition's instructor reads the gradebook.
        var instructor = await app.CreateUserAsync(role: null);
        await app.WithDbAsync(async db =>
        {
            db.Add(new EditionInstructor { EditionId = world.EditionId, UserId = instructor.Id });
            return await db.SaveChangesAsync();
        });
        var teacher = await SignInAsync(app, instructor);
        var book = await teacher.GetStringAsync($"/academy/editions/{world.EditionId}/gradebook?lang=en");
        Assert.Contains("Página Learner", book, StringComparison.Ordinal);
        Assert.Contains("gradebook.csv", book, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync(attemptPath + "/result")).StatusCode);
    }

    [Theory, BothProviders]
    public async Task Staff_manage_the_question_bank_with_forms(DatabaseProvider provider)
    {
        var app = apps[provider];
        var world = await QuizWorld.CreateAsync(app);
        var staff = await SignInAsync(app, await app.CreateUserAsync(HemisphereRole.Instructor));
        var bankPath = $"/academy/courses/{world.CourseId}/question-bank";
        var bank = await staff.GetStringAsync(bankPath + "?lang=en");
        Assert.Contains("Question Essay", bank, StringComparison.Ordinal);

        var newPath = bankPath + "/new";
        Assert.Contains("Definition (JSON)", await staff.GetStringAsync(newPath + "?lang=en"), StringComparison.Ordinal);
        var invalid = await staff.PostFormAsync(newPath + "?lang=en", new()
        {
            ["CategoryId"] = world.CategoryId.ToString(),
            ["Kind"] = "singleChoice",
            ["Points"] = "1",
            ["PromptEn"] = "Which?",
            ["Definition"] = """{"choices":[{"id":"a","text":{"en":"x"}},{"id":"b","text":{"en":"y"}}]}""",
        }, newPath);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("definition.choices: Mark exactly one choice as correct.", WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var created = await staff.PostFormAsync(newPath, new()
        {
            ["CategoryId"] = world.CategoryId.ToString(),
            ["Kind"] = "trueFalse",
            ["Points"] = "1",
            ["PromptEn"] = "Is it true?",
            ["Definition"] = """{"correct":true}""",
        }, newPath);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Questions.CountAsync(q => q.CourseId == world.CourseId && q.Prompt.En == "Is it true?")));

        var learner = await world.AddLearnerAsync();
        var learnerClient = await SignInAsync(app, learner.User);
        var refused = await learnerClient.GetAsync(bankPath);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("access-denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
