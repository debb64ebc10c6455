using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Hemisphere.Features.Academy.Certificates;
using Hemisphere.Features.Directory;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Files;
using Hemisphere.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Accreditation;

public sealed record AccreditationInput(
    Guid? UniversityId, Guid? CourseId, Guid? ProgrammeId, string? AgreementReference, decimal? Hours, decimal? Credits, string? CreditSystem,
    DateOnly? ValidFrom, DateOnly? ValidTo, string? Status);

public sealed record AgreementFileDto(string Name, string ContentType, long Length, string Url);

public sealed record AccreditationDto(
    Guid Id, Guid UniversityId, string University, Guid? CourseId, string? CourseCode, Guid? ProgrammeId, string Title, string AgreementReference,
    AgreementFileDto? Agreement, decimal Hours, decimal Credits, string CreditSystem, DateOnly ValidFrom, DateOnly? ValidTo, string Status,
    Guid? CreatedBy, DateTimeOffset CreatedAt, Guid? UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>
/// One completion a university recognises: a course completed (or, for a programme accreditation, the programme
/// completed) on a date its accreditation covers.
/// </summary>
public sealed record AccreditedOutcomeDto(
    Guid AccreditationId, string University, string AgreementReference, Guid LearnerId, string LearnerName, string Country, string? Institution,
    string Course, string? CourseCode, string? Edition, DateOnly CompletedOn, decimal? Grade, decimal Hours, decimal Credits, string CreditSystem,
    string? CertificateCode, string? CertificateStatus);

/// <summary>The accreditation a completion falls under, as copied into a certificate.</summary>
public sealed record AccreditationFacts(Guid AccreditationId, string University, decimal Credits, string CreditSystem, string AgreementReference);

/// <summary>
/// Accreditations: created and edited by the academy's staff (audited), read by staff and by the accrediting
/// university's staff — users holding the institution-manager role scoped to that university (see
/// docs/decisions/0011-university-staff-role.md) — who also read the outcomes of the completions their accreditations
/// cover, and nothing else.
/// </summary>
public sealed class AccreditationService(HemisphereDb db, AuditLog audit, FileStore files, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private const FileCategory AgreementFiles = FileCategory.Document | FileCategory.Image;

    /// <summary>The universities whose staff the actor is (institution-manager role scoped to a university); empty for anyone else.</summary>
    public async Task<IReadOnlyList<Guid>> UniversitiesOfAsync(Actor actor, CancellationToken ct)
    {
        var scoped = actor.InstitutionsWhere(HemisphereRole.InstitutionManager).ToList();
        if (scoped.Count == 0) return [];
        return await db.Institutions.Where(i => scoped.Contains(i.Id) && i.Kind == InstitutionKind.University).Select(i => i.Id).ToListAsync(ct);
    }

    /// <summary>May open the accreditation pages: staff, or staff of some university.</summary>
    public async Task<bool> MayReadAsync(Actor actor, CancellationToken ct) => AcademyPolicy.IsStaff(actor) || (await UniversitiesOfAsync(actor, ct)).Count > 0;

    /// <summary>Staff: every accreditation; a university's staff: their university's, drafts left out; anyone else: forbidden.</summary>
    public async Task<Outcome<IReadOnlyList<AccreditationDto>>> ListAsync(Actor actor, CancellationToken ct)
    {
        var query = db.Set<CourseAccreditation>().AsNoTracking();
        if (!AcademyPolicy.IsStaff(actor))
        {
            var mine = await UniversitiesOfAsync(actor, ct);
            if (mine.Count == 0) return Outcome<IReadOnlyList<AccreditationDto>>.Forbidden();
            query = query.Where(a => mine.Contains(a.UniversityId) && a.Status != AccreditationStatus.Draft);
        }
        var list = await query.OrderBy(a => a.ValidFrom).ThenBy(a => a.AgreementReference).ToListAsync(ct);
        return Outcome<IReadOnlyList<AccreditationDto>>.Ok(await ToDtosAsync(list, ct));
    }

    public async Task<Outcome<AccreditationDto>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var a = await VisibleAsync(actor, id, ct);
        return a is null ? Outcome<AccreditationDto>.NotFound() : Outcome<AccreditationDto>.Ok((await ToDtosAsync([a], ct))[0]);
    }

    private async Task<CourseAccreditation?> VisibleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var a = await db.Set<CourseAccreditation>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        if (AcademyPolicy.IsStaff(actor)) return a;
        return a.Status != AccreditationStatus.Draft && (await UniversitiesOfAsync(actor, ct)).Contains(a.UniversityId) ? a : null;
    }

    /// <summary>Creates (id null) or edits an accreditation: academy staff only. Every field error at once; nothing stored on any.</summary>
    public async Task<Outcome<AccreditationDto>> SaveAsync(Actor actor, Guid? id, AccreditationInput input, CancellationToken ct)
    {
        if (!AcademyPolicy.IsStaff(actor)) return Outcome<AccreditationDto>.Forbidden();
        CourseAccreditation? a = null;
        if (id is { } existing)
        {
            a = await db.Set<CourseAccreditation>().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (a is null) return Outcome<AccreditationDto>.NotFound();
        }
        var v = new Validation(l);
        if (input.UniversityId is not { } universityId) v.Add("universityId", "Validation.Required");
        else
        {
            var kind = await db.Institutions.Where(i => i.Id == universityId).Select(i => (InstitutionKind?)i.Kind).FirstOrDefaultAsync(ct);
            if (kind is null) v.Add("universityId", "Validation.UnknownInstitution");
            else if (kind != InstitutionKind.University) v.Add("universityId", "Accreditation.NotUniversity");
        }
        decimal? defaultHours = null;
        if (input.CourseId is null == input.ProgrammeId is null) v.Add("courseId", "Accreditation.CourseOrProgramme");
        else if (input.CourseId is { } courseId)
        {
            defaultHours = await db.Courses.Where(c => c.Id == courseId).Select(c => (decimal?)c.Hours).FirstOrDefaultAsync(ct);
            if (defaultHours is null) v.Add("courseId", "Academy.UnknownCourse");
        }
        else if (input.ProgrammeId is { } programmeId)
        {
            if (!await db.AcademyProgrammes.AnyAsync(p => p.Id == programmeId, ct)) v.Add("programmeId", "Accreditation.UnknownProgramme");
            else defaultHours = (await db.ProgrammeCourses.Where(pc => pc.ProgrammeId == programmeId)
                .Join(db.Courses, pc => pc.CourseId, c => c.Id, (pc, c) => c.Hours).ToListAsync(ct)).Sum();
        }
        var reference = v.Text("agreementReference", input.AgreementReference, AccreditationLimits.Reference, required: true);
        var system = v.Text("creditSystem", input.CreditSystem, AccreditationLimits.CreditSystem, required: true);
        if (input.Credits is not { } credits) v.Add("credits", "Validation.Required");
        else if (credits is < 0 or > 10_000) v.Add("credits", "Validation.Range", 0, 10_000);
        if (input.Hours is { } hours && hours is < 0 or > 10_000) v.Add("hours", "Validation.Range", 0, 10_000);
        if (input.ValidFrom is null) v.Add("validFrom", "Validation.Required");
        else if (input.ValidTo is { } to && to < input.ValidFrom) v.Add("validTo", "Validation.DateOrder");
        var status = AcademyCodes.Parse<AccreditationStatus>(v, "status", input.Status) ?? a?.Status ?? AccreditationStatus.Draft;
        if (!v.IsValid) return Outcome<AccreditationDto>.Invalid(v.Errors);

        var isNew = a is null;
        a ??= new CourseAccreditation { CreatedBy = actor.UserId, CreatedAt = clock.GetUtcNow() };
        a.UniversityId = input.UniversityId!.Value;
        a.CourseId = input.CourseId;
        a.ProgrammeId = input.ProgrammeId;
        a.AgreementReference = reference!;
        a.CreditSystem = system!;
        a.Credits = input.Credits!.Value;
        a.Hours = input.Hours ?? defaultHours ?? 0;
        a.ValidFrom = input.ValidFrom!.Value;
        a.ValidTo = input.ValidTo;
        a.Status = status;
        a.UpdatedBy = actor.UserId;
        a.UpdatedAt = clock.GetUtcNow();
        if (isNew) db.Add(a);
        audit.Record(isNew ? "academy.accreditation.created" : "academy.accreditation.updated", nameof(CourseAccreditation), a.Id.ToString(),
            new { a.UniversityId, a.CourseId, a.ProgrammeId, a.AgreementReference, a.Credits, a.CreditSystem, a.ValidFrom, a.ValidTo, Status = a.Status.ToString() });
        await db.SaveChangesAsync(ct);
        return Outcome<AccreditationDto>.Ok((await ToDtosAsync([a], ct))[0]);
    }

    /// <summary>Stores the signed agreement (a document or a scan) as the accreditation's agreement: staff only.</summary>
    public async Task<Outcome<AgreementFileDto>> AttachAgreementAsync(Actor actor, Guid id, Stream content, string fileName, CancellationToken ct)
    {
        if (!AcademyPolicy.IsStaff(actor)) return Outcome<AgreementFileDto>.Forbidden();
        var a = await db.Set<CourseAccreditation>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return Outcome<AgreementFileDto>.NotFound();
        var stored = await files.SaveAsync(content, fileName, AgreementFiles, actor.UserId, ct);
        if (!stored.IsOk) return Outcome<AgreementFileDto>.Invalid(stored.Errors);
        db.Add(stored.Value!);
        a.AgreementFileId = stored.Value!.Id;
        a.UpdatedBy = actor.UserId;
        a.UpdatedAt = clock.GetUtcNow();
        audit.Record("academy.accreditation.agreement", nameof(CourseAccreditation), a.Id.ToString(), new { stored.Value.OriginalName, stored.Value.Sha256 });
        await db.SaveChangesAsync(ct);
        return Outcome<AgreementFileDto>.Ok(FileDto(a.Id, stored.Value));
    }

    /// <summary>The agreement's file, for staff and the university's staff; null (404) otherwise.</summary>
    public async Task<StoredFile?> AgreementAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var a = await VisibleAsync(actor, id, ct);
        return a?.AgreementFileId is { } fileId ? await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct) : null;
    }

    private static AgreementFileDto FileDto(Guid id, StoredFile f) => new(f.OriginalName, f.ContentType, f.Length, $"/academy/accreditations/{id}/agreement");

    private async Task<IReadOnlyList<AccreditationDto>> ToDtosAsync(IReadOnlyList<CourseAccreditation> list, CancellationToken ct)
    {
        var universityIds = list.Select(a => a.UniversityId).Distinct().ToList();
        var courseIds = list.Where(a => a.CourseId != null).Select(a => a.CourseId!.Value).Distinct().ToList();
        var programmeIds = list.Where(a => a.ProgrammeId != null).Select(a => a.ProgrammeId!.Value).Distinct().ToList();
        var fileIds = list.Where(a => a.AgreementFileId != null).Select(a => a.AgreementFileId!.Value).Distinct().ToList();
        var universities = await db.Institutions.Where(i => universityIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        var courses = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var programmes = await db.AcademyProgrammes.AsNoTracking().Where(p => programmeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var storedFiles = await db.StoredFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        var language = Academy.Pages.AcademyPage.Language;
        return list.Select(a =>
        {
            var course = a.CourseId is { } c ? courses.GetValueOrDefault(c) : null;
            var programme = a.ProgrammeId is { } p ? programmes.GetValueOrDefault(p) : null;
            var title = course?.Title.For(language) ?? programme?.Title.For(language) ?? "";
            var file = a.AgreementFileId is { } f && storedFiles.TryGetValue(f, out var stored) ? FileDto(a.Id, stored) : null;
            return new AccreditationDto(a.Id, a.UniversityId, universities.GetValueOrDefault(a.UniversityId, ""), a.CourseId, course?.Code, a.ProgrammeId, title,
                a.AgreementReference, file, a.Hours, a.Credits, a.CreditSystem, a.ValidFrom, a.ValidTo, AcademyCodes.Code(a.Status),
                a.CreatedBy, a.CreatedAt, a.UpdatedBy, a.UpdatedAt);
        }).ToList();
    }

    /// <summary>
    /// The active accreditation covering a completion on <paramref name="day"/> of the course (or the programme), with
    /// its university's name; the earliest when several do. Null when none does.
    /// </summary>
    public static async Task<AccreditationFacts?> InForceAsync(HemisphereDb db, Guid? courseId, Guid? programmeId, DateOnly day, CancellationToken ct)
    {
        var found = await db.Set<CourseAccreditation>().AsNoTracking()
            .Where(a => a.Status == AccreditationStatus.Active && a.ValidFrom <= day && (a.ValidTo == null || a.ValidTo >= day)
                && (courseId != null ? a.CourseId == courseId : a.ProgrammeId == programmeId))
            .Join(db.Institutions, a => a.UniversityId, i => i.Id, (a, i) => new { a, i.Name })
            .ToListAsync(ct);
        var first = found.OrderBy(x => x.a.ValidFrom).ThenBy(x => x.a.Id).FirstOrDefault();
        return first is null ? null : new AccreditationFacts(first.a.Id, first.Name, first.a.Credits, first.a.CreditSystem, first.a.AgreementReference);
    }

    /// <summary>
    /// The outcomes a university recognises: completions of its accredited courses (and completed programmes it
    /// accredits) on a date within the accreditation's validity, drafts left out. Staff see every university's;
    /// <paramref name="accreditationId"/> narrows to one.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<AccreditedOutcomeDto>>> OutcomesAsync(Actor actor, Guid? accreditationId, CancellationToken ct)
    {
        var query = db.Set<CourseAccreditation>().AsNoTracking().Where(a => a.Status != AccreditationStatus.Draft);
        if (!AcademyPolicy.IsStaff(actor))
        {
            var mine = await UniversitiesOfAsync(actor, ct);
            if (mine.Count == 0) return Outcome<IReadOnlyList<AccreditedOutcomeDto>>.Forbidden();
            query = query.Where(a => mine.Contains(a.UniversityId));
        }
        if (accreditationId is { } only) query = query.Where(a => a.Id == only);
        var accreditations = await query.ToListAsync(ct);
        if (accreditationId is not null && accreditations.Count == 0) return Outcome<IReadOnlyList<AccreditedOutcomeDto>>.NotFound();
        var universities = await db.Institutions.Where(i => accreditations.Select(a => a.UniversityId).Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        var language = Academy.Pages.AcademyPage.Language;
        var rows = new List<AccreditedOutcomeDto>();
        foreach (var a in accreditations)
        {
            var start = new DateTimeOffset(a.ValidFrom.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            DateTimeOffset? until = a.ValidTo is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
            var university = universities.GetValueOrDefault(a.UniversityId, "");
            if (a.CourseId is { } courseId)
            {
                var found = await (from e in db.Enrolments.AsNoTracking()
                                   where e.CourseId == courseId && e.Status == EnrolmentStatus.Completed && e.CompletedAt != null && e.CompletedAt >= start
                                         && (until == null || e.CompletedAt < until)
                                   join learner in db.Learners on e.LearnerId equals learner.Id
                                   join edition in db.Editions on e.EditionId equals edition.Id
                                   join course in db.Courses on e.CourseId equals course.Id
                                   select new { e, learner.FullName, learner.CountryCode, learner.InstitutionId, Edition = edition.Name, course.Title, course.Code })
                    .ToListAsync(ct);
                var enrolmentIds = found.Select(x => (Guid?)x.e.Id).ToList();
                var certificates = (await db.Certificates.AsNoTracking().Where(c => enrolmentIds.Contains(c.EnrolmentId)).ToListAsync(ct))
                    .GroupBy(c => c.EnrolmentId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(c => c.IsSuperseded).ThenByDescending(c => c.IssuedAt).First());
                var institutions = await InstitutionNamesAsync(found.Select(x => x.InstitutionId), ct);
                rows.AddRange(found.Select(x =>
                {
                    var c = certificates.GetValueOrDefault(x.e.Id);
                    return new AccreditedOutcomeDto(a.Id, university, a.AgreementReference, x.e.LearnerId, x.FullName, x.CountryCode,
                        x.InstitutionId is { } i ? institutions.GetValueOrDefault(i) : null, x.Title.For(language), x.Code, x.Edition,
                        DateOnly.FromDateTime(x.e.CompletedAt!.Value.UtcDateTime), x.e.Grade, a.Hours, a.Credits, a.CreditSystem,
                        c?.Code, c is null ? null : CertificateStatus.Of(c));
                }));
            }
            else if (a.ProgrammeId is { } programmeId)
            {
                var found = await (from c in db.Certificates.AsNoTracking()
                                   where c.ProgrammeId == programmeId && c.SupersededById == null && c.CompletedAt >= start && (until == null || c.CompletedAt < until)
                                   join learner in db.Learners on c.LearnerId equals learner.Id
                                   select new { c, learner.FullName, learner.CountryCode, learner.InstitutionId }).ToListAsync(ct);
                var institutions = await InstitutionNamesAsync(found.Select(x => x.InstitutionId), ct);
                rows.AddRange(found.Select(x => new AccreditedOutcomeDto(a.Id, university, a.AgreementReference, x.c.LearnerId, x.FullName, x.CountryCode,
                    x.InstitutionId is { } i ? institutions.GetValueOrDefault(i) : null, x.c.CourseTitle, null, null,
                    DateOnly.FromDateTime(x.c.CompletedAt.UtcDateTime), null, a.Hours, a.Credits, a.CreditSystem, x.c.Code, CertificateStatus.Of(x.c))));
            }
        }
        return Outcome<IReadOnlyList<AccreditedOutcomeDto>>.Ok(rows.OrderBy(r => r.CompletedOn).ThenBy(r => r.LearnerName, StringComparer.Ordinal).ToList());
    }

    private async Task<Dictionary<Guid, string>> InstitutionNamesAsync(IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var list = ids.Where(i => i != null).Select(i => i!.Value).Distinct().ToList();
        return await db.Institutions.Where(i => list.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
    }

    /// <summary>
    /// The outcomes as CSV (UTF-8 with a BOM) for the university's credit-recognition office: fixed English column
    /// names, one row per completion; cells a spreadsheet would read as a formula are prefixed with a quote.
    /// </summary>
    public static async Task WriteCsvAsync(Stream output, IReadOnlyList<AccreditedOutcomeDto> rows)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
        string[] header = ["university", "agreement_reference", "learner", "country", "institution", "course_code", "course", "edition", "completed_on",
            "grade", "hours", "credits", "credit_system", "certificate_code", "certificate_status"];
        foreach (var h in header) csv.WriteField(h);
        await csv.NextRecordAsync();
        foreach (var r in rows)
        {
            foreach (var f in new[]
            {
                r.University, r.AgreementReference, r.LearnerName, r.Country, r.Institution ?? "", r.CourseCode ?? "", r.Course, r.Edition ?? "",
                r.CompletedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Grade?.ToString("0.##", CultureInfo.InvariantCulture) ?? "",
                r.Hours.ToString("0.##", CultureInfo.InvariantCulture), r.Credits.ToString("0.##", CultureInfo.InvariantCulture), r.CreditSystem,
                r.CertificateCode ?? "", r.CertificateStatus ?? "",
            }) csv.WriteField(f);
            await csv.NextRecordAsync();
        }
    }
}
