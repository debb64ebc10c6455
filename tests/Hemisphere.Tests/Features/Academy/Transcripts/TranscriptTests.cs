using System.Net;
using System.Text.Json;
using Hemisphere.Features.Academy;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Features.Academy.Accreditation;
using Hemisphere.Tests.Infrastructure;
using UglyToad.PdfPig;
using static Hemisphere.Tests.Features.Academy.Accreditation.AccreditationWorld;

namespace Hemisphere.Tests.Features.Academy.Transcripts;

[Collection(AppsCollection.Name)]
public sealed class TranscriptTests(Apps apps)
{
    /// <summary>
    /// A learner of a police institution with two enrolments: one completed under an accreditation (certificate, credits),
    /// one in progress in an on-site edition with two sessions, present at one and absent at the other.
    /// </summary>
    private static async Task<(Learner Learner, TestUser User, Guid Institution, Course Done, Course Going, string Code, string University)> LearnerAsync(HemisphereApp app)
    {
        var institution = await app.AddInstitutionAsync("GT");
        var university = await app.AddUniversityAsync();
        var (done, doneEdition) = await app.AddEditionAsync();
        await app.AccreditAsync(university.Id, done.Id, credits: 5, system: "ECTS");
        var (learner, enrolment, user) = await app.CompleteAsync(done, doneEdition, institution.Id, "Lucía Pérez " + Guid.NewGuid().ToString("N")[..6]);
        var code = await app.CodeOfAsync(enrolment.Id);

        var (going, goingEdition) = await app.AddEditionAsync();
        var instructor = await app.CreateUserAsync(HemisphereRole.Instructor);
        var ongoing = new Enrolment
        {
            EditionId = goingEdition.Id,
            CourseId = going.Id,
            LearnerId = learner.Id,
            CountryCode = "GT",
            InstitutionId = institution.Id,
            Year = 2027,
            Status = EnrolmentStatus.Enrolled,
            Source = EnrolmentSource.Manager,
            EnrolledAt = DateTimeOffset.UtcNow,
            ProgressPercent = 40,
        };
        var monday = new EditionSession { EditionId = goingEdition.Id, StartsAt = DateTimeOffset.UtcNow.AddDays(-2), EndsAt = DateTimeOffset.UtcNow.AddDays(-2).AddHours(3), Title = "Day 1" };
        var tuesday = new EditionSession { EditionId = goingEdition.Id, StartsAt = DateTimeOffset.UtcNow.AddDays(-1), EndsAt = DateTimeOffset.UtcNow.AddDays(-1).AddHours(3), Title = "Day 2" };
        await app.WithDbAsync(async db =>
        {
            db.Enrolments.Add(ongoing);
            db.EditionSessions.Add(monday);
            db.EditionSessions.Add(tuesday);
            db.Attendances.Add(new Attendance { SessionId = monday.Id, EnrolmentId = ongoing.Id, Mark = AttendanceMark.Present, RecordedBy = instructor.Id });
            db.Attendances.Add(new Attendance { SessionId = tuesday.Id, EnrolmentId = ongoing.Id, Mark = AttendanceMark.Absent, RecordedBy = instructor.Id });
            return await db.SaveChangesAsync();
        });
        return (learner, user, institution.Id, done, going, code, university.Name);
    }

