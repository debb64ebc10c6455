using System.Text.Json;
using Hemisphere.Features.Academy.Accreditation;
using Hemisphere.Features.Academy.Certificates;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Localization;
using Hemisphere.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Features.Academy.Programmes;

/// <summary>Raised (through the outbox, "academy.programme-completed") when a learner has completed every course of a programme.</summary>
public sealed record ProgrammeCompleted(Guid LearnerId, Guid? UserId, Guid ProgrammeId, DateTimeOffset CompletedAt)
{
    public const string Kind = "academy.programme-completed";
}

/// <summary>
/// Programme completion. A programme is complete for a learner when they have a completed enrolment in every course
/// of it (any version of the course: a course is known by its code). After each course completion
/// (<see cref="CompletionHandler"/>) <see cref="RaiseAsync"/> writes a <see cref="ProgrammeCompleted"/> message for each
/// programme the course completes that has no certificate yet; <see cref="ProgrammeCompletionHandler"/> issues the
/// programme's certificate exactly once (a filtered unique index on learner and programme), however often the event comes.
/// </summary>
public sealed class ProgrammeCompletion(HemisphereDb db, CertificateService certificates, TimeProvider clock)
{
    /// <summary>The programmes (of the completed course) that the learner has now completed and that have no live certificate yet.</summary>
    public async Task<IReadOnlyList<(Guid ProgrammeId, DateTimeOffset CompletedAt)>> CompletedByAsync(Guid learnerId, Guid courseId, CancellationToken ct)
    {
        var code = await db.Courses.Where(c => c.Id == courseId).Select(c => c.Code).FirstOrDefaultAsync(ct);
        if (code is null) return [];
        var programmes = await (from pc in db.ProgrammeCourses
                                join c in db.Courses on pc.CourseId equals c.Id
                                where c.Code == code
                                select pc.ProgrammeId).Distinct().ToListAsync(ct);
        if (programmes.Count == 0) return [];
        var done = await (from e in db.Enrolments
                          join c in db.Courses on e.CourseId equals c.Id
                          where e.LearnerId == learnerId && e.Status == EnrolmentStatus.Completed
                          select new { c.Code, e.CompletedAt }).ToListAsync(ct);
        var doneBy = done.GroupBy(x => x.Code).ToDictionary(g => g.Key, g => g.Max(x => x.CompletedAt) ?? DateTimeOffset.MinValue, StringComparer.Ordinal);
        var result = new List<(Guid, DateTimeOffset)>();
        foreach (var programmeId in programmes)
        {
            var codes = await (from pc in db.ProgrammeCourses
                               join c in db.Courses on pc.CourseId equals c.Id
                               where pc.ProgrammeId == programmeId
                               select c.Code).Distinct().ToListAsync(ct);
            if (codes.Count == 0 || !codes.All(doneBy.ContainsKey)) continue;
            if (await db.Certificates.AnyAsync(x => x.LearnerId == learnerId && x.ProgrammeId == programmeId && x.SupersededById == null, ct)) continue;
            result.Add((programmeId, codes.Max(c => doneBy[c])));
        }
        return result;
    }

