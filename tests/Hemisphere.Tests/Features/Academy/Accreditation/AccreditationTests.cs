using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hemisphere.Features.Academy;
using Hemisphere.Features.Academy.Accreditation;
using Hemisphere.Features.Academy.Certificates;
using Hemisphere.Features.Academy.Programmes;
using Hemisphere.Features.Directory;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Outbox;
using Hemisphere.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using static Hemisphere.Tests.Features.Academy.Accreditation.AccreditationWorld;

namespace Hemisphere.Tests.Features.Academy.Accreditation;

[Collection(AppsCollection.Name)]
public sealed class AccreditationTests(Apps apps)
{
    [Theory, BothProviders]
    public async Task A_certificate_for_a_completion_under_an_active_accreditation_carries_the_university_and_credits_in_the_record_pdf_and_verification(DatabaseProvider provider)
    {
        var app = apps[provider];
        var university = await app.AddUniversityAsync();
        var (course, edition) = await app.AddEditionAsync();
        var reference = "UNAL-DPS-" + Guid.NewGuid().ToString("N")[..6];
        await app.AccreditAsync(university.Id, course.Id, credits: 7.5m, system: "ECTS", reference: reference);
        // A draft accreditation by another university for the same course: it has no effect.
        var other = await app.AddUniversityAsync();
        await app.AccreditAsync(other.Id, course.Id, credits: 99, status: "draft");

        var (_, enrolment, user) = await app.CompleteAsync(course, edition);
        var certificate = await app.WithDbAsync(db => db.Certificates.SingleAsync(c => c.EnrolmentId == enrolment.Id));
        Assert.Equal(university.Name, certificate.AccreditingUniversity);
        Assert.Equal(7.5m, certificate.Credits);
        Assert.Equal("ECTS", certificate.CreditSystem);
        Assert.Equal(reference, certificate.AgreementReference);

        var anonymous = app.CreateClient();
        var verification = await (await anonymous.GetAsync($"/api/v1/certificates/{certificate.Code}/verification")).JsonAsync();
        var accreditation = verification.GetProperty("accreditation");
        Assert.Equal(university.Name, accreditation.GetProperty("university").GetString());
        Assert.Equal(7.5m, accreditation.GetProperty("credits").GetDecimal());
        Assert.Equal("ECTS", accreditation.GetProperty("creditSystem").GetString());
        Assert.Equal(reference, accreditation.GetProperty("agreementReference").GetString());
        Assert.Equal("course", verification.GetProperty("kind").GetString());
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/verify/{certificate.Code}"));
        Assert.Contains(university.Name, page, StringComparison.Ordinal);
        Assert.Contains(reference, page, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Name, page, StringComparison.Ordinal);

        var holder = await app.ClientForAsync(user);
        var bytes = await holder.GetByteArrayAsync($"/academy/certificates/{certificate.Code}.pdf");
        using var pdf = PdfDocument.Open(bytes);
        var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
        Assert.Contains(Squeeze(university.Name), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze("7.5 ECTS credits"), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze(reference), text, StringComparison.Ordinal);

        // The same course completed without any active accreditation covering the day: no accreditation facts.
        var (plainCourse, plainEdition) = await app.AddEditionAsync();
        await app.AccreditAsync(university.Id, plainCourse.Id, validFrom: "2020-01-01", validTo: "2020-12-31");
        var (_, plain, _) = await app.CompleteAsync(plainCourse, plainEdition);
        var plainCertificate = await app.WithDbAsync(db => db.Certificates.SingleAsync(c => c.EnrolmentId == plain.Id));
        Assert.Null(plainCertificate.AccreditingUniversity);
        Assert.Null(plainCertificate.Credits);
        var plainVerification = await (await anonymous.GetAsync($"/api/v1/certificates/{plainCertificate.Code}/verification")).JsonAsync();
        Assert.Equal(JsonValueKind.Null, plainVerification.GetProperty("accreditation").ValueKind);
    }

