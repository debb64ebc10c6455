using System.Net;
using System.Net.Http.Json;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Tests.Features.Academy;

[Collection(AppsCollection.Name)]
public sealed class AcademyPageTests(Apps apps)
{
    private static string Summary(string html)
    {
        var at = html.IndexOf("validation-summary", StringComparison.Ordinal);
        return at < 0 ? html[..Math.Min(html.Length, 3000)] : html[at..Math.Min(html.Length, at + 1500)];
    }

    /// <summary>A browser-like client: signed in with the site's cookie through the sign-in form, following no redirects.</summary>
    private static async Task<HttpClient> PageClientAsync(HemisphereApp app, HemisphereRole role, Guid? institution = null)
    {
        var user = await app.CreateUserAsync(role, institution: institution);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account/login", new() { ["Email"] = user.Email, ["Password"] = user.Password })).StatusCode);
        return client;
    }

    /// <summary>A page refuses a signed-in member by sending them to the access-denied page.</summary>
    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", (response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString), StringComparison.Ordinal);
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    [Theory, BothProviders]
    public async Task Staff_write_a_course_with_the_forms_and_learners_cannot(DatabaseProvider provider)
    {
        var app = apps[provider];
        var staff = await PageClientAsync(app, HemisphereRole.Editor);
        var code = "FORM-" + Tag();
        var created = await staff.PostFormAsync("/academy/courses/new", new()
        {
            ["Form.Code"] = code,
            ["Form.Title.En"] = "Evidence handling " + code,
            ["Form.Title.Es"] = "Manejo de evidencias " + code,
            ["Form.Hours"] = "7.5",
            ["Form.Status"] = "draft",
            ["Form.RequireLessons"] = "true",
            ["Form.MinimumAttendancePercent"] = "",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, Summary(await created.Content.ReadAsStringAsync()));
        var edit = created.Headers.Location!.OriginalString;
        Assert.EndsWith("/edit", edit, StringComparison.Ordinal);
        var course = await app.WithDbAsync(db => db.Courses.AsNoTracking().FirstAsync(c => c.Code == code));
        Assert.Equal(7.5m, course.Hours);

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(edit + "?handler=Module", new() { ["ModuleTitle.En"] = "Chain of custody" }, edit)).StatusCode);
        var module = await app.WithDbAsync(db => db.CourseModules.AsNoTracking().FirstAsync(m => m.CourseId == course.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(edit + "?handler=Lesson", new()
        {
            ["NewLesson.ModuleId"] = module.Id.ToString(),
            ["NewLesson.Kind"] = "text",
            ["NewLesson.Title.En"] = "Sealing bags",
            ["NewLesson.Body.En"] = "Seal, sign, date.",
            ["NewLesson.Minutes"] = "15",
        }, edit)).StatusCode);

