using Hemisphere.Features.Academy.Accreditation;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Certificates;

/// <summary>Who signs the certificates (configuration "Academy:Certificates"): copied into each certificate at issue.</summary>
public sealed class CertificateOptions
{
    /// <summary>One a line: "Name, Title".</summary>
    public List<string> Signatories { get; set; } = [];

    /// <summary>TrueType fonts, tried in order; the first that exists is embedded in the PDFs (it must cover the four languages' accents).</summary>
    public List<string> Fonts { get; set; } = [];

    internal static readonly string[] DefaultSignatories = ["Director, Department of Public Security"];
}

/// <summary>
/// What anyone may learn from a code: its state and the minimum facts (no grade, e-mail, identifier or institution).
/// Kind: course | programme (a programme certificate has no edition; its title and hours are the programme's).
/// </summary>
public sealed record VerificationDto(
    string Code, string Status, string? HolderName, string? CourseTitle, string? CourseTitleEn, DateTimeOffset? IssuedAt, DateTimeOffset? CompletedAt,
    decimal? Hours, EditionMode? EditionMode, string? EditionVenue, DateOnly? EditionStartsOn, DateOnly? EditionEndsOn,
    DateTimeOffset? RevokedAt, string? SupersededBy, string? SupersededByUrl, string? PreviousCode, string? Kind = null,
    CertificateAccreditationDto? Accreditation = null);

/// <summary>The accreditation a certificate carries, as it was at issue: the university, the credits and the agreement.</summary>
public sealed record CertificateAccreditationDto(string University, decimal Credits, string CreditSystem, string AgreementReference)
{
    public static CertificateAccreditationDto? Of(Certificate c) =>
        c.AccreditingUniversity is { } u ? new(u, c.Credits ?? 0, c.CreditSystem ?? "", c.AgreementReference ?? "") : null;
}

/// <summary>The whole record, for staff (with the private revocation reason) and for the holder's link list.</summary>
public sealed record CertificateDto(
    Guid Id, string Code, string Status, Guid? EnrolmentId, Guid LearnerId, string HolderName, string CourseTitle, string CourseTitleEn, string CourseCode,
    decimal Hours, decimal? Grade, EditionMode? EditionMode, string EditionName, string? EditionVenue, DateOnly? EditionStartsOn, DateOnly? EditionEndsOn,
    string Language, DateTimeOffset CompletedAt, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt, string? RevocationReason, Guid? RevokedBy,
    string? SupersededBy, string? PreviousCode, string Signatories, string PdfUrl, string VerificationUrl, string Kind = "course", Guid? ProgrammeId = null,
    CertificateAccreditationDto? Accreditation = null);

public sealed record RevokeInput(string? Reason);

public sealed record ReissueInput(string? HolderName, string? Reason);

public static class CertificateStatus
{
    public const string Valid = "valid";
    public const string Revoked = "revoked";
    public const string Superseded = "superseded";
    public const string Unknown = "unknown";

    public static string Of(Certificate c) => c.IsSuperseded ? Superseded : c.IsRevoked ? Revoked : Valid;
}

