using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hemisphere.Features.Academy;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Tests.Features.Academy.Bulk;

[Collection(AppsCollection.Name)]
public sealed class EnrolmentImportTests(Apps apps)
{
    private const string Imports = "/api/v1/academy/enrolments/imports";

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv, string name = "officers.csv") =>
        UploadAsync(client, new UTF8Encoding(false).GetBytes(csv), name);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string name = "officers.csv")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name);
        return await client.PostAsync(Imports, form);
    }

    private static string Mail() => "officer-" + Guid.NewGuid().ToString("N")[..10] + "@example.org";

    [Theory, BothProviders]
    public async Task Good_rows_are_enrolled_then_waitlisted_and_bad_rows_are_reported_and_leave_nothing(DatabaseProvider provider)
    {
        var app = apps[provider];
        var pnc = await app.AddInstitutionAsync("GT", name: "Policía Nacional Civil " + Guid.NewGuid().ToString("N")[..6]);
        var (_, edition) = await app.AddEditionAsync(seats: 2);
        var (_, cancelled) = await app.AddEditionAsync(cancelled: true);
        var (_, closed) = await app.AddEditionAsync(closes: DateTimeOffset.UtcNow.AddDays(-1));
        var staff = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        string a = Mail(), b = Mail(), c = Mail(), bad1 = Mail(), bad2 = Mail(), bad3 = Mail(), bad4 = Mail();
        var csv = $"""
            email,national_id,name,institution,country,edition
            {a},,Ana Pérez,{pnc.Name},GT,{edition.Id}
            {b},GT-123,Bruno Díaz,{pnc.Id},gt,{edition.Id}
            {c},,Carla Ruiz,{pnc.Name.ToUpperInvariant()},GT,{edition.Id}
            {a.ToUpperInvariant()},,Ana Pérez,{pnc.Name},GT,{edition.Id}
            {bad1},,Nobody,Policía Inexistente,GT,{edition.Id}
            not-an-email,,Nobody,{pnc.Name},GT,{edition.Id}
            ,,No Identity,{pnc.Name},GT,{edition.Id}
            {bad2},,Nobody,{pnc.Name},GT,{Guid.NewGuid()}
            {bad3},,Nobody,{pnc.Name},GT,{cancelled.Id}
            {bad4},,Nobody,{pnc.Id},HN,{edition.Id}
            {bad4},,Nobody,{pnc.Name},XX,{edition.Id}
            ,GT-999,,{pnc.Name},GT,{edition.Id}
            {bad4},,Nobody,{pnc.Name},GT,{closed.Id}
            """;
        var response = await UploadAsync(staff, csv);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = await response.JsonAsync();
        Assert.Equal(13, result.GetProperty("rows").GetInt32());
        Assert.Equal(2, result.GetProperty("enrolled").GetInt32());
        Assert.Equal(1, result.GetProperty("waitlisted").GetInt32());
        Assert.Equal(10, result.GetProperty("rejected").GetInt32());
        Assert.Equal(0, result.GetProperty("alreadyEnrolled").GetInt32());
        var id = result.GetProperty("id").GetGuid();

        // The report: every rejected row with its number, its fields and the reason.
        var reportResponse = await staff.GetAsync(result.GetProperty("reportUrl").GetString());
        Assert.Equal("text/csv", reportResponse.Content.Headers.ContentType?.MediaType);
        var bytes = await reportResponse.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Take(3).SequenceEqual(Encoding.UTF8.GetPreamble()));
        var report = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = report.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("row,email,national_id,name,institution,country,edition,outcome,reason", lines[0]);
        Assert.Equal(11, lines.Length);
        Assert.True(lines.Any(x => x.StartsWith("5,", StringComparison.Ordinal) && x.Contains("Same learner and edition as row 2", StringComparison.Ordinal)), report);
        Assert.True(lines.Any(x => x.StartsWith("6,", StringComparison.Ordinal) && x.Contains("No institution 'Policía Inexistente' in GT", StringComparison.Ordinal)), report);
        Assert.True(lines.Any(x => x.StartsWith("7,", StringComparison.Ordinal) && x.Contains("is not a valid e-mail address", StringComparison.Ordinal)), report);
        Assert.True(lines.Any(x => x.StartsWith("8,", StringComparison.Ordinal) && x.Contains("An e-mail or a national id is required", StringComparison.Ordinal)), report);
        Assert.True(lines.Any(x => x.StartsWith("9,", StringComparison.Ordinal) && x.Contains("No edition", StringComparison.Ordinal)), report);
        Assert.True(lines.Any(x => x.StartsWith("10,", StringComparison.Ordinal) && x.Contains("cancelled", StringComparison.Ordinal)), report);
        Assert.True(lines.Any(x => x.StartsWith("11,", StringComparison.Ordinal) && x.Contains("is not in HN", StringComparison.Ordinal)), report);
        Assert.True(lines.Any(x => x.StartsWith("12,", StringComparison.Ordinal) && x.Contains("two-letter code", StringComparison.Ordinal)), report);
        Assert.True(lines.Any(x => x.StartsWith("13,", StringComparison.Ordinal) && x.Contains("name is required", StringComparison.Ordinal)), report);
        Assert.True(lines.Any(x => x.StartsWith("14,", StringComparison.Ordinal) && x.Contains("is not open", StringComparison.Ordinal)), report);

        // The same report in Spanish for a Spanish reader.
        var es = await staff.GetStringAsync(result.GetProperty("reportUrl").GetString() + "?lang=es");
        Assert.Contains(lines[1].Split(',')[0], es, StringComparison.Ordinal);

        await app.WithDbAsync(async db =>
        {
            var enrolments = await db.Enrolments.Where(e => e.ImportId == id).ToListAsync();
            Assert.Equal(3, enrolments.Count);
            Assert.All(enrolments, e =>
            {
                Assert.Equal(EnrolmentSource.Bulk, e.Source);
                Assert.Equal(pnc.Id, e.InstitutionId);
                Assert.Equal("GT", e.CountryCode);
                Assert.Equal(2027, e.Year);
                Assert.Equal(edition.CourseId, e.CourseId);
            });
            var learners = await db.Learners.Where(l => l.Email == a || l.Email == b || l.Email == c).ToListAsync();
            Assert.Equal(3, learners.Count);
            Assert.Equal("GT-123", learners.Single(l => l.Email == b).NationalId);
            var waitlisted = enrolments.Single(e => e.Status == EnrolmentStatus.Waitlisted);
            Assert.Equal(learners.Single(l => l.Email == c).Id, waitlisted.LearnerId);
            Assert.Null(waitlisted.EnrolledAt);
            // Rejected rows left nothing behind.
            Assert.False(await db.Learners.AnyAsync(l => l.Email == bad1 || l.Email == bad2 || l.Email == bad3 || l.Email == bad4 || l.NationalId == "GT-999"));
            // One audit entry for the whole file.
            Assert.Equal(1, await db.AuditEntries.CountAsync(x => x.EntityId == id.ToString()));
            Assert.False(await db.AuditEntries.AnyAsync(x => x.EntityType == nameof(Learner) && learners.Select(l => l.Id.ToString()).Contains(x.EntityId)));
            return 0;
        });

        // Sending the file again: the good rows are already enrolled (reported, not rejected), nothing new.
        var again = await (await UploadAsync(staff, csv)).JsonAsync();
        Assert.Equal(0, again.GetProperty("enrolled").GetInt32() + again.GetProperty("waitlisted").GetInt32());
        Assert.Equal(3, again.GetProperty("alreadyEnrolled").GetInt32());
        Assert.Equal(0, again.GetProperty("newLearners").GetInt32());
        var againReport = await staff.GetStringAsync(again.GetProperty("reportUrl").GetString());
        Assert.Contains("Already in this edition (on the waiting list)", againReport, StringComparison.Ordinal);
        Assert.Equal(3, await app.WithDbAsync(db => db.Enrolments.CountAsync(e => e.EditionId == edition.Id)));
    }

    [Theory, BothProviders]
    public async Task Encodings_separators_and_headers(DatabaseProvider provider)
    {
        var app = apps[provider];
        var inst = await app.AddInstitutionAsync("HN", name: "Policía Nacional " + Guid.NewGuid().ToString("N")[..6]);
        var (_, edition) = await app.AddEditionAsync();
        var staff = await app.ClientForRoleAsync(HemisphereRole.Administrator);

        // Windows-1252 (Excel's "CSV" on Windows), ';' separator, Spanish headers: read, with a note.
        var mail = Mail();
        var text = $"Correo electrónico;Documento;Nombre completo;Institución;País;Edición\r\n{mail};HN-1;José Núñez;{inst.Name};HN;{edition.Id}\r\n";
        var cp1252 = text.Select(ch => ch switch { 'é' => (byte)0xE9, 'ú' => (byte)0xFA, 'í' => (byte)0xED, 'ó' => (byte)0xF3, 'ñ' => (byte)0xF1, _ => (byte)ch }).ToArray();
        var result = await (await UploadAsync(staff, cp1252)).JsonAsync();
        Assert.Equal(1, result.GetProperty("enrolled").GetInt32());
        Assert.Contains("Windows-1252", result.GetProperty("notes")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("José Núñez", await app.WithDbAsync(db => db.Learners.Where(l => l.Email == mail).Select(l => l.FullName).SingleAsync()));

        // UTF-8 with a BOM, French headers, extra column ignored (with a note).
        var mail2 = Mail();
        var bom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"Courriel,Nom,Institution,Pays,Édition,Remarque\n{mail2},Amélie Joseph,{inst.Name},HN,{edition.Id},x\n")).ToArray();
        var r2 = await (await UploadAsync(staff, bom)).JsonAsync();
        Assert.Equal(1, r2.GetProperty("enrolled").GetInt32());
        Assert.Contains("Remarque", r2.GetProperty("notes")[0].GetString(), StringComparison.Ordinal);

        // Not text at all: refused as a whole, nothing stored.
        var before = await app.WithDbAsync(db => db.EnrolmentImports.CountAsync());
        var binary = await UploadAsync(staff, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x81, 0x8D]);
        var problem = await binary.ValidationProblemAsync("file");
        Assert.Contains("UTF-8", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);

        // A missing column: refused as a whole, saying which.
        var missing = await (await UploadAsync(staff, $"email,name,institution,country\n{Mail()},X,{inst.Name},HN\n")).ValidationProblemAsync("file");
        Assert.Contains("edition", missing.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        var noIdentity = await (await UploadAsync(staff, $"name,institution,country,edition\nX,{inst.Name},HN,{edition.Id}\n")).ValidationProblemAsync("file");
        Assert.Contains("email / national_id", noIdentity.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        await (await UploadAsync(staff, "")).ValidationProblemAsync("file");
        await (await UploadAsync(staff, "email,national_id,name,institution,country,edition\n")).ValidationProblemAsync("file");
        Assert.Equal(before, await app.WithDbAsync(db => db.EnrolmentImports.CountAsync()));

        // A text/csv body works too.
        var body = new StringContent($"email,name,institution,country,edition\n{Mail()},Body Row,{inst.Name},HN,{edition.Id}\n", Encoding.UTF8, "text/csv");
        var r3 = await (await staff.PostAsync(Imports, body)).JsonAsync();
        Assert.Equal(1, r3.GetProperty("enrolled").GetInt32());
        // Anything else is not a file.
        await (await staff.PostAsJsonAsync(Imports, new { x = 1 })).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory, BothProviders]
    public async Task A_manager_enrols_only_their_institutions_learners_and_sees_only_their_imports(DatabaseProvider provider)
    {
        var app = apps[provider];
        var a = await app.AddInstitutionAsync("CR");
        var b = await app.AddInstitutionAsync("CR");
        var (_, edition) = await app.AddEditionAsync();
        var managerA = await app.ClientForRoleAsync(HemisphereRole.InstitutionManager, institution: a.Id);
        var managerB = await app.ClientForRoleAsync(HemisphereRole.InstitutionManager, institution: b.Id);
        var staff = await app.ClientForRoleAsync(HemisphereRole.Administrator);

        // A learner of B already on record.
        var ofB = Mail();
        Assert.Equal(1, (await (await UploadAsync(managerB, $"email,name,institution,country,edition\n{ofB},Learner of B,{b.Name},CR,{edition.Id}\n")).JsonAsync()).GetProperty("enrolled").GetInt32());
        var (_, edition2) = await app.AddEditionAsync(course: await app.WithDbAsync(db => db.Courses.SingleAsync(c => c.Id == edition.CourseId)));

        var mine = Mail();
        var foreign = Mail();
        var csv = $"""
            email,name,institution,country,edition
            {mine},Mine,{a.Name},CR,{edition.Id}
            {foreign},Foreign,{b.Name},CR,{edition.Id}
            {ofB},Learner of B,{a.Name},CR,{edition2.Id}
            """;
        var response = await UploadAsync(managerA, csv);
        var result = await response.JsonAsync();
        Assert.Equal(1, result.GetProperty("enrolled").GetInt32());
        Assert.Equal(2, result.GetProperty("rejected").GetInt32());
        var report = await managerA.GetStringAsync(result.GetProperty("reportUrl").GetString());
        Assert.Contains("You may not enrol learners of this institution", report, StringComparison.Ordinal);
        Assert.Contains("recorded at an institution you do not manage", report, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Learners.AnyAsync(l => l.Email == foreign)));
        Assert.False(await app.WithDbAsync(db => db.Enrolments.AnyAsync(e => e.EditionId == edition2.Id)));

        // Only the uploader and staff see the import and its report.
        var id = result.GetProperty("id").GetGuid();
        await (await managerB.GetAsync($"{Imports}/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await managerB.GetAsync($"{Imports}/{id}/rejected.csv")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"{Imports}/{id}/rejected.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await managerA.GetAsync($"{Imports}/{id}")).StatusCode);
        var listB = await (await managerB.GetAsync(Imports)).JsonAsync();
        Assert.DoesNotContain(listB.EnumerateArray(), x => x.GetProperty("id").GetGuid() == id);

        // Someone who manages nobody may not import at all; anonymous callers are not signed in.
        var learner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        await (await UploadAsync(learner, csv)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadAsync(app.CreateClient(), csv)).StatusCode);
    }

    [Theory, BothProviders]
    public async Task A_new_learner_is_linked_to_the_account_with_the_same_confirmed_email_and_known_learners_keep_their_record(DatabaseProvider provider)
    {
        var app = apps[provider];
        var inst = await app.AddInstitutionAsync("PA");
        var other = await app.AddInstitutionAsync("PA");
        var (_, edition) = await app.AddEditionAsync();
        var (_, edition2) = await app.AddEditionAsync();
        var user = await app.CreateUserAsync(HemisphereRole.Learner);
        var staff = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        var r = await (await UploadAsync(staff, $"email,national_id,name,institution,country,edition\n{user.Email.ToUpperInvariant()},PA-77,Officer,{inst.Name},PA,{edition.Id}\n")).JsonAsync();
        Assert.Equal(1, r.GetProperty("newLearners").GetInt32());
        var learner = await app.WithDbAsync(db => db.Learners.SingleAsync(l => l.Email == user.Email.ToLowerInvariant()));
        Assert.Equal(user.Id, learner.UserId);

        // Found by national id; the record keeps its name and institution, the differences are warnings.
        var r2 = await (await UploadAsync(staff, $"national_id,name,institution,country,edition\nPA-77,Another Name,{other.Name},PA,{edition2.Id}\n")).JsonAsync();
        Assert.Equal(1, r2.GetProperty("enrolled").GetInt32());
        Assert.Equal(0, r2.GetProperty("newLearners").GetInt32());
        var report = await staff.GetStringAsync(r2.GetProperty("reportUrl").GetString());
        Assert.Contains("recorded as 'Officer'", report, StringComparison.Ordinal);
        await app.WithDbAsync(async db =>
        {
            var e = await db.Enrolments.SingleAsync(x => x.EditionId == edition2.Id);
            Assert.Equal(learner.Id, e.LearnerId);
            Assert.Equal(inst.Id, e.InstitutionId);
            Assert.Equal("Officer", (await db.Learners.SingleAsync(x => x.Id == learner.Id)).FullName);
            return 0;
        });
    }

    [Theory, BothProviders]
    public async Task Five_thousand_rows_go_through_the_bulk_path_in_one_transaction(DatabaseProvider provider)
    {
        var app = apps[provider];
        var inst = await app.AddInstitutionAsync("CO");
        var (_, edition) = await app.AddEditionAsync(seats: 4000);
        var staff = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        var stem = Guid.NewGuid().ToString("N")[..8];
        var sb = new StringBuilder("email,national_id,name,institution,country,edition\n");
        for (var i = 0; i < 5000; i++) sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"o{i}-{stem}@example.org,{stem}-{i},Officer {i},{inst.Id},CO,{edition.Id}\n");
        var watch = Stopwatch.StartNew();
        var result = await (await UploadAsync(staff, sb.ToString())).JsonAsync();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "5,000 rows took " + watch.Elapsed);
        Assert.Equal(4000, result.GetProperty("enrolled").GetInt32());
        Assert.Equal(1000, result.GetProperty("waitlisted").GetInt32());
        Assert.Equal(5000, result.GetProperty("newLearners").GetInt32());
        Assert.Equal(5000, await app.WithDbAsync(db => db.Enrolments.CountAsync(e => e.EditionId == edition.Id)));
        // The waiting list keeps the file's order.
        var firstWaiting = await app.WithDbAsync(db => db.Enrolments.Where(e => e.EditionId == edition.Id && e.Status == EnrolmentStatus.Waitlisted)
            .OrderBy(e => e.CreatedAt).Join(db.Learners, e => e.LearnerId, l => l.Id, (e, l) => l.NationalId).FirstAsync());
        Assert.Equal($"{stem}-4000", firstWaiting);
    }
}
