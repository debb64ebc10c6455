using System.Net;
using System.Net.Http.Json;
using Hemisphere.Features.Academy;
using Hemisphere.Features.Academy.Quizzes;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Tests.Features.Academy;

[Collection(AppsCollection.Name)]
public sealed class AcademyDemoTests(Apps apps)
{
    [Theory, BothProviders]
    public async Task The_demo_academy_is_valid_and_a_new_learner_can_enrol_read_and_start_its_quiz(DatabaseProvider provider)
    {
        var app = apps[provider];
        await app.WithDbAsync(async db => { await AcademyDemo.SeedAsync(db); return 0; });
        await app.WithDbAsync(async db => { await AcademyDemo.SeedAsync(db); return 0; }); // idempotent

        var questions = await app.WithDbAsync(db => db.Questions.AsNoTracking().Join(db.Courses, q => q.CourseId, c => c.Id, (q, c) => new { q, c.Code })
            .Where(x => x.Code.StartsWith("POL-")).Select(x => x.q).ToListAsync());
        Assert.True(questions.Count >= 10);
        foreach (var q in questions)
        {
            var (definition, errors) = QuizEngine.ReadDefinition(q.Kind, q.Definition);
            Assert.True(definition is not null && errors.Count == 0, $"{q.Kind} {q.Prompt.En}: {string.Join(", ", errors.Select(e => e.Field + " " + e.Key))}");
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.Courses.CountAsync(c => c.Code == "POL-VIR-01")));

        // The graduates of the past on-site edition get certificates through the outbox, carrying the university's accreditation,
        // and those who took the online basics too get the train-the-trainer programme's certificate.
        await app.WaitForOutboxDrainedAsync(TimeSpan.FromSeconds(60));
        var onSite = await app.WithDbAsync(db => db.Courses.SingleAsync(c => c.Code == "POL-ONS-01"));
        var certificates = await app.WithDbAsync(db => db.Certificates.AsNoTracking().Where(c => c.CourseId == onSite.Id).ToListAsync());
        Assert.Equal(3, certificates.Count);
        Assert.All(certificates, c =>
        {
            Assert.Equal("Universidade de São Paulo", c.AccreditingUniversity);
            Assert.Equal(6m, c.Credits);
            Assert.Equal("ECTS", c.CreditSystem);
        });
        var verification = await (await app.CreateClient().GetAsync($"/api/v1/certificates/{certificates[0].Code}/verification")).JsonAsync();
        Assert.Equal("valid", verification.GetProperty("status").GetString());
        var trainTheTrainer = await app.WithDbAsync(db => db.AcademyProgrammes.SingleAsync(p => p.Slug == "formacion-de-formadores"));
        Assert.Equal(3, await app.WithDbAsync(db => db.Certificates.CountAsync(c => c.ProgrammeId == trainTheTrainer.Id)));

        var learner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var course = await (await learner.GetAsync("/api/v1/academy/courses/pol-vir-01-policia-comunitaria-fundamentos-curso-virtual")).JsonAsync();
        var editions = await (await learner.GetAsync($"/api/v1/academy/courses/{course.GetProperty("id").GetString()}/editions")).JsonAsync();
        var selfPaced = editions.EnumerateArray().First(e => e.GetProperty("mode").GetString() == "selfPaced").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Created, (await learner.PostAsync($"/api/v1/academy/editions/{selfPaced}/enrol", null)).StatusCode);
        var lessons = course.GetProperty("modules").EnumerateArray().SelectMany(m => m.GetProperty("lessons").EnumerateArray()).ToList();
        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync($"/api/v1/academy/lessons/{lessons[0].GetProperty("id").GetString()}")).StatusCode);
        var quiz = lessons.First(l => l.GetProperty("kind").GetString() == "quiz").GetProperty("quizId").GetString();
        var attempt = await learner.PostAsJsonAsync($"/api/v1/academy/quizzes/{quiz}/attempts", new { });
        Assert.Equal(HttpStatusCode.Created, attempt.StatusCode);
        Assert.Equal(5, (await attempt.JsonAsync()).GetProperty("questions").GetArrayLength());
    }
}