/// <summary>
/// Issues certificates from completion events (idempotently), finds them for their holder, answers the public
/// verification, and lets the academy's staff revoke and reissue them (both recorded in the audit log).
/// </summary>
public sealed class CertificateService(HemisphereDb db, AuditLog audit, TimeProvider clock, IConfiguration config, IStringLocalizer<SharedResource> l)
{
    /// <summary>
    /// The live certificate of the enrolment, issued now if there is none. Safe to call twice or at once for the
    /// same event: the filtered unique index lets one insert win and the other reads the winner.
    /// </summary>
    public async Task<Certificate?> IssueAsync(CourseCompleted done, CancellationToken ct)
    {
        var existing = await LiveForEnrolmentAsync(done.EnrolmentId, ct);
        if (existing is not null) return existing;
        var enrolment = await db.Enrolments.FirstOrDefaultAsync(e => e.Id == done.EnrolmentId, ct);
        if (enrolment is null || enrolment.Status != EnrolmentStatus.Completed) return null;
        var learner = await db.Learners.AsNoTracking().FirstAsync(x => x.Id == enrolment.LearnerId, ct);
        var course = await db.Courses.AsNoTracking().FirstAsync(c => c.Id == enrolment.CourseId, ct);
        var edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == enrolment.EditionId, ct);
        var userId = learner.UserId ?? done.UserId;
        var language = userId is { } u
            ? await db.Users.Where(x => x.Id == u).Select(x => x.PreferredLanguage).FirstOrDefaultAsync(ct) ?? edition.Language
            : edition.Language;
        language = Languages.Normalize(language);
        var completedAt = enrolment.CompletedAt ?? done.CompletedAt;
        var accreditation = await AccreditationService.InForceAsync(db, course.Id, null, DateOnly.FromDateTime(completedAt.UtcDateTime), ct);
        var venue = edition.Mode == EditionMode.OnSite
            ? string.Join(", ", new[] { edition.Venue, edition.City, edition.CountryCode }.Where(s => !string.IsNullOrWhiteSpace(s)))
            : null;
        var certificate = new Certificate
        {
            Code = Certificate.NewCode(),
            EnrolmentId = enrolment.Id,
            LearnerId = learner.Id,
            UserId = userId,
            CourseId = course.Id,
            EditionId = edition.Id,
            HolderName = learner.FullName,
            CourseTitle = course.Title.For(language),
            CourseTitleEn = course.Title.For("en"),
            CourseCode = course.Code,
            Hours = done.Hours,
            Grade = done.Grade ?? enrolment.Grade,
            EditionMode = edition.Mode,
            EditionName = edition.Name,
            EditionVenue = string.IsNullOrEmpty(venue) ? null : venue,
            EditionStartsOn = edition.StartsOn,
            EditionEndsOn = edition.EndsOn,
            Language = language,
            CompletedAt = completedAt,
            IssuedAt = clock.GetUtcNow(),
            Signatories = SignatoriesNow(),
        };
        certificate.Carry(accreditation);
        db.Certificates.Add(certificate);
        enrolment.CertifiedAt = certificate.IssuedAt;
        try
        {
            await db.SaveChangesAsync(ct);
            return certificate;
        }
        catch (DbUpdateException)
        {
            // Another delivery of the same event issued it first (and marked the enrolment).
            db.Entry(certificate).State = EntityState.Detached;
            db.Entry(enrolment).State = EntityState.Detached;
            return await LiveForEnrolmentAsync(done.EnrolmentId, ct) ?? throw new InvalidOperationException("The certificate could not be issued.");
        }
    }

    private Task<Certificate?> LiveForEnrolmentAsync(Guid enrolmentId, CancellationToken ct) =>
        db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.EnrolmentId == enrolmentId && c.SupersededById == null, ct);

    internal string SignatoriesNow()
    {
        var configured = config.GetSection("Academy:Certificates:Signatories").Get<string[]>();
        var lines = (configured is { Length: > 0 } ? configured : CertificateOptions.DefaultSignatories).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim());
        return string.Join('\n', lines);
    }

    /// <summary>The certificate for its PDF: the holder, a manager of the holder's institution, and staff; null (404) for anyone else.</summary>
    public async Task<Certificate?> ForDownloadAsync(Actor actor, string code, CancellationToken ct)
    {
        if (!actor.IsSignedIn) return null;
        var normalized = Certificate.Normalize(code);
        var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Code == normalized, ct);
        if (certificate is null) return null;
        return await MaySeeAsync(actor, certificate, ct) ? certificate : null;
    }

    private async Task<bool> MaySeeAsync(Actor actor, Certificate certificate, CancellationToken ct)
    {
        if (AcademyPolicy.IsStaff(actor)) return true;
        var learner = await db.Learners.AsNoTracking().FirstOrDefaultAsync(x => x.Id == certificate.LearnerId, ct);
        if (learner is null) return false;
        if (actor.UserId is { } me && (learner.UserId == me || certificate.UserId == me)) return true;
        return AcademyPolicy.CanManageLearner(actor, learner.InstitutionId, learner.CountryCode);
    }

    /// <summary>The live certificates of the signed-in learner's enrolments, by enrolment id.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> MineAsync(Actor actor, CancellationToken ct)
    {
        if (actor.UserId is not { } me) return new Dictionary<Guid, string>();
        var learnerIds = db.Learners.Where(x => x.UserId == me).Select(x => x.Id);
        return await db.Certificates.AsNoTracking()
            .Where(c => c.SupersededById == null && c.EnrolmentId != null && (c.UserId == me || learnerIds.Contains(c.LearnerId)))
            .ToDictionaryAsync(c => c.EnrolmentId!.Value, c => c.Code, ct);
    }

    /// <summary>
    /// The public answer. Unknown and malformed codes get the same shape and the same work (one indexed look-up) as
    /// known ones, so the answer says nothing beyond "unknown".
    /// </summary>
    public async Task<VerificationDto> VerifyAsync(string? code, CancellationToken ct)
    {
        var normalized = Certificate.Normalize(code);
        var c = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Code == normalized, ct);
        if (c is null) return new VerificationDto(normalized, CertificateStatus.Unknown, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        var newer = c.SupersededById is { } n ? await db.Certificates.Where(x => x.Id == n).Select(x => x.Code).FirstOrDefaultAsync(ct) : null;
        var previous = c.PreviousId is { } p ? await db.Certificates.Where(x => x.Id == p).Select(x => x.Code).FirstOrDefaultAsync(ct) : null;
        return new VerificationDto(c.Code, CertificateStatus.Of(c), c.HolderName, c.CourseTitle, c.CourseTitleEn, c.IssuedAt, c.CompletedAt, c.Hours,
            c.EditionMode, c.EditionVenue, c.EditionStartsOn, c.EditionEndsOn, c.RevokedAt, newer, newer is null ? null : VerificationPath(newer), previous,
            KindOf(c), CertificateAccreditationDto.Of(c));
    }

    public static string VerificationPath(string code) => "/verify/" + code;

    public static string KindOf(Certificate c) => c.IsProgramme ? "programme" : "course";

    public static string PdfPath(string code) => $"/academy/certificates/{code}.pdf";

    /// <summary>The full record, for staff only.</summary>
    public async Task<Outcome<CertificateDto>> GetAsync(Actor actor, string code, CancellationToken ct)
    {
        if (!AcademyPolicy.IsStaff(actor)) return Outcome<CertificateDto>.Forbidden();
        var normalized = Certificate.Normalize(code);
        var c = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Code == normalized, ct);
        return c is null ? Outcome<CertificateDto>.NotFound() : Outcome<CertificateDto>.Ok(await ToDtoAsync(c, ct));
    }

    private async Task<CertificateDto> ToDtoAsync(Certificate c, CancellationToken ct)
    {
        var newer = c.SupersededById is { } n ? await db.Certificates.Where(x => x.Id == n).Select(x => x.Code).FirstOrDefaultAsync(ct) : null;
        var previous = c.PreviousId is { } p ? await db.Certificates.Where(x => x.Id == p).Select(x => x.Code).FirstOrDefaultAsync(ct) : null;
        return new CertificateDto(c.Id, c.Code, CertificateStatus.Of(c), c.EnrolmentId, c.LearnerId, c.HolderName, c.CourseTitle, c.CourseTitleEn, c.CourseCode,
            c.Hours, c.Grade, c.EditionMode, c.EditionName, c.EditionVenue, c.EditionStartsOn, c.EditionEndsOn, c.Language, c.CompletedAt, c.IssuedAt,
            c.RevokedAt, c.RevocationReason, c.RevokedBy, newer, previous, c.Signatories, PdfPath(c.Code), VerificationPath(c.Code),
            KindOf(c), c.ProgrammeId, CertificateAccreditationDto.Of(c));
    }

    /// <summary>Staff revoke a live certificate with a reason (private; kept in the record and the audit log).</summary>
    public async Task<Outcome<CertificateDto>> RevokeAsync(Actor actor, string code, RevokeInput input, CancellationToken ct)
    {
        if (!AcademyPolicy.IsStaff(actor)) return Outcome<CertificateDto>.Forbidden();
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length == 0) return Outcome<CertificateDto>.Invalid("reason", l["Validation.Required"]);
        if (reason.Length > AcademyLimits.Reason) return Outcome<CertificateDto>.Invalid("reason", l["Validation.TooLong", AcademyLimits.Reason]);
        var normalized = Certificate.Normalize(code);
        var c = await db.Certificates.FirstOrDefaultAsync(x => x.Code == normalized, ct);
        if (c is null) return Outcome<CertificateDto>.NotFound();
        if (c.IsRevoked || c.IsSuperseded) return Outcome<CertificateDto>.Conflict(l["Certificates.NotLive"]);
        c.RevokedAt = clock.GetUtcNow();
        c.RevocationReason = reason;
        c.RevokedBy = actor.UserId;
        if (await db.Enrolments.FirstOrDefaultAsync(e => e.Id == c.EnrolmentId, ct) is { } enrolment) enrolment.CertifiedAt = null;
        audit.Record("academy.certificate.revoked", nameof(Certificate), c.Id.ToString(), new { c.Code, reason });
        await db.SaveChangesAsync(ct);
        return Outcome<CertificateDto>.Ok(await ToDtoAsync(c, ct));
    }

    /// <summary>
    /// Staff reissue a live certificate (after a name correction): a new certificate with a new code and the
    /// corrected name; the old one is superseded and points to it. Answers the new one.
    /// </summary>
    public async Task<Outcome<CertificateDto>> ReissueAsync(Actor actor, string code, ReissueInput input, CancellationToken ct)
    {
        if (!AcademyPolicy.IsStaff(actor)) return Outcome<CertificateDto>.Forbidden();
        var reason = input.Reason?.Trim() ?? "";
        var name = input.HolderName?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (reason.Length == 0) errors["reason"] = [l["Validation.Required"]];
        else if (reason.Length > AcademyLimits.Reason) errors["reason"] = [l["Validation.TooLong", AcademyLimits.Reason]];
        if (name.Length > AcademyLimits.Name) errors["holderName"] = [l["Validation.TooLong", AcademyLimits.Name]];
        if (errors.Count > 0) return Outcome<CertificateDto>.Invalid(errors);
        var normalized = Certificate.Normalize(code);
        var outcome = await db.InTransactionAsync(async token =>
        {
            var old = await db.Certificates.FirstOrDefaultAsync(x => x.Code == normalized, token);
            if (old is null) return Outcome<Certificate>.NotFound();
            if (old.IsRevoked || old.IsSuperseded) return Outcome<Certificate>.Conflict(l["Certificates.NotLive"]);
            var holder = name.Length > 0 ? name : await db.Learners.Where(x => x.Id == old.LearnerId).Select(x => x.FullName).FirstAsync(token);
            var fresh = new Certificate
            {
                Code = Certificate.NewCode(),
                EnrolmentId = old.EnrolmentId,
                LearnerId = old.LearnerId,
                UserId = old.UserId,
                CourseId = old.CourseId,
                EditionId = old.EditionId,
                ProgrammeId = old.ProgrammeId,
                HolderName = holder,
                CourseTitle = old.CourseTitle,
                CourseTitleEn = old.CourseTitleEn,
                CourseCode = old.CourseCode,
                Hours = old.Hours,
                Grade = old.Grade,
                EditionMode = old.EditionMode,
                EditionName = old.EditionName,
                EditionVenue = old.EditionVenue,
                EditionStartsOn = old.EditionStartsOn,
                EditionEndsOn = old.EditionEndsOn,
                Language = old.Language,
                CompletedAt = old.CompletedAt,
                IssuedAt = clock.GetUtcNow(),
                PreviousId = old.Id,
                Signatories = SignatoriesNow(),
                AccreditationId = old.AccreditationId,
                AccreditingUniversity = old.AccreditingUniversity,
                Credits = old.Credits,
                CreditSystem = old.CreditSystem,
                AgreementReference = old.AgreementReference,
            };
            // The old one stops being live first, so the one-live-certificate index admits the new one.
            old.SupersededById = fresh.Id;
            audit.Record("academy.certificate.reissued", nameof(Certificate), old.Id.ToString(), new { old.Code, NewCode = fresh.Code, OldName = old.HolderName, NewName = holder, reason });
            await db.SaveChangesAsync(token);
            db.Certificates.Add(fresh);
            await db.SaveChangesAsync(token);
            return Outcome<Certificate>.Ok(fresh);
        }, ct);
        return outcome.IsOk ? Outcome<CertificateDto>.Ok(await ToDtoAsync(outcome.Value!, ct)) : outcome.Refusal<CertificateDto>();
    }
}
