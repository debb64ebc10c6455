using Hemisphere.Features.Academy.Certificates;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Features.Academy.Transcripts;

public sealed record TranscriptCertificateDto(string Code, string Status, string VerificationUrl, string PdfUrl);

/// <summary>One enrolment: the course, the edition, where the learner stands, and what the completion earned.</summary>
public sealed record TranscriptCourseDto(
    Guid EnrolmentId, Guid CourseId, string CourseCode, string Course, Guid EditionId, string Edition, string EditionMode, string Status,
    DateTimeOffset? EnrolledAt, DateTimeOffset? CompletedAt, decimal? Grade, int? AttendancePercent, decimal Hours, decimal? Credits, string? CreditSystem,
    string? University, TranscriptCertificateDto? Certificate);

public sealed record TranscriptProgrammeDto(Guid ProgrammeId, string Programme, DateTimeOffset CompletedAt, decimal Hours, decimal? Credits, string? CreditSystem,
    string? University, TranscriptCertificateDto Certificate);

public sealed record CreditTotalDto(string CreditSystem, decimal Credits);

/// <summary>
/// A learner's record: every enrolment (course, edition, status, grade, attendance, hours, credits, certificate), the
/// programmes completed, the hours completed and the credits earned per credit system (from live certificates).
/// </summary>
public sealed record TranscriptDto(
    Guid LearnerId, string LearnerName, string Country, string? Institution, DateTimeOffset GeneratedAt, decimal CompletedHours,
    IReadOnlyList<CreditTotalDto> Credits, IReadOnlyList<TranscriptCourseDto> Courses, IReadOnlyList<TranscriptProgrammeDto> Programmes);

/// <summary>
/// Transcripts: the learner's own, their institution's managers' (<see cref="AcademyPolicy.CanManageLearner"/>) and
/// the academy staff's; anyone else is answered 404, as if the learner did not exist.
/// </summary>
public sealed class TranscriptService(HemisphereDb db, TimeProvider clock)
{
    public async Task<Outcome<TranscriptDto>> ForLearnerAsync(Actor actor, Guid learnerId, string language, CancellationToken ct)
    {
        var learner = await db.Learners.AsNoTracking().FirstOrDefaultAsync(x => x.Id == learnerId, ct);
        if (learner is null) return Outcome<TranscriptDto>.NotFound();
        var mine = actor.UserId is { } me && learner.UserId == me;
        if (!mine && !AcademyPolicy.CanManageLearner(actor, learner.InstitutionId, learner.CountryCode)) return Outcome<TranscriptDto>.NotFound();
        return Outcome<TranscriptDto>.Ok(await BuildAsync(learner, language, ct));
    }

    /// <summary>The signed-in user's own transcript; 404 when they are no learner.</summary>
    public async Task<Outcome<TranscriptDto>> MineAsync(Actor actor, string language, CancellationToken ct)
    {
        if (actor.UserId is not { } me) return Outcome<TranscriptDto>.NotFound();
        var learner = await db.Learners.AsNoTracking().FirstOrDefaultAsync(x => x.UserId == me, ct);
        return learner is null ? Outcome<TranscriptDto>.NotFound() : Outcome<TranscriptDto>.Ok(await BuildAsync(learner, language, ct));
    }

    private async Task<TranscriptDto> BuildAsync(Learner learner, string language, CancellationToken ct)
    {
        var rows = await (from e in db.Enrolments.AsNoTracking()
                          where e.LearnerId == learner.Id
                          join c in db.Courses on e.CourseId equals c.Id
                          join ed in db.Editions on e.EditionId equals ed.Id
                          select new { e, c.Code, c.Title, c.Hours, Edition = ed.Name, ed.Mode }).ToListAsync(ct);
        var editionIds = rows.Select(r => r.e.EditionId).Distinct().ToList();
        var sessions = (await db.EditionSessions.Where(s => editionIds.Contains(s.EditionId)).Select(s => s.EditionId).ToListAsync(ct))
            .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var enrolmentIds = rows.Select(r => r.e.Id).ToList();
        var marks = (await db.Attendances.Where(a => enrolmentIds.Contains(a.EnrolmentId)).Select(a => new { a.EnrolmentId, a.Mark }).ToListAsync(ct))
            .GroupBy(a => a.EnrolmentId).ToDictionary(g => g.Key, g => g.Select(a => a.Mark).ToList());
        var certificates = await db.Certificates.AsNoTracking().Where(c => c.LearnerId == learner.Id && c.SupersededById == null).ToListAsync(ct);
        var byEnrolment = certificates.Where(c => c.EnrolmentId != null).GroupBy(c => c.EnrolmentId!.Value).ToDictionary(g => g.Key, g => g.First());

        var courses = rows
            .OrderBy(r => r.e.CompletedAt ?? r.e.EnrolledAt ?? r.e.CreatedAt).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r =>
            {
                var c = byEnrolment.GetValueOrDefault(r.e.Id);
                int? attendance = sessions.TryGetValue(r.e.EditionId, out var count) && count > 0
                    ? ProgressService.Attendance(count, marks.GetValueOrDefault(r.e.Id) ?? []) : null;
                return new TranscriptCourseDto(r.e.Id, r.e.CourseId, r.Code, r.Title.For(language), r.e.EditionId, r.Edition, AcademyCodes.Code(r.Mode),
                    AcademyCodes.Code(r.e.Status), r.e.EnrolledAt, r.e.CompletedAt, r.e.Grade, attendance, c?.Hours ?? r.Hours,
                    c?.Credits, c?.CreditSystem, c?.AccreditingUniversity, c is null ? null : CertificateOf(c));
            }).ToList();

        var programmeIds = certificates.Where(c => c.ProgrammeId != null).Select(c => c.ProgrammeId!.Value).ToList();
        var programmeTitles = await db.AcademyProgrammes.AsNoTracking().Where(p => programmeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        var programmes = certificates.Where(c => c.ProgrammeId != null).OrderBy(c => c.CompletedAt)
            .Select(c => new TranscriptProgrammeDto(c.ProgrammeId!.Value, programmeTitles.TryGetValue(c.ProgrammeId.Value, out var t) ? t.For(language) : c.CourseTitle,
                c.CompletedAt, c.Hours, c.Credits, c.CreditSystem, c.AccreditingUniversity, CertificateOf(c))).ToList();

        var completedHours = courses.Where(c => c.Status == AcademyCodes.Code(EnrolmentStatus.Completed)).Sum(c => c.Hours);
        // Credits earned: from live, unrevoked certificates, course and programme alike, added up per credit system.
        var credits = certificates.Where(c => !c.IsRevoked && c.Credits is not null && c.CreditSystem is not null)
            .GroupBy(c => c.CreditSystem!, StringComparer.OrdinalIgnoreCase)
            .Select(g => new CreditTotalDto(g.First().CreditSystem!, g.Sum(c => c.Credits!.Value))).OrderBy(c => c.CreditSystem, StringComparer.Ordinal).ToList();
        var institution = learner.InstitutionId is { } i ? await db.Institutions.Where(x => x.Id == i).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return new TranscriptDto(learner.Id, learner.FullName, learner.CountryCode, institution, clock.GetUtcNow(), completedHours, credits, courses, programmes);
    }

    private static TranscriptCertificateDto CertificateOf(Certificate c) =>
        new(c.Code, CertificateStatus.Of(c), CertificateService.VerificationPath(c.Code), CertificateService.PdfPath(c.Code));
}
