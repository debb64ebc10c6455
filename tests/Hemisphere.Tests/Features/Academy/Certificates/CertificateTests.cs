using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hemisphere.Features.Academy;
using Hemisphere.Features.Academy.Certificates;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Outbox;
using Hemisphere.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Hemisphere.Tests.Features.Academy.Certificates;

[Collection(AppsCollection.Name)]
public sealed class CertificateTests(Apps apps)
{
    private const string Holder = "José Ñúñez Gonçalves";

    /// <summary>A learner (with an account, in an institution) whose enrolment completed, its event delivered twice; answers the certificate's code.</summary>
    internal static async Task<(string Code, TestUser User, Guid EnrolmentId, Guid Institution)> CompletedAsync(HemisphereApp app, string language = "es", string? email = null)
    {
        var institution = await app.AddInstitutionAsync("GT");
        var (course, edition) = await app.AddEditionAsync();
        await app.WithDbAsync(async db =>
        {
            var e = await db.Editions.FirstAsync(x => x.Id == edition.Id);
            e.Venue = "Academia de Policía";
            e.City = "Ciudad de Guatemala";
            e.CountryCode = "GT";
            e.EndsOn = new DateOnly(2027, 3, 26);
            return await db.SaveChangesAsync();
        });
        var user = await app.CreateUserAsync(HemisphereRole.Learner, language: language);
        var learner = new Learner { UserId = user.Id, Email = email ?? user.Email, FullName = Holder, CountryCode = "GT", InstitutionId = institution.Id, NationalId = "NID-" + Guid.NewGuid().ToString("N")[..8] };
        var completedAt = DateTimeOffset.UtcNow;
        var enrolment = new Enrolment
        {
            EditionId = edition.Id,
            CourseId = course.Id,
            LearnerId = learner.Id,
            CountryCode = "GT",
            InstitutionId = institution.Id,
            Year = 2027,
            Status = EnrolmentStatus.Completed,
            Source = EnrolmentSource.Manager,
            EnrolledAt = completedAt,
            CompletedAt = completedAt,
            ProgressPercent = 100,
            Grade = 87.5m,
        };
        var done = new CourseCompleted(enrolment.Id, learner.Id, user.Id, course.Id, edition.Id, course.Hours, 87.5m, completedAt);
        await app.WithDbAsync(async db =>
        {
            db.Learners.Add(learner);
            db.Enrolments.Add(enrolment);
            // The same event twice: a redelivery must not issue a second certificate.
            db.Outbox.Add(OutboxMessage.Create(CourseCompleted.Kind, done));
            db.Outbox.Add(OutboxMessage.Create(CourseCompleted.Kind, done));
            return await db.SaveChangesAsync();
        });
        await app.WaitForOutboxDrainedAsync();
        var code = await app.WithDbAsync(db => db.Certificates.Where(c => c.EnrolmentId == enrolment.Id).Select(c => c.Code).SingleAsync());
        return (code, user, enrolment.Id, institution.Id);
    }