    [Theory, BothProviders]
    public async Task A_universitys_staff_see_the_outcomes_of_the_courses_they_accredit_within_the_dates_and_nothing_else(DatabaseProvider provider)
    {
        var app = apps[provider];
        var universityA = await app.AddUniversityAsync();
        var universityB = await app.AddUniversityAsync();
        var police = await app.AddInstitutionAsync("GT");
        var (courseA, editionA) = await app.AddEditionAsync();
        var (courseB, editionB) = await app.AddEditionAsync();
        var (oldCourse, oldEdition) = await app.AddEditionAsync();
        var accreditationA = await app.AccreditAsync(universityA.Id, courseA.Id, credits: 4);
        var accreditationB = await app.AccreditAsync(universityB.Id, courseB.Id, credits: 3, system: "SCH");
        // Accredited by A, but only for completions in 2020.
        await app.AccreditAsync(universityA.Id, oldCourse.Id, validFrom: "2020-01-01", validTo: "2020-12-31");

        var inA = "Ana " + Guid.NewGuid().ToString("N")[..6];
        var inB = "Bruno " + Guid.NewGuid().ToString("N")[..6];
        var outside = "Carla " + Guid.NewGuid().ToString("N")[..6];
        var (learnerA, enrolmentA, _) = await app.CompleteAsync(courseA, editionA, police.Id, inA);
        await app.CompleteAsync(courseB, editionB, police.Id, inB);
        await app.CompleteAsync(oldCourse, oldEdition, police.Id, outside);
        var codeA = await app.CodeOfAsync(enrolmentA.Id);

        var staffAUser = await app.CreateUserAsync(HemisphereRole.InstitutionManager, null, universityA.Id);
        var staffA = await app.ClientForAsync(staffAUser);
        var rows = await (await staffA.GetAsync("/api/v1/academy/accreditations/outcomes")).JsonAsync();
        var names = rows.EnumerateArray().Select(r => r.GetProperty("learnerName").GetString()).ToList();
        Assert.Equal([inA], names);
        var row = rows[0];
        Assert.Equal(learnerA.Id, row.GetProperty("learnerId").GetGuid());
        Assert.Equal("GT", row.GetProperty("country").GetString());
        Assert.Equal(police.Name, row.GetProperty("institution").GetString());
        Assert.Equal(courseA.Code, row.GetProperty("courseCode").GetString());
        Assert.Equal(editionA.Name, row.GetProperty("edition").GetString());
        Assert.Equal(91.25m, row.GetProperty("grade").GetDecimal());
        Assert.Equal(4m, row.GetProperty("credits").GetDecimal());
        Assert.Equal(10m, row.GetProperty("hours").GetDecimal());
        Assert.Equal(codeA, row.GetProperty("certificateCode").GetString());
        Assert.Equal("valid", row.GetProperty("certificateStatus").GetString());

        var csvResponse = await staffA.GetAsync("/api/v1/academy/accreditations/outcomes.csv");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var csv = await csvResponse.Content.ReadAsStringAsync();
        Assert.Contains(inA, csv, StringComparison.Ordinal);
        Assert.Contains(codeA, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(inB, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(outside, csv, StringComparison.Ordinal);

        // University B's staff: B's outcome only.
        var staffB = await app.ClientForRoleAsync(HemisphereRole.InstitutionManager, null, universityB.Id);
        var rowsB = await (await staffB.GetAsync("/api/v1/academy/accreditations/outcomes")).JsonAsync();
        Assert.Equal([inB], rowsB.EnumerateArray().Select(r => r.GetProperty("learnerName").GetString()).ToList());
        Assert.Equal(HttpStatusCode.NotFound, (await staffB.GetAsync($"/api/v1/academy/accreditations/outcomes?accreditation={accreditationA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staffA.GetAsync($"/api/v1/academy/accreditations/{accreditationB}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staffA.GetAsync($"/api/v1/academy/accreditations/{accreditationA}")).StatusCode);
        var listA = await (await staffA.GetAsync("/api/v1/academy/accreditations")).JsonAsync();
        Assert.All(listA.EnumerateArray(), a => Assert.Equal(universityA.Id, a.GetProperty("universityId").GetGuid()));
        Assert.Equal(2, listA.GetArrayLength());

        // The page shows the same, and only that.
        var page = WebUtility.HtmlDecode(await (await app.PageClientAsync(staffAUser)).GetStringAsync("/academy/accreditations/outcomes"));
        Assert.Contains(inA, page, StringComparison.Ordinal);
        Assert.DoesNotContain(inB, page, StringComparison.Ordinal);
        Assert.DoesNotContain(outside, page, StringComparison.Ordinal);

        // A police institution's manager and a learner are no university's staff; university staff do not edit.
        var policeManager = await app.ClientForRoleAsync(HemisphereRole.InstitutionManager, "GT", police.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await policeManager.GetAsync("/api/v1/academy/accreditations/outcomes")).StatusCode);
        var learner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync("/api/v1/academy/accreditations/outcomes.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staffA.PostAsJsonAsync("/api/v1/academy/accreditations", new
        {
            universityId = universityA.Id,
            courseId = courseB.Id,
            agreementReference = "X",
            credits = 1,
            creditSystem = "ECTS",
            validFrom = "2026-01-01",
            status = "active",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/academy/accreditations/outcomes")).StatusCode);

        // The agreement: uploaded by staff, downloaded by A's staff, not by B's.
        var staff = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var agreementPdf = await (await app.ClientForRoleAsync(HemisphereRole.Editor)).GetByteArrayAsync($"/academy/certificates/{codeA}.pdf");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(agreementPdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "agreement.pdf");
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsync($"/api/v1/academy/accreditations/{accreditationA}/agreement", form)).StatusCode);
        Assert.Equal(agreementPdf, await staffA.GetByteArrayAsync($"/academy/accreditations/{accreditationA}/agreement"));
        Assert.Equal(HttpStatusCode.NotFound, (await staffB.GetAsync($"/academy/accreditations/{accreditationA}/agreement")).StatusCode);
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityId == accreditationA.ToString() && e.Action.StartsWith("academy.accreditation")));
        Assert.True(audited >= 2, "creation and the agreement are audited");
    }

