using System.Globalization;
using System.Net.Mail;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Hemisphere.Features.Directory;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Bulk;

/// <summary>The outcome of a bulk enrolment file. AlreadyEnrolled rows were in their edition already (not an error).</summary>
public sealed record EnrolmentImportDto(
    Guid Id, string FileName, DateTimeOffset At, Guid? By, int Rows, int Enrolled, int Waitlisted, int AlreadyEnrolled, int Rejected,
    int NewLearners, IReadOnlyList<string> Notes, string ReportUrl, double? Seconds);

/// <summary>
/// Bulk enrolment by CSV. The file is read and checked in memory against reference data loaded once
/// (institutions, the editions it names, the learners and accounts it names, in batches), then written in one
/// transaction with the provider's bulk path: every good row, or nothing. A rejected row leaves nothing behind
/// (no learner, no enrolment); the report lists it with the reason, in the uploader's language.
/// <list type="bullet">
/// <item>Learners are found by e-mail (lower-case) or by national id within the country; new ones are created
/// and linked to the account with the same confirmed e-mail, if any. An existing learner's record is kept as
/// it is: differences in name, institution, country, e-mail or national id are reported as warnings.</item>
/// <item>Staff enrol anyone; an institution manager only learners of institutions (or countries) they manage —
/// both the row's institution and, for an existing learner, the institution on record.</item>
/// <item>Seats: rows are enrolled, in file order, until the edition's seats (Enrolled and Completed) are
/// taken, then waitlisted. The editions are locked for the transaction, so two imports do not overbook.</item>
/// <item>No mail is sent (200,000 messages); learners see their enrolments when they sign in.</item>
/// </list>
/// </summary>
public sealed class EnrolmentImportService(HemisphereDb db, AuditLog audit, IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    private const int Batch = 5000;

    public static string ReportUrl(Guid id) => $"/api/v1/academy/enrolments/imports/{id}/rejected.csv";

    public static bool CanImport(Actor actor) => AcademyPolicy.ManagedBy(actor) is not null;

    public async Task<Outcome<EnrolmentImportDto>> ImportAsync(Actor actor, byte[] bytes, string? fileName, CancellationToken ct)
    {
        if (!CanImport(actor)) return Outcome<EnrolmentImportDto>.Forbidden();
        var started = clock.GetTimestamp();
        var file = EnrolmentCsv.Read(bytes);
        if (!file.IsValid)
            return Outcome<EnrolmentImportDto>.Invalid("file", l[file.ErrorKey!, file.ErrorArgument ?? ""]);
        var notes = file.Notes.Select(n => (string)l[n.Key, n.Argument]).ToList();
        var name = string.IsNullOrWhiteSpace(fileName) ? "enrolments.csv" : Path.GetFileName(fileName.Trim());
        if (name.Length > AcademyLimits.Name) name = name[..AcademyLimits.Name];

        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var strategy = db.Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var outcome = await RunAsync(actor, file.Rows, name, token);
            await tx.CommitAsync(token);
            return outcome;
        }, ct);
        return Outcome<EnrolmentImportDto>.Ok(result with { Notes = notes, Seconds = Math.Round(clock.GetElapsedTime(started).TotalSeconds, 2) });
    }

    public async Task<EnrolmentImportDto?> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var import = await db.EnrolmentImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        return import is null || !CanRead(actor, import) ? null : ToDto(import, 0, []);
    }

    public async Task<string?> ReportAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var import = await db.EnrolmentImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        return import is null || !CanRead(actor, import) ? null : import.RejectedReport;
    }

    /// <summary>The actor's own imports (staff: everyone's), newest first.</summary>
    public async Task<IReadOnlyList<EnrolmentImportDto>> RecentAsync(Actor actor, int take, CancellationToken ct)
    {
        var query = db.EnrolmentImports.AsNoTracking();
        if (!AcademyPolicy.IsStaff(actor)) query = query.Where(i => i.By == actor.UserId);
        var list = await query.OrderByDescending(i => i.At).Take(take)
            .Select(i => new EnrolmentImport { Id = i.Id, By = i.By, At = i.At, FileName = i.FileName, Rows = i.Rows, Enrolled = i.Enrolled, Waitlisted = i.Waitlisted, Rejected = i.Rejected })
            .ToListAsync(ct);
        return list.Select(i => ToDto(i, 0, [])).ToList();
    }

    /// <summary>The uploader and staff; nobody else learns that the import exists.</summary>
    private static bool CanRead(Actor actor, EnrolmentImport import) =>
        AcademyPolicy.IsStaff(actor) || (actor.UserId is { } me && import.By == me);

    private static EnrolmentImportDto ToDto(EnrolmentImport i, int newLearners, IReadOnlyList<string> notes) =>
        new(i.Id, i.FileName, i.At, i.By, i.Rows, i.Enrolled, i.Waitlisted, i.Rows - i.Enrolled - i.Waitlisted - i.Rejected, i.Rejected,
            newLearners, notes, ReportUrl(i.Id), null);

    private sealed class LearnerRef
    {
        public Guid Id { get; init; }
        public string? Email { get; init; }
        public string? NationalId { get; init; }
        public string CountryCode { get; init; } = "";
        public string FullName { get; init; } = "";
        public Guid? InstitutionId { get; init; }
        public bool IsNew { get; init; }
    }

    private sealed record InstitutionRef(Guid Id, string Name, string? Acronym, string? CountryCode);

    private sealed record EditionRef(Edition Edition, CourseStatus CourseStatus);

    /// <summary>A row that passed the checks that need no database: its cleaned values.</summary>
    private sealed record Checked(EnrolmentCsvRow Row, string? Email, string? NationalId, string Name, string Country, InstitutionRef Institution, EditionRef Edition);

    private enum RowOutcome { Enrolled, Waitlisted, AlreadyEnrolled, Rejected }

    private sealed record ReportLine(EnrolmentCsvRow Row, RowOutcome Outcome, string Reason);

    private async Task<EnrolmentImportDto> RunAsync(Actor actor, IReadOnlyList<EnrolmentCsvRow> rows, string fileName, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var report = new List<ReportLine>();

        // Reference data, once: every institution (a few thousand), the editions the file names (locked).
        var institutions = await db.Institutions.AsNoTracking()
            .Select(i => new InstitutionRef(i.Id, i.Name, i.Acronym, i.CountryCode)).ToListAsync(ct);
        var institutionById = institutions.ToDictionary(i => i.Id);
        var institutionByName = new Dictionary<string, List<InstitutionRef>>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in institutions)
        {
            foreach (var key in new[] { i.Name, i.Acronym }.Where(k => !string.IsNullOrWhiteSpace(k)).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var k = (i.CountryCode ?? "") + "\n" + key!.Trim();
                if (!institutionByName.TryGetValue(k, out var list)) institutionByName[k] = list = [];
                list.Add(i);
            }
        }

        var editionIds = rows.Select(r => Guid.TryParse(r.Edition, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        var editions = new Dictionary<Guid, EditionRef>();
        foreach (var chunk in editionIds.Chunk(Batch))
        {
            if (db.Provider == DatabaseProvider.Postgres)
                await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Editions\" WHERE \"Id\" = ANY({chunk}) FOR UPDATE", ct);
            var found = await db.Editions.AsNoTracking().Where(e => chunk.Contains(e.Id))
                .Join(db.Courses, e => e.CourseId, c => c.Id, (e, c) => new { Edition = e, c.Status }).ToListAsync(ct);
            foreach (var f in found) editions[f.Edition.Id] = new EditionRef(f.Edition, f.Status);
        }
        var taken = new Dictionary<Guid, int>();
        foreach (var chunk in editions.Keys.Chunk(Batch))
        {
            var counts = await db.Enrolments.Where(e => chunk.Contains(e.EditionId) && (e.Status == EnrolmentStatus.Enrolled || e.Status == EnrolmentStatus.Completed))
                .GroupBy(e => e.EditionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            foreach (var c in counts) taken[c.Key] = c.Count;
        }

        // Checks that need no learner.
        var manageable = new Dictionary<(Guid?, string), bool>();
        bool CanManage(Guid? institution, string country)
        {
            if (!manageable.TryGetValue((institution, country), out var ok))
                manageable[(institution, country)] = ok = AcademyPolicy.CanManageLearner(actor, institution, country);
            return ok;
        }
        var stateNames = await db.MemberStates.AsNoTracking().Select(s => s.Code).ToListAsync(ct);
        var states = stateNames.ToHashSet(StringComparer.Ordinal);
        var passed = new List<Checked>(rows.Count);
        foreach (var row in rows)
        {
            var reason = Check(row, states, institutionById, institutionByName, editions, now, out var cleaned);
            if (reason is null && !CanManage(cleaned!.Institution.Id, cleaned.Country)) reason = l["Academy.Bulk.Reason.NotYourInstitution"];
            if (reason is not null) report.Add(new ReportLine(row, RowOutcome.Rejected, reason));
            else passed.Add(cleaned!);
        }

        // The learners the file names, in batches: by e-mail, by national id within a country, and accounts by e-mail.
        var byEmail = new Dictionary<string, LearnerRef>(StringComparer.Ordinal);
        var byNationalId = new Dictionary<(string, string), LearnerRef>();
        var emails = passed.Where(p => p.Email is not null).Select(p => p.Email!).Distinct(StringComparer.Ordinal).ToList();
        foreach (var chunk in emails.Chunk(Batch))
            foreach (var x in await db.Learners.AsNoTracking().Where(x => chunk.Contains(x.Email!)).ToListAsync(ct))
                Remember(Ref(x), byEmail, byNationalId);
        foreach (var country in passed.Where(p => p.NationalId is not null).GroupBy(p => p.Country))
        {
            var ids = country.Select(p => p.NationalId!).Distinct(StringComparer.Ordinal).ToList();
            foreach (var chunk in ids.Chunk(Batch))
                foreach (var x in await db.Learners.AsNoTracking().Where(x => x.CountryCode == country.Key && chunk.Contains(x.NationalId!)).ToListAsync(ct))
                    Remember(Ref(x), byEmail, byNationalId);
        }
        var accounts = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var unknownEmails = emails.Where(e => !byEmail.ContainsKey(e)).Select(Normalize).ToList();
        foreach (var chunk in unknownEmails.Chunk(Batch))
            foreach (var u in await db.Users.AsNoTracking().Where(u => u.EmailConfirmed && chunk.Contains(u.NormalizedEmail!))
                         .Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(ct))
                accounts[u.NormalizedEmail!] = u.Id;
        // An account already linked to a learner (whose record has another e-mail, or none): that learner.
        var byUser = new Dictionary<Guid, LearnerRef>();
        foreach (var chunk in accounts.Values.Chunk(Batch))
            foreach (var x in await db.Learners.AsNoTracking().Where(x => x.UserId != null && chunk.Contains(x.UserId.Value)).ToListAsync(ct))
            {
                var r = Ref(x);
                byUser[x.UserId!.Value] = r;
                Remember(r, byEmail, byNationalId);
            }

        var existingIds = byEmail.Values.Concat(byNationalId.Values).Concat(byUser.Values).Select(x => x.Id).Distinct().ToList();
        var existing = new Dictionary<(Guid Learner, Guid Edition), EnrolmentStatus>();
        var fileEditions = editions.Keys.ToList();
        foreach (var chunk in existingIds.Chunk(Batch))
            foreach (var e in await db.Enrolments.AsNoTracking().Where(e => chunk.Contains(e.LearnerId) && fileEditions.Contains(e.EditionId))
                         .Select(e => new { e.LearnerId, e.EditionId, e.Status }).ToListAsync(ct))
                existing[(e.LearnerId, e.EditionId)] = e.Status;

        // Each row in file order: its learner, duplicates, seats.
        var importId = Guid.CreateVersion7();
        var newLearners = new List<Learner>();
        var enrolments = new List<Enrolment>();
        var seen = new Dictionary<(Guid, Guid), int>();
        var tick = 0;
        foreach (var p in passed)
        {
            LearnerRef? byMail = null, byId = null;
            if (p.Email is not null)
            {
                byEmail.TryGetValue(p.Email, out byMail);
                if (byMail is null && accounts.TryGetValue(Normalize(p.Email), out var userId) && byUser.TryGetValue(userId, out var linked)) byMail = linked;
            }
            if (p.NationalId is not null) byNationalId.TryGetValue((p.Country, p.NationalId), out byId);
            if (byMail is not null && byId is not null && byMail.Id != byId.Id)
            {
                report.Add(new ReportLine(p.Row, RowOutcome.Rejected, l["Academy.Bulk.Reason.TwoLearners"]));
                continue;
            }
            var learner = byMail ?? byId;
            var warnings = new List<string>();
            if (learner is not null && !learner.IsNew)
            {
                if (!CanManage(learner.InstitutionId, learner.CountryCode))
                {
                    report.Add(new ReportLine(p.Row, RowOutcome.Rejected, l["Academy.Bulk.Reason.NotYourLearner"]));
                    continue;
                }
            }
            if (learner is not null)
            {
                if (!string.Equals(learner.FullName, p.Name, StringComparison.Ordinal)) warnings.Add(l["Academy.Bulk.Warning.Name", learner.FullName]);
                if (learner.InstitutionId != p.Institution.Id)
                    warnings.Add(l["Academy.Bulk.Warning.Institution", learner.InstitutionId is { } li && institutionById.TryGetValue(li, out var inst) ? inst.Name : "—"]);
                if (!string.Equals(learner.CountryCode, p.Country, StringComparison.Ordinal)) warnings.Add(l["Academy.Bulk.Warning.Country", learner.CountryCode]);
                if (p.Email is not null && !string.Equals(learner.Email, p.Email, StringComparison.Ordinal)) warnings.Add(l["Academy.Bulk.Warning.Email", learner.Email ?? "—"]);
                if (p.NationalId is not null && !string.Equals(learner.NationalId, p.NationalId, StringComparison.Ordinal)) warnings.Add(l["Academy.Bulk.Warning.NationalId", learner.NationalId ?? "—"]);
            }

            var editionId = p.Edition.Edition.Id;
            if (learner is not null)
            {
                if (seen.TryGetValue((learner.Id, editionId), out var first))
                {
                    report.Add(new ReportLine(p.Row, RowOutcome.Rejected, l["Academy.Bulk.Reason.Duplicate", first.ToString(CultureInfo.CurrentCulture)]));
                    continue;
                }
                if (existing.TryGetValue((learner.Id, editionId), out var status))
                {
                    seen[(learner.Id, editionId)] = p.Row.Row;
                    report.Add(new ReportLine(p.Row, RowOutcome.AlreadyEnrolled, l["Academy.Bulk.Reason.AlreadyInEdition", StatusName(status)]));
                    continue;
                }
            }
            else
            {
                Guid? userId = p.Email is not null && accounts.TryGetValue(Normalize(p.Email), out var u) ? u : null;
                var created = new Learner
                {
                    Id = Guid.CreateVersion7(),
                    UserId = userId,
                    Email = p.Email,
                    NationalId = p.NationalId,
                    CountryCode = p.Country,
                    FullName = p.Name,
                    InstitutionId = p.Institution.Id,
                    CreatedAt = now,
                };
                newLearners.Add(created);
                learner = new LearnerRef
                {
                    Id = created.Id,
                    Email = created.Email,
                    NationalId = created.NationalId,
                    CountryCode = created.CountryCode,
                    FullName = created.FullName,
                    InstitutionId = created.InstitutionId,
                    IsNew = true,
                };
                Remember(learner, byEmail, byNationalId);
                if (userId is { } uid) byUser[uid] = learner;
            }
            seen[(learner.Id, editionId)] = p.Row.Row;

            var edition = p.Edition.Edition;
            var seats = taken.GetValueOrDefault(editionId);
            var enrolled = edition.Seats is not { } max || seats < max;
            if (enrolled) taken[editionId] = seats + 1;
            var at = now.AddTicks(10 * tick++); // file order survives as the waiting list's order
            enrolments.Add(new Enrolment
            {
                Id = Guid.CreateVersion7(),
                EditionId = editionId,
                CourseId = edition.CourseId,
                LearnerId = learner.Id,
                CountryCode = learner.CountryCode,
                InstitutionId = learner.InstitutionId,
                Year = edition.Mode == EditionMode.SelfPaced || edition.StartsOn is null ? now.Year : edition.StartsOn.Value.Year,
                Status = enrolled ? EnrolmentStatus.Enrolled : EnrolmentStatus.Waitlisted,
                Source = EnrolmentSource.Bulk,
                CreatedAt = at,
                EnrolledAt = enrolled ? at : null,
                DecidedBy = actor.UserId,
                ImportId = importId,
            });
            if (warnings.Count > 0) report.Add(new ReportLine(p.Row, enrolled ? RowOutcome.Enrolled : RowOutcome.Waitlisted, string.Join(" ", warnings)));
        }

        await BulkWriter.LearnersAsync(db, newLearners, ct);
        await BulkWriter.EnrolmentsAsync(db, enrolments, ct);

        var import = new EnrolmentImport
        {
            Id = importId,
            By = actor.UserId,
            At = now,
            FileName = fileName,
            Rows = rows.Count,
            Enrolled = enrolments.Count(e => e.Status == EnrolmentStatus.Enrolled),
            Waitlisted = enrolments.Count(e => e.Status == EnrolmentStatus.Waitlisted),
            Rejected = report.Count(r => r.Outcome == RowOutcome.Rejected),
            RejectedReport = WriteReport(report),
        };
        db.Add(import);
        audit.Record("academy.enrolments.imported", nameof(EnrolmentImport), importId.ToString(), new
        {
            import.FileName,
            import.Rows,
            import.Enrolled,
            import.Waitlisted,
            import.Rejected,
            AlreadyEnrolled = report.Count(r => r.Outcome == RowOutcome.AlreadyEnrolled),
            NewLearners = newLearners.Count,
        });
        await db.SaveChangesAsync(ct);
        return ToDto(import, newLearners.Count, []);
    }

    private string? Check(EnrolmentCsvRow row, HashSet<string> states, Dictionary<Guid, InstitutionRef> institutionById,
        Dictionary<string, List<InstitutionRef>> institutionByName, Dictionary<Guid, EditionRef> editions, DateTimeOffset now, out Checked? cleaned)
    {
        cleaned = null;
        if (row.ExtraFields > 0) return l["Academy.Bulk.Reason.TooManyFields"];
        string[] all = [row.Email, row.NationalId, row.Name, row.Institution, row.Country, row.Edition];
        if (all.Any(f => f.Any(c => char.IsControl(c)))) return l["Academy.Bulk.Reason.ControlCharacters"];

        string? email = null;
        if (row.Email.Length > 0)
        {
            if (row.Email.Length > AcademyLimits.Email) return l["Academy.Bulk.Reason.TooLong", "email", AcademyLimits.Email];
            if (!MailAddress.TryCreate(row.Email, out var address) || !string.Equals(address.Address, row.Email, StringComparison.Ordinal) || !row.Email.Contains('.', StringComparison.Ordinal))
                return l["Academy.Bulk.Reason.InvalidEmail", row.Email];
            email = row.Email.ToLowerInvariant();
        }
        string? nationalId = null;
        if (row.NationalId.Length > 0)
        {
            if (row.NationalId.Length > AcademyLimits.NationalId) return l["Academy.Bulk.Reason.TooLong", "national_id", AcademyLimits.NationalId];
            nationalId = row.NationalId;
        }
        if (email is null && nationalId is null) return l["Academy.Bulk.Reason.IdentityRequired"];
        if (row.Name.Length == 0) return l["Academy.Bulk.Reason.NameRequired"];
        if (row.Name.Length > AcademyLimits.Name) return l["Academy.Bulk.Reason.TooLong", "name", AcademyLimits.Name];

        var country = row.Country.ToUpperInvariant();
        if (country.Length == 0) return l["Academy.Bulk.Reason.CountryRequired"];
        if (!states.Contains(country)) return l["Academy.Bulk.Reason.UnknownCountry", row.Country];

        if (row.Institution.Length == 0) return l["Academy.Bulk.Reason.InstitutionRequired"];
        InstitutionRef? institution;
        if (Guid.TryParse(row.Institution, out var institutionId))
        {
            if (!institutionById.TryGetValue(institutionId, out institution)) return l["Academy.Bulk.Reason.UnknownInstitution", row.Institution, country];
            if (!string.Equals(institution.CountryCode, country, StringComparison.Ordinal)) return l["Academy.Bulk.Reason.InstitutionOtherCountry", institution.Name, country];
        }
        else
        {
            if (!institutionByName.TryGetValue(country + "\n" + row.Institution, out var matches)) return l["Academy.Bulk.Reason.UnknownInstitution", row.Institution, country];
            if (matches.Count > 1) return l["Academy.Bulk.Reason.AmbiguousInstitution", row.Institution, country];
            institution = matches[0];
        }

        if (row.Edition.Length == 0) return l["Academy.Bulk.Reason.EditionRequired"];
        if (!Guid.TryParse(row.Edition, out var editionId) || !editions.TryGetValue(editionId, out var edition)) return l["Academy.Bulk.Reason.UnknownEdition", row.Edition];
        if (edition.Edition.Cancelled) return l["Academy.Bulk.Reason.EditionCancelled"];
        var e = edition.Edition;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (edition.CourseStatus == CourseStatus.Archived || (e.EnrolmentOpensAt is { } opens && opens > now) || (e.EnrolmentClosesAt is { } closes && closes <= now)
            || (e.EndsOn is { } ends && ends < today))
            return l["Academy.Bulk.Reason.EnrolmentClosed"];

        cleaned = new Checked(row, email, nationalId, row.Name, country, institution, edition);
        return null;
    }

    private string StatusName(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.PendingApproval => l["Academy.Bulk.Status.PendingApproval"],
        EnrolmentStatus.Waitlisted => l["Academy.Bulk.Status.Waitlisted"],
        EnrolmentStatus.Enrolled => l["Academy.Bulk.Status.Enrolled"],
        EnrolmentStatus.Completed => l["Academy.Bulk.Status.Completed"],
        EnrolmentStatus.Withdrawn => l["Academy.Bulk.Status.Withdrawn"],
        _ => l["Academy.Bulk.Status.Rejected"],
    };

    private string OutcomeName(RowOutcome outcome) => outcome switch
    {
        RowOutcome.Enrolled => l["Academy.Bulk.Outcome.Enrolled"],
        RowOutcome.Waitlisted => l["Academy.Bulk.Outcome.Waitlisted"],
        RowOutcome.AlreadyEnrolled => l["Academy.Bulk.Outcome.AlreadyEnrolled"],
        _ => l["Academy.Bulk.Outcome.Rejected"],
    };

    private static string Normalize(string email) => email.Normalize().ToUpperInvariant();

    private static LearnerRef Ref(Learner x) => new()
    {
        Id = x.Id,
        Email = x.Email,
        NationalId = x.NationalId,
        CountryCode = x.CountryCode,
        FullName = x.FullName,
        InstitutionId = x.InstitutionId,
    };

    private static void Remember(LearnerRef learner, Dictionary<string, LearnerRef> byEmail, Dictionary<(string, string), LearnerRef> byNationalId)
    {
        if (learner.Email is not null) byEmail[learner.Email] = learner;
        if (learner.NationalId is not null) byNationalId[(learner.CountryCode, learner.NationalId)] = learner;
    }

    /// <summary>The report: every row not imported as it stood (rejected, already enrolled, imported with warnings), in file order.</summary>
    private string WriteReport(List<ReportLine> lines)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
        var sb = new StringBuilder();
        using (var writer = new StringWriter(sb, CultureInfo.InvariantCulture))
        using (var csv = new CsvWriter(writer, config))
        {
            foreach (var h in new[] { "row" }.Concat(EnrolmentCsv.CanonicalHeader).Concat(["outcome", "reason"])) csv.WriteField(h);
            csv.NextRecord();
            foreach (var line in lines.OrderBy(x => x.Row.Row))
            {
                var r = line.Row;
                csv.WriteField(r.Row.ToString(CultureInfo.InvariantCulture));
                foreach (var f in new[] { r.Email, r.NationalId, r.Name, r.Institution, r.Country, r.Edition }) csv.WriteField(f);
                csv.WriteField(OutcomeName(line.Outcome));
                csv.WriteField(line.Reason);
                csv.NextRecord();
            }
        }
        return sb.ToString();
    }
}