    /// <summary>Writes the programme-completion events the course completion brings about (saved by the caller).</summary>
    public async Task RaiseAsync(CourseCompleted done, CancellationToken ct)
    {
        foreach (var (programmeId, completedAt) in await CompletedByAsync(done.LearnerId, done.CourseId, ct))
            db.Outbox.Add(OutboxMessage.Create(ProgrammeCompleted.Kind, new ProgrammeCompleted(done.LearnerId, done.UserId, programmeId, completedAt)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The live certificate of the learner's programme, issued now if there is none; null when the programme is not complete.</summary>
    public async Task<Certificate?> IssueAsync(ProgrammeCompleted done, CancellationToken ct)
    {
        var existing = await LiveAsync(done.LearnerId, done.ProgrammeId, ct);
        if (existing is not null) return existing;
        var programme = await db.AcademyProgrammes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == done.ProgrammeId, ct);
        var learner = await db.Learners.AsNoTracking().FirstOrDefaultAsync(x => x.Id == done.LearnerId, ct);
        if (programme is null || learner is null) return null;
        var courses = await (from pc in db.ProgrammeCourses
                             join c in db.Courses on pc.CourseId equals c.Id
                             where pc.ProgrammeId == programme.Id
                             select new { c.Code, c.Hours }).ToListAsync(ct);
        var codes = courses.Select(c => c.Code).Distinct().ToList();
        var completed = await (from e in db.Enrolments
                               join c in db.Courses on e.CourseId equals c.Id
                               where e.LearnerId == learner.Id && e.Status == EnrolmentStatus.Completed && codes.Contains(c.Code)
                               select new { c.Code, e.CompletedAt, e.EditionId }).ToListAsync(ct);
        if (codes.Count == 0 || codes.Any(code => completed.All(x => x.Code != code))) return null;
        var completedAt = completed.Max(x => x.CompletedAt) ?? done.CompletedAt;

        var userId = learner.UserId ?? done.UserId;
        var lastEdition = completed.OrderByDescending(x => x.CompletedAt).First().EditionId;
        var editionLanguage = await db.Editions.Where(e => e.Id == lastEdition).Select(e => e.Language).FirstOrDefaultAsync(ct) ?? "en";
        var language = userId is { } u
            ? await db.Users.Where(x => x.Id == u).Select(x => x.PreferredLanguage).FirstOrDefaultAsync(ct) ?? editionLanguage
            : editionLanguage;
        language = Languages.Normalize(language);
        var accreditation = await AccreditationService.InForceAsync(db, null, programme.Id, DateOnly.FromDateTime(completedAt.UtcDateTime), ct);
        var certificate = new Certificate
        {
            Code = Certificate.NewCode(),
            LearnerId = learner.Id,
            UserId = userId,
            ProgrammeId = programme.Id,
            HolderName = learner.FullName,
            CourseTitle = programme.Title.For(language),
            CourseTitleEn = programme.Title.For("en"),
            CourseCode = programme.Slug.Length > AcademyLimits.Code ? programme.Slug[..AcademyLimits.Code] : programme.Slug,
            // Total hours: the courses of the programme, one version of each.
            Hours = courses.GroupBy(c => c.Code).Sum(g => g.Max(c => c.Hours)),
            EditionName = "",
            Language = language,
            CompletedAt = completedAt,
            IssuedAt = clock.GetUtcNow(),
            Signatories = certificates.SignatoriesNow(),
        };
        certificate.Carry(accreditation);
        db.Certificates.Add(certificate);
        try
        {
            await db.SaveChangesAsync(ct);
            return certificate;
        }
        catch (DbUpdateException)
        {
            // Another delivery of the same event issued it first.
            db.Entry(certificate).State = EntityState.Detached;
            return await LiveAsync(done.LearnerId, done.ProgrammeId, ct) ?? throw new InvalidOperationException("The programme certificate could not be issued.");
        }
    }

    private Task<Certificate?> LiveAsync(Guid learnerId, Guid programmeId, CancellationToken ct) =>
        db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.LearnerId == learnerId && c.ProgrammeId == programmeId && c.SupersededById == null, ct);
}

/// <summary>
/// Carries out a <see cref="ProgrammeCompleted"/> event: issues the programme certificate (once) and records it in the
/// Learning Record Store as the course certificate is (one "earned" statement per certificate, however often the event comes).
/// </summary>
public sealed class ProgrammeCompletionHandler(ProgrammeCompletion completion, HemisphereDb db) : IOutboxHandler
{
    public string Kind => ProgrammeCompleted.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var done = JsonSerializer.Deserialize<ProgrammeCompleted>(message.Payload) ?? throw new InvalidOperationException("Empty programme completion event.");
        var certificate = await completion.IssueAsync(done, ct);
        if (certificate is null) return;
        Records.AcademyStatements.Queue(db, new Records.AcademyLearningEvent($"certificate-earned:{certificate.Id}",
            Records.AcademyStatements.Verbs.Earned, certificate.LearnerId, CertificateService.VerificationPath(certificate.Code), certificate.CourseTitleEn,
            Records.AcademyStatements.ActivityTypes.Certificate, null, certificate.IssuedAt));
        await db.SaveChangesAsync(ct);
    }
}