    public static TheoryData<DatabaseProvider, string, string> BadInputs()
    {
        var data = new TheoryData<DatabaseProvider, string, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
            foreach (var (change, field) in new[] { ("negative-credits", "credits"), ("dates-reversed", "validTo"), ("unknown-course", "courseId"), ("police", "universityId"), ("no-target", "courseId") })
                data.Add(provider, change, field);
        return data;
    }

    [Theory, MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_refused_with_the_field_named_and_nothing_stored(DatabaseProvider provider, string change, string field)
    {
        var app = apps[provider];
        var university = await app.AddUniversityAsync();
        var police = await app.AddInstitutionAsync("GT");
        var (course, _) = await app.AddEditionAsync();
        var reference = "BAD-" + Guid.NewGuid().ToString("N")[..8];
        var staff = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var response = await staff.PostAsJsonAsync("/api/v1/academy/accreditations", new
        {
            universityId = change == "police" ? police.Id : university.Id,
            courseId = change switch { "unknown-course" => Guid.NewGuid(), "no-target" => (Guid?)null, _ => course.Id },
            agreementReference = reference,
            credits = change == "negative-credits" ? -1m : 5m,
            creditSystem = "ECTS",
            validFrom = "2027-06-01",
            validTo = change == "dates-reversed" ? "2027-05-31" : "2028-06-01",
            status = "active",
        });
        await response.ValidationProblemAsync(field);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<CourseAccreditation>().CountAsync(a => a.AgreementReference == reference)));

        // And an edit with the same mistake leaves the stored record as it was.
        var id = await app.AccreditAsync(university.Id, course.Id, credits: 5, reference: reference);
        var edit = await staff.PutAsJsonAsync($"/api/v1/academy/accreditations/{id}", new
        {
            universityId = change == "police" ? police.Id : university.Id,
            courseId = change switch { "unknown-course" => Guid.NewGuid(), "no-target" => (Guid?)null, _ => course.Id },
            agreementReference = reference + "-changed",
            credits = change == "negative-credits" ? -1m : 8m,
            creditSystem = "SCH",
            validFrom = "2027-06-01",
            validTo = change == "dates-reversed" ? "2027-05-31" : "2028-06-01",
            status = "active",
        });
        await edit.ValidationProblemAsync(field);
        var stored = await app.WithDbAsync(db => db.Set<CourseAccreditation>().AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(reference, stored.AgreementReference);
        Assert.Equal(5m, stored.Credits);
        Assert.Equal("ECTS", stored.CreditSystem);
    }

