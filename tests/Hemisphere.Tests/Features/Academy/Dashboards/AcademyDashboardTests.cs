using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hemisphere.Features.Academy;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Tests.Features.Academy.Dashboards;

[Collection(AppsCollection.Name)]
public sealed class AcademyDashboardTests(Apps apps)
{
    [Theory, BothProviders]
    public async Task Counts_officers_by_dimension_for_staff_and_only_their_institution_for_a_manager(DatabaseProvider provider)
    {
        var app = apps[provider];
        var a = await app.AddInstitutionAsync("DO", name: "=Institution A " + Guid.NewGuid().ToString("N")[..6]);
        var b = await app.AddInstitutionAsync("DO");
        var (course, e1) = await app.AddEditionAsync();
        var (_, e2) = await app.AddEditionAsync(course: course);
        var now = DateTimeOffset.UtcNow;
        await app.WithDbAsync(async db =>
        {
            Learner L(Guid inst) { var l = new Learner { CountryCode = "DO", FullName = "X", InstitutionId = inst }; db.Add(l); return l; }
            Enrolment E(Learner l, Edition ed, EnrolmentStatus s, int year, DateTimeOffset? seen = null)
            {
                var e = new Enrolment { EditionId = ed.Id, CourseId = course.Id, LearnerId = l.Id, CountryCode = l.CountryCode, InstitutionId = l.InstitutionId, Year = year, Status = s, LastActivityAt = seen };
                db.Add(e);
                return e;
            }
            var a1 = L(a.Id); var a2 = L(a.Id); var a3 = L(a.Id); var b1 = L(b.Id);
            E(a1, e1, EnrolmentStatus.Enrolled, 2026, now.AddDays(-3));
            E(a1, e2, EnrolmentStatus.Completed, 2027, now.AddDays(-60));   // a1 twice in the course: one officer
            E(a2, e1, EnrolmentStatus.Completed, 2026);
            E(a3, e1, EnrolmentStatus.Withdrawn, 2026, now);                 // not counted
            E(b1, e1, EnrolmentStatus.Enrolled, 2026, now.AddDays(-1));
            return await db.SaveChangesAsync();
        });

        var staff = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        var byInstitution = await (await staff.GetAsync($"/api/v1/academy/dashboard?by=institution&course={course.Id}")).JsonAsync();
        var rows = byInstitution.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        var ra = rows.Single(r => r.GetProperty("key").GetString() == a.Id.ToString());
        Assert.Equal(a.Name, ra.GetProperty("label").GetString());
        Assert.Equal(3, ra.GetProperty("enrolments").GetInt32());
        Assert.Equal(2, ra.GetProperty("enrolled").GetInt32());
        Assert.Equal(1, ra.GetProperty("active").GetInt32());
        Assert.Equal(2, ra.GetProperty("completed").GetInt32());
        var total = byInstitution.GetProperty("total");
        Assert.Equal(3, total.GetProperty("enrolled").GetInt32());
        Assert.Equal(2, total.GetProperty("active").GetInt32());

        var byYear = await (await staff.GetAsync($"/api/v1/academy/dashboard?by=year&course={course.Id}")).JsonAsync();
        Assert.Equal(["2026", "2027"], byYear.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()!).ToArray());
        var byEdition = await (await staff.GetAsync($"/api/v1/academy/dashboard?by=edition&course={course.Id}&year=2026")).JsonAsync();
        Assert.Equal(3, byEdition.GetProperty("rows")[0].GetProperty("enrolled").GetInt32());
        Assert.Contains(e1.Name, byEdition.GetProperty("rows")[0].GetProperty("label").GetString(), StringComparison.Ordinal);
        var byCourse = await (await staff.GetAsync($"/api/v1/academy/dashboard?by=course&course={course.Id}&lang=es")).JsonAsync();
        Assert.Contains("Curso " + course.Code, byCourse.GetProperty("rows")[0].GetProperty("label").GetString(), StringComparison.Ordinal);
        var byCountry = await (await staff.GetAsync($"/api/v1/academy/dashboard?by=country&course={course.Id}")).JsonAsync();
        Assert.Equal("Dominican Republic", byCountry.GetProperty("rows")[0].GetProperty("label").GetString());
        await (await staff.GetAsync("/api/v1/academy/dashboard?by=planet")).ValidationProblemAsync("by");

