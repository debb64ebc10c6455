using System.Net;
using System.Net.Http.Json;
using Hemisphere.Features.Academy;
using Hemisphere.Features.Directory;
using Hemisphere.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Tests.Features.Academy.Accreditation;

/// <summary>Universities, accreditations made through the API, and learners who complete a course through the completion event.</summary>
public static class AccreditationWorld
{
    public static Task<Institution> AddUniversityAsync(this HemisphereApp app, string country = "CO") =>
        app.AddInstitutionAsync(country, InstitutionKind.University, "Universidad " + Guid.NewGuid().ToString("N")[..6]);

    /// <summary>Created by academy staff through the API; answers its id.</summary>
    public static async Task<Guid> AccreditAsync(this HemisphereApp app, Guid university, Guid? course = null, Guid? programme = null, decimal credits = 6,
        string system = "ECTS", string validFrom = "2026-01-01", string? validTo = "2030-12-31", string status = "active", string? reference = null)
    {
        var staff = await app.ClientForRoleAsync(Hemisphere.Platform.Identity.HemisphereRole.Editor);
        var response = await staff.PostAsJsonAsync("/api/v1/academy/accreditations", new
        {
            universityId = university,
            courseId = course,
            programmeId = programme,
            agreementReference = reference ?? "AGR-" + Guid.NewGuid().ToString("N")[..6],
            credits,
            creditSystem = system,
            validFrom,
            validTo,
            status,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>A learner (with an account) whose enrolment in the edition completed at <paramref name="completedAt"/>; the completion event delivered twice.</summary>
    public static async Task<(Learner Learner, Enrolment Enrolment, TestUser User)> CompleteAsync(this HemisphereApp app, Course course, Edition edition,
        Guid? institution = null, string? name = null, DateTimeOffset? completedAt = null, Learner? learner = null, TestUser? user = null, decimal? grade = 91.25m)
    {
        user ??= await app.CreateUserAsync(Hemisphere.Platform.Identity.HemisphereRole.Learner);
        var isNew = learner is null;
        learner ??= new Learner
        {
            UserId = user.Id,
            Email = user.Email,
            FullName = name ?? "Officer " + Guid.NewGuid().ToString("N")[..8],
            CountryCode = "GT",
            InstitutionId = institution,
        };
        var at = completedAt ?? DateTimeOffset.UtcNow;
        var enrolment = new Enrolment
        {
            EditionId = edition.Id,
            CourseId = course.Id,
            LearnerId = learner.Id,
            CountryCode = learner.CountryCode,
            InstitutionId = learner.InstitutionId,
            Year = at.Year,
            Status = EnrolmentStatus.Completed,
            Source = EnrolmentSource.Manager,
            EnrolledAt = at.AddDays(-20),
            CompletedAt = at,
            ProgressPercent = 100,
            Grade = grade,
        };
        var done = new CourseCompleted(enrolment.Id, learner.Id, user.Id, course.Id, edition.Id, course.Hours, grade, at);
        await app.WithDbAsync(async db =>
        {
            if (isNew) db.Learners.Add(learner);
            db.Enrolments.Add(enrolment);
            db.Outbox.Add(Hemisphere.Platform.Outbox.OutboxMessage.Create(CourseCompleted.Kind, done));
            db.Outbox.Add(Hemisphere.Platform.Outbox.OutboxMessage.Create(CourseCompleted.Kind, done));
            return await db.SaveChangesAsync();
        });
        await app.WaitForOutboxDrainedAsync();
        return (learner, enrolment, user);
    }

    public static async Task<HttpClient> PageClientAsync(this HemisphereApp app, TestUser user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account/login", new() { ["Email"] = user.Email, ["Password"] = user.Password })).StatusCode);
        return client;
    }

    public static Task<string> CodeOfAsync(this HemisphereApp app, Guid enrolmentId) =>
        app.WithDbAsync(db => db.Certificates.Where(c => c.EnrolmentId == enrolmentId && c.SupersededById == null).Select(c => c.Code).SingleAsync());

    public static string Squeeze(string s) => new(s.Where(c => !char.IsWhiteSpace(c)).ToArray());
}