        // A bad lesson is shown again with the field errors, and nothing is saved.
        var bad = await staff.PostFormAsync(edit + "?handler=Lesson", new() { ["NewLesson.ModuleId"] = module.Id.ToString(), ["NewLesson.Kind"] = "video", ["NewLesson.Title.En"] = "" }, edit);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("validation-summary-errors", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Lessons.CountAsync(x => x.CourseId == course.Id)));

        var learner = await PageClientAsync(app, HemisphereRole.Learner);
        AssertDenied(await learner.GetAsync("/academy/courses/new"));
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/academy/courses/{course.Slug}")).StatusCode); // a draft
        var refused = await learner.PostFormAsync("/academy/courses/new", new() { ["Form.Code"] = "NOPE-" + Tag(), ["Form.Title.En"] = "Mine" }, "/academy");
        AssertDenied(refused);
    }

    [Theory, BothProviders]
    public async Task A_learner_enrols_from_the_course_page_and_reads_a_lesson_that_was_closed_to_them(DatabaseProvider provider)
    {
        var app = apps[provider];
        var staff = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var course = await AcademyApiTests.PublishedCourseAsync(staff, "PAGE-" + Tag());
        var edition = await AcademyApiTests.EditionAsync(staff, course.Id);
        var learner = await PageClientAsync(app, HemisphereRole.Learner);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/academy/lessons/{course.Lessons[0]}")).StatusCode);

        var page = await learner.GetStringAsync($"/academy/courses/{course.Slug}?lang=es");
        Assert.Contains("Manejo de la escena del crimen", page, StringComparison.Ordinal);
        var enrolled = await learner.PostFormAsync($"/academy/courses/{course.Slug}?handler=Enrol", new() { ["editionId"] = edition }, $"/academy/courses/{course.Slug}");
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        var lesson = await learner.GetStringAsync($"/academy/lessons/{course.Lessons[0]}?lang=es");
        Assert.Contains("Asegure el perímetro", lesson, StringComparison.Ordinal);
        var mine = await learner.GetStringAsync("/academy/my?lang=es");
        Assert.Contains("50 %", mine, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task The_managers_page_lists_only_their_officers(DatabaseProvider provider)
    {
        var app = apps[provider];
        var staff = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var course = await AcademyApiTests.PublishedCourseAsync(staff, "MPG-" + Tag(), lessons: 1);
        var edition = await AcademyApiTests.EditionAsync(staff, course.Id);
        var a = await app.AddInstitutionAsync("SV");
        var b = await app.AddInstitutionAsync("SV");
        var managerA = await PageClientAsync(app, HemisphereRole.InstitutionManager, a.Id);
        var managerB = await PageClientAsync(app, HemisphereRole.InstitutionManager, b.Id);
        var name = "Officer " + Tag();
        var enrolled = await managerA.PostFormAsync("/academy/manage?handler=Enrol", new()
        {
            ["Form.EditionId"] = edition,
            ["Form.NationalId"] = "SV-" + Tag(),
            ["Form.Name"] = name,
            ["Form.CountryCode"] = "SV",
            ["Form.InstitutionId"] = a.Id.ToString(),
        }, "/academy/manage");
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        Assert.Contains(name, await managerA.GetStringAsync("/academy/manage"), StringComparison.Ordinal);
        Assert.DoesNotContain(name, await managerB.GetStringAsync("/academy/manage"), StringComparison.Ordinal);

        // B's manager cannot put an officer into A.
        var refused = await managerB.PostFormAsync("/academy/manage?handler=Enrol", new()
        {
            ["Form.EditionId"] = edition,
            ["Form.NationalId"] = "SV-" + Tag(),
            ["Form.Name"] = "Intruder",
            ["Form.CountryCode"] = "SV",
            ["Form.InstitutionId"] = a.Id.ToString(),
        }, "/academy/manage");
        AssertDenied(refused);
        AssertDenied(await (await PageClientAsync(app, HemisphereRole.Learner)).GetAsync("/academy/manage"));
    }

    [Theory, BothProviders]
    public async Task Staff_make_a_quiz_that_draws_from_the_bank_with_the_question_bank_page(DatabaseProvider provider)
    {
        var app = apps[provider];
        var api = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var course = await AcademyApiTests.PublishedCourseAsync(api, "QZP-" + Tag(), lessons: 1);
        var category = await (await api.PostAsJsonAsync($"/api/v1/academy/courses/{course.Id}/question-categories", new { name = "Basics" })).JsonAsync();
        var categoryId = category.GetProperty("id").GetString()!;
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/academy/courses/{course.Id}/questions", new
            {
                categoryId,
                kind = "trueFalse",
                prompt = new { en = $"Statement {i}" },
                points = 1,
                definition = new { correct = true },
            })).StatusCode);

        var staff = await PageClientAsync(app, HemisphereRole.Editor);
        var bank = $"/academy/courses/{course.Id}/question-bank";
        Assert.Contains("Basics", await staff.GetStringAsync(bank), StringComparison.Ordinal);
        var tooMany = await staff.PostFormAsync(bank + "?handler=Quiz", new() { ["NewQuiz.TitleEn"] = "Check", ["NewQuiz.PassingPercent"] = "80", [$"NewQuiz.Draws[{categoryId}]"] = "3" }, bank);
        Assert.Equal(HttpStatusCode.OK, tooMany.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Quizzes.CountAsync(z => z.CourseId == Guid.Parse(course.Id))));
        var made = await staff.PostFormAsync(bank + "?handler=Quiz", new()
        {
            ["NewQuiz.TitleEn"] = "Check",
            ["NewQuiz.TimeLimitMinutes"] = "10",
            ["NewQuiz.PassingPercent"] = "82.5",
            ["NewQuiz.Feedback"] = "never",
            [$"NewQuiz.Draws[{categoryId}]"] = "2",
        }, bank);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var quiz = await app.WithDbAsync(db => db.Quizzes.AsNoTracking().FirstAsync(z => z.CourseId == Guid.Parse(course.Id)));
        Assert.Equal(82.5m, quiz.PassingPercent);
        Assert.Equal(10, quiz.TimeLimitMinutes);
        Assert.Equal(2, await app.WithDbAsync(db => db.QuizDraws.Where(d => d.QuizId == quiz.Id).SumAsync(d => d.Count)));
    }

    [Theory, BothProviders]
    public async Task The_academy_page_links_each_role_to_its_own_tools(DatabaseProvider provider)
    {
        var app = apps[provider];
        async Task<string> IndexAs(HemisphereRole role, Guid? institution = null) =>
            await (await PageClientAsync(app, role, institution)).GetStringAsync("/academy");

        var staff = await IndexAs(HemisphereRole.Editor);
        foreach (var link in new[] { "/academy/certificates", "/academy/records/clients", "/academy/accreditations", "/academy/courses/new" })
            Assert.Contains($"href=\"{link}\"", staff, StringComparison.Ordinal);
        var university = await IndexAs(HemisphereRole.InstitutionManager, (await Accreditation.AccreditationWorld.AddUniversityAsync(app)).Id);
        Assert.Contains("href=\"/academy/accreditations\"", university, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/academy/certificates\"", university, StringComparison.Ordinal);
        var police = await IndexAs(HemisphereRole.InstitutionManager, (await app.AddInstitutionAsync("GT")).Id);
        Assert.Contains("href=\"/academy/dashboard\"", police, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/academy/accreditations\"", police, StringComparison.Ordinal);
        var learner = await IndexAs(HemisphereRole.Learner);
        foreach (var link in new[] { "/academy/certificates", "/academy/records/clients", "/academy/accreditations", "/academy/dashboard" })
            Assert.DoesNotContain($"href=\"{link}\"", learner, StringComparison.Ordinal);
    }
}