        // A manager of A: only A's figures; B's institution is not found; the CSV holds only A.
        var managerA = await app.ClientForRoleAsync(HemisphereRole.InstitutionManager, institution: a.Id);
        var mine = await (await managerA.GetAsync($"/api/v1/academy/dashboard?by=institution&course={course.Id}")).JsonAsync();
        Assert.Single(mine.GetProperty("rows").EnumerateArray());
        Assert.Equal(2, mine.GetProperty("total").GetProperty("enrolled").GetInt32());
        await (await managerA.GetAsync($"/api/v1/academy/dashboard?institution={b.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await managerA.GetAsync($"/api/v1/academy/dashboard.csv?institution={b.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        var csvResponse = await managerA.GetAsync($"/api/v1/academy/dashboard.csv?by=institution&course={course.Id}");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Take(3).SequenceEqual(Encoding.UTF8.GetPreamble()));
        var csv = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("institution,name,enrolments,officers_enrolled,officers_active,officers_completed,officers_certified\r\n", csv, StringComparison.Ordinal);
        Assert.True(csv.Contains($"{a.Id},\"'{a.Name}\",3,2,1,2,0", StringComparison.Ordinal), csv); // a name starting with '=' is escaped
        Assert.DoesNotContain(b.Id.ToString(), csv, StringComparison.Ordinal);
        Assert.Contains("total,,3,2,1,2,0", csv, StringComparison.Ordinal);

        // Nobody else; the page shows the table.
        var learner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        await (await learner.GetAsync("/api/v1/academy/dashboard")).ProblemAsync(HttpStatusCode.Forbidden);
        var user = await app.CreateUserAsync(HemisphereRole.InstitutionManager, institution: a.Id);
        var page = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await page.PostFormAsync("/account/login", new() { ["Email"] = user.Email, ["Password"] = user.Password });
        var html = WebUtility.HtmlDecode(await page.GetStringAsync($"/academy/dashboard?by=institution&course={course.Id}"));
        Assert.Contains(a.Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain(b.Name, html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/academy/dashboard?institution={b.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/academy/enrolments/import")).StatusCode);
    }

    [Theory, BothProviders]
    public async Task Certified_officers_are_those_holding_a_live_certificate(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (code, _, enrolmentId, institution) = await Certificates.CertificateTests.CompletedAsync(app);
        var course = await app.WithDbAsync(db => db.Enrolments.Where(e => e.Id == enrolmentId).Select(e => e.CourseId).SingleAsync());
        Assert.NotNull(await app.WithDbAsync(db => db.Enrolments.Where(e => e.Id == enrolmentId).Select(e => e.CertifiedAt).SingleAsync()));
        var staff = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        async Task<(int Completed, int Certified)> FiguresAsync(string filters)
        {
            var json = await (await staff.GetAsync($"/api/v1/academy/dashboard?by=institution&course={course}&{filters}")).JsonAsync();
            var row = json.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == institution.ToString());
            Assert.Equal(row.GetProperty("certified").GetInt32(), json.GetProperty("total").GetProperty("certified").GetInt32());
            return (row.GetProperty("completed").GetInt32(), row.GetProperty("certified").GetInt32());
        }
        Assert.Equal((1, 1), await FiguresAsync("year=2027"));

        // A reissue (a name corrected) still certifies the officer once; a revocation uncertifies them. Each asks with another
        // filter: the same question is answered from its count of a minute ago.
        var reissued = await (await staff.PostAsJsonAsync($"/api/v1/certificates/{code}/reissue", new { holderName = "José Núñez", reason = "Name corrected" })).JsonAsync();
        Assert.Equal((1, 1), await FiguresAsync("country=GT"));
        var revoke = await staff.PostAsJsonAsync($"/api/v1/certificates/{reissued.GetProperty("code").GetString()}/revoke", new { reason = "Issued in error" });
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Enrolments.Where(e => e.Id == enrolmentId).Select(e => e.CertifiedAt).SingleAsync()));
        Assert.Equal((1, 0), await FiguresAsync($"institution={institution}"));
    }
}