    [Theory, BothProviders]
    public async Task Completion_issues_exactly_one_certificate_even_when_the_event_is_delivered_twice_or_at_once(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (code, user, enrolmentId, _) = await CompletedAsync(app);
        Assert.Equal(Certificate.CodeLength, code.Length);
        var certificate = await app.WithDbAsync(db => db.Certificates.SingleAsync(c => c.EnrolmentId == enrolmentId));
        Assert.Equal(Holder, certificate.HolderName);
        Assert.Equal("es", certificate.Language);
        Assert.StartsWith("Curso ", certificate.CourseTitle, StringComparison.Ordinal);
        Assert.StartsWith("Course ", certificate.CourseTitleEn, StringComparison.Ordinal);
        Assert.Equal(87.5m, certificate.Grade);
        Assert.Contains("Academia de Policía", certificate.EditionVenue, StringComparison.Ordinal);
        // The learner is told, with a link to the certificate.
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == user.Id && n.Kind == "academy.completed" && n.Url == "/verify/" + code)));

        // Delivered again, and twice at once: still one.
        var done = new CourseCompleted(enrolmentId, certificate.LearnerId, user.Id, certificate.CourseId!.Value, certificate.EditionId!.Value, 10, 87.5m, certificate.CompletedAt);
        async Task<string?> IssueAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<CertificateService>().IssueAsync(done, CancellationToken.None))?.Code;
        }
        var codes = await Task.WhenAll(IssueAsync(), IssueAsync(), IssueAsync());
        Assert.All(codes, c => Assert.Equal(code, c));
        Assert.Equal(1, await app.WithDbAsync(db => db.Certificates.CountAsync(c => c.EnrolmentId == enrolmentId)));

        // The learner's page links to it.
        var page = await PageClientAsync(app, user);
        var my = await page.GetStringAsync("/academy/my");
        Assert.Contains($"/academy/certificates/{code}.pdf", my, StringComparison.Ordinal);
        Assert.Contains($"/verify/{code}", my, StringComparison.Ordinal);
    }

    private static async Task<HttpClient> PageClientAsync(HemisphereApp app, TestUser user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account/login", new() { ["Email"] = user.Email, ["Password"] = user.Password })).StatusCode);
        return client;
    }

    [Theory, BothProviders]
    public async Task The_pdf_opens_in_the_holders_language_for_the_holder_their_manager_and_staff_only(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (code, user, _, institution) = await CompletedAsync(app);
        var holder = await app.ClientForAsync(user);
        var response = await holder.GetAsync($"/academy/certificates/{code}.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var pdf = PdfDocument.Open(bytes))
        {
            Assert.Equal(1, pdf.NumberOfPages);
            var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
            Assert.Contains(Squeeze(Holder), text, StringComparison.Ordinal);
            Assert.Contains(Squeeze(Certificate.Display(code)), text, StringComparison.Ordinal);
            Assert.Contains(Squeeze("Certificado de aprobación"), text, StringComparison.Ordinal);
            Assert.Contains(Squeeze("Academia de Policía"), text, StringComparison.Ordinal);
            Assert.Contains(Squeeze("/verify/" + code), text, StringComparison.Ordinal);
        }

        var manager = await app.ClientForRoleAsync(HemisphereRole.InstitutionManager, "GT", institution);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/academy/certificates/{code}.pdf")).StatusCode);
        var staff = await app.ClientForRoleAsync(HemisphereRole.Editor);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/academy/certificates/{code}.pdf")).StatusCode);

        var otherManager = await app.ClientForRoleAsync(HemisphereRole.InstitutionManager, "GT", (await app.AddInstitutionAsync("GT")).Id);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync($"/academy/certificates/{code}.pdf")).StatusCode);
        var stranger = await app.ClientForRoleAsync(HemisphereRole.Learner);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/academy/certificates/{code}.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/academy/certificates/{code}.pdf")).StatusCode);
    }

    private static string Squeeze(string s) => new(s.Where(c => !char.IsWhiteSpace(c)).ToArray());

    [Theory, BothProviders]
    public async Task Verification_answers_valid_revoked_and_unknown_with_the_minimum_facts(DatabaseProvider provider)
    {
        var app = apps[provider];
        var email = $"private-{Guid.NewGuid():N}@example.org";
        var (code, _, _, institution) = await CompletedAsync(app, email: email);
        var anonymous = app.CreateClient();

        var valid = await (await anonymous.GetAsync($"/api/v1/certificates/{code}/verification")).JsonAsync();
        Assert.Equal("valid", valid.GetProperty("status").GetString());
        Assert.Equal(Holder, valid.GetProperty("holderName").GetString());
        Assert.Equal(10m, valid.GetProperty("hours").GetDecimal());
        Assert.Equal("onSite", valid.GetProperty("editionMode").GetString());
        Assert.Equal("2027-03-01", valid.GetProperty("editionStartsOn").GetString());
        // Dashes and lower case, as people type them, find it too.
        Assert.Equal("valid", (await (await anonymous.GetAsync($"/api/v1/certificates/{Certificate.Display(code).ToLowerInvariant()}/verification")).JsonAsync()).GetProperty("status").GetString());

        var json = valid.GetRawText();
        var record = await app.WithDbAsync(db => db.Learners.SingleAsync(l => l.Email == email));
        Assert.DoesNotContain(email, json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(record.NationalId!, json, StringComparison.Ordinal);
        Assert.DoesNotContain(institution.ToString(), json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("87.5", json, StringComparison.Ordinal);
        Assert.DoesNotContain("grade", json, StringComparison.OrdinalIgnoreCase);

        var page = await anonymous.GetStringAsync($"/verify/{code}");
        Assert.Contains(Holder, System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.DoesNotContain(email, page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(record.NationalId!, page, StringComparison.Ordinal);
        Assert.DoesNotContain(institution.ToString(), page, StringComparison.OrdinalIgnoreCase);
        var institutionName = await app.WithDbAsync(db => db.Institutions.Where(i => i.Id == institution).Select(i => i.Name).SingleAsync());
        Assert.DoesNotContain(institutionName, page, StringComparison.Ordinal);
        // The grade (87.5) is not shown: look for it as a number, not as two digits a random code may hold.
        Assert.DoesNotMatch(@"(?<![0-9A-Z])87[.,]5(?![0-9])", page);

        // Unknown codes (well-formed or not) answer the same shape, with nothing in it.
        var unknown = await (await anonymous.GetAsync($"/api/v1/certificates/{Certificate.NewCode()}/verification")).JsonAsync();
        var garbage = await (await anonymous.GetAsync("/api/v1/certificates/x/verification")).JsonAsync();
        Assert.Equal("unknown", unknown.GetProperty("status").GetString());
        Assert.Equal("unknown", garbage.GetProperty("status").GetString());
        Assert.Equal(Names(valid), Names(unknown));
        Assert.Equal(Names(valid), Names(garbage));
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("holderName").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/verify/{Certificate.NewCode()}")).StatusCode);

        // Revoked by staff with a private reason: the date shows, the reason does not.
        var staff = await app.ClientForRoleAsync(HemisphereRole.Editor);
        const string reason = "Plagiarism found in the final essay";
        var revoked = await staff.PostAsJsonAsync($"/api/v1/certificates/{code}/revoke", new { reason });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(reason, (await revoked.JsonAsync()).GetProperty("revocationReason").GetString());
        var after = await (await anonymous.GetAsync($"/api/v1/certificates/{code}/verification")).JsonAsync();
        Assert.Equal("revoked", after.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("revokedAt").ValueKind);
        Assert.DoesNotContain("Plagiarism", after.GetRawText(), StringComparison.Ordinal);
        var revokedPage = await anonymous.GetStringAsync($"/verify/{code}");
        Assert.DoesNotContain("Plagiarism", revokedPage, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "academy.certificate.revoked" && a.Changes!.Contains(code))));
        // Not twice.
        await (await staff.PostAsJsonAsync($"/api/v1/certificates/{code}/revoke", new { reason })).ProblemAsync(HttpStatusCode.Conflict);
    }

    private static List<string> Names(JsonElement e) => e.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();

    [Theory, BothProviders]
    public async Task Only_staff_revoke_or_reissue_and_a_reissue_supersedes_the_old_code(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (code, user, enrolmentId, institution) = await CompletedAsync(app);
        var holder = await app.ClientForAsync(user);
        var manager = await app.ClientForRoleAsync(HemisphereRole.InstitutionManager, "GT", institution);
        foreach (var client in new[] { holder, manager })
        {
            await (await client.PostAsJsonAsync($"/api/v1/certificates/{code}/revoke", new { reason = "x" })).ProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsJsonAsync($"/api/v1/certificates/{code}/reissue", new { holderName = "X", reason = "x" })).ProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync($"/api/v1/certificates/{code}")).ProblemAsync(HttpStatusCode.Forbidden);
        }
        var staff = await app.ClientForRoleAsync(HemisphereRole.Editor);
        await (await staff.PostAsJsonAsync($"/api/v1/certificates/{code}/reissue", new { holderName = "José Núñez Gonçalves" })).ValidationProblemAsync("reason");
        await (await staff.PostAsJsonAsync($"/api/v1/certificates/{Certificate.NewCode()}/revoke", new { reason = "x" })).ProblemAsync(HttpStatusCode.NotFound);

        var reissued = await staff.PostAsJsonAsync($"/api/v1/certificates/{code}/reissue", new { holderName = "José Núñez Gonçalves", reason = "Name misspelt" });
        Assert.Equal(HttpStatusCode.Created, reissued.StatusCode);
        var fresh = await reissued.JsonAsync();
        var newCode = fresh.GetProperty("code").GetString()!;
        Assert.NotEqual(code, newCode);
        Assert.Equal("José Núñez Gonçalves", fresh.GetProperty("holderName").GetString());
        Assert.Equal(code, fresh.GetProperty("previousCode").GetString());

        var anonymous = app.CreateClient();
        var old = await (await anonymous.GetAsync($"/api/v1/certificates/{code}/verification")).JsonAsync();
        Assert.Equal("superseded", old.GetProperty("status").GetString());
        Assert.Equal(newCode, old.GetProperty("supersededBy").GetString());
        Assert.Equal("/verify/" + newCode, old.GetProperty("supersededByUrl").GetString());
        var oldPage = await anonymous.GetStringAsync($"/verify/{code}");
        Assert.Contains($"href=\"/verify/{newCode}\"", oldPage, StringComparison.Ordinal);
        Assert.Equal("valid", (await (await anonymous.GetAsync($"/api/v1/certificates/{newCode}/verification")).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(2, await app.WithDbAsync(db => db.Certificates.CountAsync(c => c.EnrolmentId == enrolmentId)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "academy.certificate.reissued" && a.Changes!.Contains(newCode))));
        // A superseded certificate is not reissued or revoked again; the holder's page links to the new one.
        await (await staff.PostAsJsonAsync($"/api/v1/certificates/{code}/reissue", new { reason = "again" })).ProblemAsync(HttpStatusCode.Conflict);
        var my = await (await PageClientAsync(app, user)).GetStringAsync("/academy/my");
        Assert.Contains($"/academy/certificates/{newCode}.pdf", my, StringComparison.Ordinal);
        Assert.DoesNotContain($"/academy/certificates/{code}.pdf", my, StringComparison.Ordinal);

        // The staff page finds it by code; others do not see the page.
        var staffPage = await PageClientAsync(app, await app.CreateUserAsync(HemisphereRole.Editor));
        var found = await staffPage.GetStringAsync($"/academy/certificates?code={Certificate.Display(newCode)}");
        Assert.Contains(Certificate.Display(newCode), found, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await PageClientAsync(app, user)).GetAsync($"/academy/certificates?code={newCode}")).StatusCode);
        var revoked = await staffPage.PostFormAsync("/academy/certificates?handler=Revoke", new() { ["Code"] = newCode, ["Reason"] = "Issued in error" }, $"/academy/certificates?code={newCode}");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal("revoked", (await (await anonymous.GetAsync($"/api/v1/certificates/{newCode}/verification")).JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Verification_beyond_the_limit_gets_429_with_Retry_After()
    {
        var path = Path.Combine(Path.GetTempPath(), "hemisphere-verify-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        await using var app = new HemisphereApp(DatabaseProvider.Sqlite, Apps.SqliteConnectionString(path),
            new Dictionary<string, string?> { ["RateLimits:VerificationPerMinute"] = "3" });
        await app.InitializeAsync();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/certificates/{Certificate.NewCode()}/verification")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/verify/{Certificate.NewCode()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/certificates/{Certificate.NewCode()}/verification")).StatusCode);
        var limited = await client.GetAsync($"/api/v1/certificates/{Certificate.NewCode()}/verification");
        await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync($"/verify/{Certificate.NewCode()}")).StatusCode);
    }
}
