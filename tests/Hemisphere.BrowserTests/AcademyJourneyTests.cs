using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Hemisphere.BrowserTests;

[Collection(SiteCollection.Name)]
public sealed class AcademyJourneyTests(SiteUnderTest site)
{
    private const string CommunityCourse = "/academy/courses/pol-vir-01-policia-comunitaria-fundamentos-curso-virtual";
    private const string TraffickingCourse = "/academy/courses/pol-vir-02-investigacion-de-la-trata-de-personas-cohorte-virtual";

    [Theory]
    [InlineData("/academy", "es-ES")]
    [InlineData(CommunityCourse, "en-US")]
    [InlineData("/academy/courses/pol-ons-01-curso-presencial-de-formacion-policial-para-instructores", "pt-BR")]
    public async Task Academy_public_pages_pass_axe(string path, string locale)
    {
        var page = await (await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, Locale = locale })).NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, path + " answered " + response.Status);
        await SiteUnderTest.AssertAxeAsync(page);
    }

    /// <summary>
    /// The answers to the community course's questions, by a distinctive part of the prompt. Demo accounts prefer Spanish, so once
    /// signed in the site speaks Spanish whatever the browser asks for.
    /// </summary>
    private static async Task AnswerAsync(ILocator question)
    {
        var prompt = await question.Locator("p.prose").InnerTextAsync();
        async Task Pick(string label) => await question.GetByLabel(label, new() { Exact = false }).CheckAsync();
        if (prompt.Contains("describe mejor", StringComparison.Ordinal)) await Pick("Policía y comunidad identifican y resuelven juntas los problemas");
        else if (prompt.Contains("nadie conoce", StringComparison.Ordinal)) await Pick("Falso");
        else if (prompt.Contains("principios", StringComparison.Ordinal))
            foreach (var label in new[] { "Presencia estable en el sector", "Resolución de problemas", "Rendición de cuentas a los vecinos" }) await Pick(label);
        else if (prompt.Contains("cuatro pasos", StringComparison.Ordinal)) await question.Locator("input[type=text]").FillAsync("sara");
        else if (prompt.Contains("Ordene", StringComparison.Ordinal))
            foreach (var (label, position) in new[] { ("Identificar el problema", "1"), ("Analizarlo", "2"), ("Responder con socios", "3"), ("Evaluar el resultado", "4") })
                await question.GetByLabel(label).FillAsync(position);
        else if (prompt.Contains("Relacione", StringComparison.Ordinal))
            foreach (var (left, right) in new[] { ("Municipalidad", "Alumbrado público"), ("Escuela", "Horarios de salida de los estudiantes"), ("Comercio", "Cámaras y vigilancia de los locales") })
                await question.GetByLabel(left).SelectOptionAsync(new SelectOptionValue { Label = right });
        else if (prompt.Contains("cuántas reuniones", StringComparison.Ordinal)) await question.Locator("input[type=text]").FillAsync("12");
        else Assert.Fail("A question the test does not know: " + prompt);
    }

    [Fact]
    public async Task A_learner_enrols_reads_the_lessons_leaves_a_quiz_half_done_comes_back_finishes_it_and_completes_the_course()
    {
        var page = await site.SignedInAsync("focalpoint@demo.hemisphere.local");
        await page.GotoAsync(CommunityCourse);
        await page.Locator("form[action*='handler=Enrol'] button").First.ClickAsync();
        await page.Locator("#mine-title").WaitForAsync();
        await SiteUnderTest.AssertAxeAsync(page);

        // Every lesson of the outline, in order; the last is the quiz.
        var lessons = await page.Locator("#outline-title ~ ol a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.True(lessons.Length >= 4);
        foreach (var lesson in lessons)
        {
            await page.GotoAsync(lesson);
            await page.Locator("h1").WaitForAsync();
        }
        await SiteUnderTest.AssertAxeAsync(page);
        await page.Locator("a[href^='/academy/quizzes/']").ClickAsync();
        await SiteUnderTest.AssertAxeAsync(page);
        await page.Locator("main form.stack button[type=submit]").First.ClickAsync();
        await page.Locator("#quiz-form").WaitForAsync();
        await SiteUnderTest.AssertAxeAsync(page);
        var attemptUrl = page.Url;

        // Answer two questions; the page saves them (autosave, then the save button to be sure), and the tab is closed.
        var questions = page.Locator("#quiz-form fieldset[data-question]");
        var count = await questions.CountAsync();
        Assert.Equal(5, count);
        await AnswerAsync(questions.Nth(0));
        await AnswerAsync(questions.Nth(1));
        var saved = await page.Locator("#quiz-form").GetAttributeAsync("data-saved");
        await page.Locator("#quiz-status", new() { HasText = saved! }).WaitForAsync(new() { Timeout = 15_000 });
        var firstQuestion = await questions.Nth(0).GetAttributeAsync("data-question");
        await page.CloseAsync();

        // Back in a new tab: the quiz resumes with the same paper and the saved answers.
        var again = await page.Context.NewPageAsync();
        await again.GotoAsync(attemptUrl);
        var resumed = again.Locator("#quiz-form fieldset[data-question]");
        Assert.Equal(firstQuestion, await resumed.Nth(0).GetAttributeAsync("data-question"));
        var kept = await resumed.Nth(0).EvaluateAsync<bool>("f => [...f.querySelectorAll('input')].some(i => (i.type === 'radio' || i.type === 'checkbox') ? i.checked : (i.value || '').length > 0) || [...f.querySelectorAll('select')].some(s => s.value)");
        Assert.True(kept, "the answer saved before the tab closed is back");
        for (var i = 2; i < count; i++) await AnswerAsync(resumed.Nth(i));
        await again.Locator("#quiz-submit").ClickAsync();
        await again.WaitForURLAsync(new Regex("/result$"));
        Assert.Contains("Aprobado", await again.Locator("dl.facts").InnerTextAsync(), StringComparison.Ordinal);
        await SiteUnderTest.AssertAxeAsync(again);

        await again.GotoAsync("/academy/my");
        var entry = again.Locator("li", new() { HasText = "Policía comunitaria" });
        Assert.Contains("Completado", await entry.InnerTextAsync(), StringComparison.Ordinal);
        await SiteUnderTest.AssertAxeAsync(again);

        // The certificate comes through the outbox: the page links it once it is issued.
        var verifyLink = entry.Locator("a[href^='/verify/']");
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (await verifyLink.CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no certificate was linked on /academy/my within 90 s of completing the course");
            await again.WaitForTimeoutAsync(1000);
            await again.ReloadAsync();
        }
        var pdf = await again.APIRequest.GetAsync((await entry.Locator("a[href$='.pdf']").GetAttributeAsync("href"))!);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..4]));
        var verification = (await verifyLink.GetAttributeAsync("href"))!;
        var code = verification["/verify/".Length..];

        // Anyone, in a fresh browser (as after scanning the QR code), sees it valid; after an administrator revokes it, revoked.
        var stranger = await (await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, Locale = "en-US" })).NewPageAsync();
        await stranger.GotoAsync(verification);
        Assert.Equal("Valid", (await stranger.Locator("p[role=status] strong").InnerTextAsync()).Trim());
        Assert.True(await stranger.Locator("dl").GetByText("Policía comunitaria", new() { Exact = false }).CountAsync() > 0);
        await SiteUnderTest.AssertAxeAsync(stranger);

        var admin = await site.SignedInAsync("admin@demo.hemisphere.local");
        await admin.GotoAsync("/academy/certificates?code=" + code);
        await admin.Locator("#revoke-reason").FillAsync("Emitido por error en la prueba de navegador");
        await admin.Locator("form[action*='handler=Revoke'] button[type=submit]").ClickAsync();
        // The staff page shows the revocation with its private reason once it is recorded.
        await admin.Locator("dl", new() { HasText = "Emitido por error en la prueba de navegador" }).WaitForAsync();
        await stranger.ReloadAsync();
        Assert.Equal("certificate-revoked", await stranger.Locator("p[role=status] strong").GetAttributeAsync("class"));
        Assert.DoesNotContain("prueba de navegador", await stranger.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_learner_submits_an_essay_and_the_cohorts_instructor_grades_it()
    {
        var learner = await site.SignedInAsync("learner@demo.hemisphere.local");
        await learner.GotoAsync(TraffickingCourse);
        await learner.Locator("#outline-title ~ ol a").Last.ClickAsync();
        await learner.Locator("a[href^='/academy/quizzes/']").ClickAsync();
        await learner.Locator("main form.stack button[type=submit]").First.ClickAsync();
        await learner.Locator("#quiz-form").WaitForAsync();
        var questions = learner.Locator("#quiz-form fieldset[data-question]");
        for (var i = 0; i < await questions.CountAsync(); i++)
        {
            var q = questions.Nth(i);
            switch (await q.GetAttributeAsync("data-kind"))
            {
                case "Essay": await q.Locator("textarea").FillAsync("Ask the banks early, follow the remittances, work with the other country's unit through a joint team, protect the victims."); break;
                case "TrueFalse": await q.GetByLabel("Falso").CheckAsync(); break;
                default: await q.Locator("input").First.CheckAsync(); break;
            }
        }
        await learner.Locator("#quiz-submit").ClickAsync();
        await learner.WaitForURLAsync(new Regex("/result$"));
        var result = learner.Url;

        var instructor = await site.SignedInAsync("instructor@demo.hemisphere.local");
        await instructor.GotoAsync(TraffickingCourse);
        await instructor.Locator("#editions-title ~ ul a").First.ClickAsync();
        var edition = instructor.Url;
        await instructor.GotoAsync(edition + "/gradebook");
        await SiteUnderTest.AssertAxeAsync(instructor);
        await instructor.GotoAsync(result);
        await instructor.Locator("form[action*='handler=Grade'] input[name=Points]").FillAsync("3.5");
        await instructor.Locator("form[action*='handler=Grade'] textarea[name=Comment]").FillAsync("Good plan; say more about asset recovery.");
        await instructor.Locator("form[action*='handler=Grade'] button").ClickAsync();
        await instructor.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var errors = await instructor.Locator(".validation-summary-errors").AllInnerTextsAsync();
        var shown = await instructor.Locator("main").InnerTextAsync();
        Assert.True(shown.Contains("asset recovery", StringComparison.Ordinal), shown + " | " + string.Join(" ", errors));
        await SiteUnderTest.AssertAxeAsync(instructor);

        await learner.GotoAsync(result);
        Assert.Contains("asset recovery", await learner.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_manager_and_the_dashboard_pages_pass_axe()
    {
        var manager = await site.SignedInAsync("manager@demo.hemisphere.local", "es-ES");
        foreach (var path in new[] { "/academy/manage", "/academy/dashboard", "/academy/enrolments/import" })
        {
            var response = await manager.GotoAsync(path);
            Assert.True(response!.Ok, path + " answered " + response.Status);
            await SiteUnderTest.AssertAxeAsync(manager);
        }
        var editor = await site.SignedInAsync("editor@demo.hemisphere.local", "en-US");
        foreach (var path in new[] { "/academy/courses/new", CommunityCourse + "/edit", "/academy/dashboard?by=course" })
        {
            var response = await editor.GotoAsync(path);
            Assert.True(response!.Ok, path + " answered " + response.Status);
            await SiteUnderTest.AssertAxeAsync(editor);
        }
    }

    [Fact]
    public async Task The_credential_pages_pass_axe()
    {
        async Task Check(IPage page, params string[] paths)
        {
            foreach (var path in paths)
            {
                var response = await page.GotoAsync(path);
                Assert.True(response!.Ok, path + " answered " + response.Status);
                await SiteUnderTest.AssertAxeAsync(page);
            }
        }
        var anonymous = await (await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, Locale = "fr-FR" })).NewPageAsync();
        await Check(anonymous, "/badges/verify");
        await Check(await site.SignedInAsync("admin@demo.hemisphere.local", "en-US"),
            "/academy/certificates", "/academy/accreditations", "/academy/accreditations/new", "/academy/records/clients");
        await Check(await site.SignedInAsync("university@demo.hemisphere.local"), "/academy/accreditations", "/academy/accreditations/outcomes");
        await Check(await site.SignedInAsync("learner@demo.hemisphere.local"), "/academy/my", "/academy/my/transcript");
    }
}

