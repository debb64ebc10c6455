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
public sealed class QuizAuthoringAndGradebookTests(Apps apps)
{
    private static Guid Id(JsonElement e) => e.GetProperty("id").GetGuid();

    [Theory, BothProviders]
    public async Task Staff_build_a_bank_and_a_quiz_through_the_api(DatabaseProvider provider)
    {
        var app = apps[provider];
        var world = await QuizWorld.CreateAsync(app, bank: false);
        var staff = await app.ClientForRoleAsync(HemisphereRole.Instructor);
        var learner = await world.AddLearnerAsync();

        await (await learner.Client.PostAsJsonAsync($"/api/v1/academy/courses/{world.CourseId}/question-categories", new { name = "Nope" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.PostAsJsonAsync($"/api/v1/academy/courses/{Guid.NewGuid()}/question-categories", new { name = "Nope" })).ProblemAsync(HttpStatusCode.NotFound);
        var created = await staff.PostAsJsonAsync($"/api/v1/academy/courses/{world.CourseId}/question-categories", new { name = "Use of force" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var category = Id(await created.JsonAsync());
        await (await staff.PostAsJsonAsync($"/api/v1/academy/courses/{world.CourseId}/question-categories", new { name = "Use of force" })).ValidationProblemAsync("name");

        foreach (var (kind, definition) in QuizWorld.Definitions)
        {
            var body = $$"""{"categoryId":"{{category}}","kind":"{{JsonNamingPolicy.CamelCase.ConvertName(kind.ToString())}}","prompt":{"en":"Q {{kind}}","es":"P {{kind}}"},"points":2,"definition":{{definition}}}""";
            var response = await staff.PostAsync($"/api/v1/academy/courses/{world.CourseId}/questions", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }
        var bad = $$$"""{"categoryId":"{{{category}}}","kind":"singleChoice","prompt":{"en":"Q"},"definition":{"choices":[{"id":"a","text":{"en":"x"},"correct":true},{"id":"b","text":{"en":"y"},"correct":true}]}}""";
        await (await staff.PostAsync($"/api/v1/academy/courses/{world.CourseId}/questions", new StringContent(bad, Encoding.UTF8, "application/json"))).ValidationProblemAsync("definition.choices");
        var badKind = $$$"""{"categoryId":"{{{category}}}","kind":"riddle","prompt":{"en":"Q"},"definition":{}}""";
        await (await staff.PostAsync($"/api/v1/academy/courses/{world.CourseId}/questions", new StringContent(badKind, Encoding.UTF8, "application/json"))).ValidationProblemAsync("kind");

        var questions = await (await staff.GetAsync($"/api/v1/academy/courses/{world.CourseId}/questions")).JsonAsync();
        Assert.Equal(8, questions.GetArrayLength());
        var first = Id(questions[0]);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/academy/questions/{first}/retire", null)).StatusCode);
        Assert.Equal(7, (await (await staff.GetAsync($"/api/v1/academy/courses/{world.CourseId}/questions")).JsonAsync()).GetArrayLength());
        Assert.Equal(8, (await (await staff.GetAsync($"/api/v1/academy/courses/{world.CourseId}/questions?includeRetired=true")).JsonAsync()).GetArrayLength());

        // A quiz may not ask a category for more questions than it holds (7 in use).
        var tooMany = await staff.PostAsJsonAsync($"/api/v1/academy/courses/{world.CourseId}/quizzes", new { title = new { en = "Final" }, draws = new[] { new { categoryId = category, count = 8 } } });
        await tooMany.ValidationProblemAsync("draws[0].count");
        var quizResponse = await staff.PostAsJsonAsync($"/api/v1/academy/courses/{world.CourseId}/quizzes", new
        {
            title = new { en = "Final", es = "Final" },
            timeLimitMinutes = 20,
            maxAttempts = 2,
            passingPercent = 75,
            feedback = "afterLastAttempt",
            draws = new[] { new { categoryId = category, count = 5 } },
        });
        Assert.Equal(HttpStatusCode.Created, quizResponse.StatusCode);
        var quiz = await quizResponse.JsonAsync();
        Assert.Equal(5, quiz.GetProperty("questionCount").GetInt32());
        Assert.Equal("afterLastAttempt", quiz.GetProperty("feedback").GetString());
        await (await staff.DeleteAsync($"/api/v1/academy/question-categories/{category}")).ProblemAsync(HttpStatusCode.Conflict);
        var updated = await staff.PutAsJsonAsync($"/api/v1/academy/quizzes/{Id(quiz)}", new { title = new { en = "Final exam" }, draws = new[] { new { categoryId = category, count = 3 } } });
        Assert.Equal(3, (await updated.JsonAsync()).GetProperty("questionCount").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync($"/api/v1/academy/quizzes/{Id(quiz)}")).StatusCode);
    }

    [Theory, BothProviders]
    public async Task The_gradebook_lists_learners_overrides_grades_with_a_reason_and_exports_csv(DatabaseProvider provider)
    {
        var app = apps[provider];
        var world = await QuizWorld.CreateAsync(app);
        var quizId = await world.AddQuizAsync(maxAttempts: 3);
        var alice = await world.AddLearnerAsync(name: "=HYPERLINK(\"http://evil\")");
        var bob = await world.AddLearnerAsync(name: "Bárbara Núñez");
        var attempt = await QuizWorld.StartAsync(alice.Client, quizId);
        await QuizWorld.SubmitAsync(alice.Client, Id(attempt), QuizWorld.Answers(attempt));
        var instructor = await world.InstructorAsync();

        var book = await (await instructor.GetAsync($"/api/v1/academy/editions/{world.EditionId}/gradebook")).JsonAsync();
        Assert.Single(book.GetProperty("quizzes").EnumerateArray());
        var rows = book.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        var aliceRow = rows.Single(r => r.GetProperty("enrolmentId").GetGuid() == alice.EnrolmentId);
        var cell = aliceRow.GetProperty("cells")[0];
        Assert.Equal(1, cell.GetProperty("attempts").GetInt32());
        Assert.Equal(1, cell.GetProperty("essaysAwaiting").GetInt32());
        Assert.Equal("submitted", cell.GetProperty("lastState").GetString());
        Assert.Equal(0, rows.Single(r => r.GetProperty("enrolmentId").GetGuid() == bob.EnrolmentId).GetProperty("cells")[0].GetProperty("attempts").GetInt32());

        // A learner may not read the gradebook; an override needs a reason and is audited.
        await (await bob.Client.GetAsync($"/api/v1/academy/editions/{world.EditionId}/gradebook")).ProblemAsync(HttpStatusCode.Forbidden);
        var path = $"/api/v1/academy/editions/{world.EditionId}/gradebook/{bob.EnrolmentId}/grade";
        await (await instructor.PutAsJsonAsync(path, new { grade = 80 })).ValidationProblemAsync("reason");
        await (await instructor.PutAsJsonAsync(path, new { grade = 120, reason = "x" })).ValidationProblemAsync("grade");
        await (await bob.Client.PutAsJsonAsync(path, new { grade = 100, reason = "I deserve it" })).ProblemAsync(HttpStatusCode.Forbidden);
        var overridden = await (await instructor.PutAsJsonAsync(path, new { grade = 80, reason = "Oral examination in class" })).JsonAsync();
        Assert.Equal(80m, overridden.GetProperty("grade").GetDecimal());
        var enrolment = await app.WithDbAsync(db => db.Enrolments.AsNoTracking().FirstAsync(e => e.Id == bob.EnrolmentId));
        Assert.Equal(("Oral examination in class", 80m), (enrolment.GradeOverrideReason, enrolment.Grade!.Value));
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == bob.EnrolmentId.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains("academy.grade-overridden", audit);
        Assert.Contains("updated", audit);

        var csv = await instructor.GetAsync($"/api/v1/academy/editions/{world.EditionId}/gradebook.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("Bárbara Núñez", text, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", text, StringComparison.Ordinal);
        Assert.Contains("Oral examination in class", text, StringComparison.Ordinal);
        await (await bob.Client.GetAsync($"/api/v1/academy/editions/{world.EditionId}/gradebook.csv")).ProblemAsync(HttpStatusCode.Forbidden);

        // Essays: only a submitted attempt, only within the question's points; the learner may not grade.
        var essay = world.Questions[QuestionKind.Essay];
        await (await alice.Client.PutAsJsonAsync($"/api/v1/academy/attempts/{Id(attempt)}/grades/{essay}", new { points = 4, comment = "Me" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await instructor.PutAsJsonAsync($"/api/v1/academy/attempts/{Id(attempt)}/grades/{Guid.NewGuid()}", new { points = 1, comment = "?" })).ProblemAsync(HttpStatusCode.NotFound);
        var graded = await (await instructor.PutAsJsonAsync($"/api/v1/academy/attempts/{Id(attempt)}/grades/{essay}", new { points = 4, comment = "Complete." })).JsonAsync();
        Assert.Equal("graded", graded.GetProperty("state").GetString());
        Assert.Equal(100m, graded.GetProperty("percent").GetDecimal());
        var open = await QuizWorld.StartAsync(alice.Client, quizId);
        await (await instructor.PutAsJsonAsync($"/api/v1/academy/attempts/{Id(open)}/grades/{essay}", new { points = 1, comment = "Early" })).ProblemAsync(HttpStatusCode.Conflict);
        var after = await (await instructor.GetAsync($"/api/v1/academy/editions/{world.EditionId}/gradebook")).JsonAsync();
        var afterCell = after.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("enrolmentId").GetGuid() == alice.EnrolmentId).GetProperty("cells")[0];
        Assert.Equal(100m, afterCell.GetProperty("bestPercent").GetDecimal());
        Assert.True(afterCell.GetProperty("passed").GetBoolean());
        Assert.Equal(2, afterCell.GetProperty("attempts").GetInt32());
        Assert.Equal(0, afterCell.GetProperty("essaysAwaiting").GetInt32());
    }
}