    [Theory, BothProviders]
    public async Task Completing_every_course_of_a_programme_issues_one_programme_certificate_even_when_the_event_is_delivered_twice(DatabaseProvider provider)
    {
        var app = apps[provider];
        var (first, firstEdition) = await app.AddEditionAsync();
        var (second, secondEdition) = await app.AddEditionAsync();
        await app.WithDbAsync(async db =>
        {
            var c = await db.Courses.SingleAsync(x => x.Id == second.Id);
            c.Hours = 32.5m;
            return await db.SaveChangesAsync();
        });
        second.Hours = 32.5m;
        var slug = "prog-" + Guid.NewGuid().ToString("N")[..8];
        var programme = new AcademyProgramme { Slug = slug, Kind = ProgrammeKind.OnSiteCourse, Title = new() { En = "Programme " + slug, Es = "Programa " + slug } };
        await app.WithDbAsync(async db =>
        {
            db.AcademyProgrammes.Add(programme);
            db.ProgrammeCourses.Add(new ProgrammeCourse { ProgrammeId = programme.Id, CourseId = first.Id, Position = 1 });
            db.ProgrammeCourses.Add(new ProgrammeCourse { ProgrammeId = programme.Id, CourseId = second.Id, Position = 2 });
            return await db.SaveChangesAsync();
        });
        var university = await app.AddUniversityAsync();
        await app.AccreditAsync(university.Id, programme: programme.Id, credits: 12, system: "ECTS");

        // The first course alone completes nothing.
        var (learner, _, user) = await app.CompleteAsync(first, firstEdition);
        Assert.Equal(0, await app.WithDbAsync(db => db.Certificates.CountAsync(c => c.ProgrammeId == programme.Id)));
        // The second one (its event delivered twice) completes the programme.
        await app.CompleteAsync(second, secondEdition, learner: learner, user: user);
        // And the programme event itself delivered twice more.
        var done = new ProgrammeCompleted(learner.Id, user.Id, programme.Id, DateTimeOffset.UtcNow);
        await app.WithDbAsync(async db =>
        {
            db.Outbox.Add(OutboxMessage.Create(ProgrammeCompleted.Kind, done));
            db.Outbox.Add(OutboxMessage.Create(ProgrammeCompleted.Kind, done));
            return await db.SaveChangesAsync();
        });
        await app.WaitForOutboxDrainedAsync();

        var certificate = await app.WithDbAsync(db => db.Certificates.SingleAsync(c => c.ProgrammeId == programme.Id));
        Assert.Equal(learner.Id, certificate.LearnerId);
        Assert.Null(certificate.EnrolmentId);
        Assert.Equal(42.5m, certificate.Hours);
        Assert.Equal(university.Name, certificate.AccreditingUniversity);
        Assert.Equal(12m, certificate.Credits);
        Assert.Equal("Programme " + slug, certificate.CourseTitleEn);

        // Issued at once three times more: still the one.
        async Task<string?> IssueAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<ProgrammeCompletion>().IssueAsync(done, CancellationToken.None))?.Code;
        }
        var codes = await Task.WhenAll(IssueAsync(), IssueAsync(), IssueAsync());
        Assert.All(codes, c => Assert.Equal(certificate.Code, c));
        Assert.Equal(1, await app.WithDbAsync(db => db.Certificates.CountAsync(c => c.ProgrammeId == programme.Id)));

        var verification = await (await app.CreateClient().GetAsync($"/api/v1/certificates/{certificate.Code}/verification")).JsonAsync();
        Assert.Equal("valid", verification.GetProperty("status").GetString());
        Assert.Equal("programme", verification.GetProperty("kind").GetString());
        Assert.Equal(42.5m, verification.GetProperty("hours").GetDecimal());
        Assert.Equal(JsonValueKind.Null, verification.GetProperty("editionMode").ValueKind);
        Assert.Equal(12m, verification.GetProperty("accreditation").GetProperty("credits").GetDecimal());
        var page = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync($"/verify/{certificate.Code}"));
        Assert.Contains("Programme " + slug, page, StringComparison.Ordinal);
        Assert.Contains("42.5", page, StringComparison.Ordinal);

        using var pdf = PdfDocument.Open(await (await app.ClientForAsync(user)).GetByteArrayAsync($"/academy/certificates/{certificate.Code}.pdf"));
        var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
        Assert.Contains(Squeeze("has completed the programme"), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze(university.Name), text, StringComparison.Ordinal);

        // A university's staff see the programme outcome.
        var staff = await app.ClientForRoleAsync(HemisphereRole.InstitutionManager, null, university.Id);
        var rows = await (await staff.GetAsync("/api/v1/academy/accreditations/outcomes")).JsonAsync();
        Assert.Equal(certificate.Code, Assert.Single(rows.EnumerateArray()).GetProperty("certificateCode").GetString());
    }
}