    [Theory, BothProviders]
    public async Task The_transcript_lists_every_enrolment_with_grade_attendance_hours_credits_and_certificate(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (learner, user, _, done, going, code, university) = await LearnerAsync(app);
        var me = await app.ClientForAsync(user);
        var transcript = await (await me.GetAsync("/api/v1/academy/me/transcript")).JsonAsync();
        Assert.Equal(learner.Id, transcript.GetProperty("learnerId").GetGuid());
        Assert.Equal(learner.FullName, transcript.GetProperty("learnerName").GetString());
        var courses = transcript.GetProperty("courses").EnumerateArray().ToList();
        Assert.Equal(2, courses.Count);
        var completed = courses.Single(c => c.GetProperty("courseCode").GetString() == done.Code);
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal(91.25m, completed.GetProperty("grade").GetDecimal());
        Assert.Equal(10m, completed.GetProperty("hours").GetDecimal());
        Assert.Equal(5m, completed.GetProperty("credits").GetDecimal());
        Assert.Equal("ECTS", completed.GetProperty("creditSystem").GetString());
        Assert.Equal(university, completed.GetProperty("university").GetString());
        Assert.Equal(code, completed.GetProperty("certificate").GetProperty("code").GetString());
        Assert.Equal("valid", completed.GetProperty("certificate").GetProperty("status").GetString());
        var ongoing = courses.Single(c => c.GetProperty("courseCode").GetString() == going.Code);
        Assert.Equal("enrolled", ongoing.GetProperty("status").GetString());
        Assert.Equal(50, ongoing.GetProperty("attendancePercent").GetInt32());
        Assert.Equal(JsonValueKind.Null, ongoing.GetProperty("certificate").ValueKind);
        Assert.Equal(JsonValueKind.Null, ongoing.GetProperty("credits").ValueKind);
        Assert.Equal(10m, transcript.GetProperty("completedHours").GetDecimal());
        var credits = Assert.Single(transcript.GetProperty("credits").EnumerateArray());
        Assert.Equal("ECTS", credits.GetProperty("creditSystem").GetString());
        Assert.Equal(5m, credits.GetProperty("credits").GetDecimal());

        // The same through the learner's id, for the learner.
        var byId = await (await me.GetAsync($"/api/v1/academy/learners/{learner.Id}/transcript")).JsonAsync();
        Assert.Equal(2, byId.GetProperty("courses").GetArrayLength());

        // The PDF opens and holds the learner, the courses, the certificate's code and the credits.
        var response = await me.GetAsync("/academy/my/transcript.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.True(pdf.NumberOfPages >= 1);
        var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
        Assert.Contains(Squeeze(learner.FullName), text, StringComparison.Ordinal);
        Assert.Contains(done.Code, text, StringComparison.Ordinal);
        Assert.Contains(going.Code, text, StringComparison.Ordinal);
        Assert.Contains(Squeeze("5 ECTS"), text, StringComparison.Ordinal);
        Assert.Contains("50%", text, StringComparison.Ordinal);

        // And the page.
        var page = WebUtility.HtmlDecode(await (await app.PageClientAsync(user)).GetStringAsync("/academy/my/transcript"));
        Assert.Contains(learner.FullName, page, StringComparison.Ordinal);
        Assert.Contains(done.Code, page, StringComparison.Ordinal);
        Assert.Contains("/academy/my/transcript.pdf", page, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Only_the_learner_their_institutions_managers_and_staff_see_a_transcript(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (learner, _, institution, done, _, _, _) = await LearnerAsync(app);
        var json = $"/api/v1/academy/learners/{learner.Id}/transcript";
        var pdf = $"/academy/learners/{learner.Id}/transcript.pdf";

        var managerUser = await app.CreateUserAsync(HemisphereRole.InstitutionManager, "GT", institution);
        var manager = await app.ClientForAsync(managerUser);
        var seen = await (await manager.GetAsync(json)).JsonAsync();
        Assert.Equal(learner.FullName, seen.GetProperty("learnerName").GetString());
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(pdf)).StatusCode);
        var managerPage = WebUtility.HtmlDecode(await (await app.PageClientAsync(managerUser)).GetStringAsync($"/academy/learners/{learner.Id}/transcript"));
        Assert.Contains(done.Code, managerPage, StringComparison.Ordinal);
        // The manager's list of officers links to it.
        Assert.Contains($"/academy/learners/{learner.Id}/transcript", await (await app.PageClientAsync(managerUser)).GetStringAsync("/academy/manage"), StringComparison.Ordinal);
        var staff = await app.ClientForRoleAsync(HemisphereRole.Editor);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(json)).StatusCode);

        // Another institution's manager, another learner, and a university's staff: 404, as if there were no such learner.
        var otherManagerUser = await app.CreateUserAsync(HemisphereRole.InstitutionManager, "GT", (await app.AddInstitutionAsync("GT")).Id);
        var otherManager = await app.ClientForAsync(otherManagerUser);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync(json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync(pdf)).StatusCode);
        var otherPage = await (await app.PageClientAsync(otherManagerUser)).GetAsync($"/academy/learners/{learner.Id}/transcript");
        Assert.Equal(HttpStatusCode.NotFound, otherPage.StatusCode);
        var (_, otherUser, _, _, _, _, _) = await LearnerAsync(app);
        var otherLearner = await app.ClientForAsync(otherUser);
        Assert.Equal(HttpStatusCode.NotFound, (await otherLearner.GetAsync(json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherLearner.GetAsync(pdf)).StatusCode);
        var universityStaff = await app.ClientForRoleAsync(HemisphereRole.InstitutionManager, null, (await app.AddUniversityAsync()).Id);
        Assert.Equal(HttpStatusCode.NotFound, (await universityStaff.GetAsync(json)).StatusCode);
        // A member who is no learner has no transcript of their own.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForRoleAsync(HemisphereRole.Learner)).GetAsync("/api/v1/academy/me/transcript")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync(json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/academy/learners/{Guid.NewGuid()}/transcript")).StatusCode);
    }
}
