using Hemisphere.Features.Library;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Files;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Features.Academy.Curriculum;

/// <summary>
/// Lessons as learners read them. A lesson is open to a learner enrolled (or completed) in an edition of its
/// course, to the instructors of such an edition, and to staff; to anyone else it does not exist (404).
/// Opening it records the view (the first counts for progress) and where the learner stopped.
/// </summary>
public sealed class LearningService(HemisphereDb db, ProgressService progress, TimeProvider clock)
{
    /// <summary>The caller's enrolment that gives access to the course (Enrolled first, then Completed), if any.</summary>
    public async Task<Enrolment?> EnrolmentForAsync(Actor actor, Guid courseId, CancellationToken ct)
    {
        if (actor.UserId is not { } me) return null;
        return await (from e in db.Enrolments
                      join l in db.Learners on e.LearnerId equals l.Id
                      where l.UserId == me && e.CourseId == courseId && (e.Status == EnrolmentStatus.Enrolled || e.Status == EnrolmentStatus.Completed)
                      orderby e.Status == EnrolmentStatus.Enrolled descending, e.CreatedAt descending
                      select e).AsNoTracking().FirstOrDefaultAsync(ct);
    }

    private async Task<bool> TeachesAsync(Actor actor, Guid courseId, CancellationToken ct) =>
        AcademyPolicy.IsStaff(actor) || (actor.UserId is { } me && await (from i in db.EditionInstructors
                                                                          join e in db.Editions on i.EditionId equals e.Id
                                                                          where i.UserId == me && e.CourseId == courseId
                                                                          select i).AnyAsync(ct));

    public async Task<bool> CanReadCourseAsync(Actor actor, Guid courseId, CancellationToken ct) =>
        await EnrolmentForAsync(actor, courseId, ct) is not null || await TeachesAsync(actor, courseId, ct);

    /// <summary>The lesson in the reader's language; records the view for an enrolled learner.</summary>
    public async Task<LessonDto?> ReadAsync(Actor actor, Guid lessonId, string language, CancellationToken ct)
    {
        var lesson = await db.Lessons.AsNoTracking().FirstOrDefaultAsync(x => x.Id == lessonId, ct);
        if (lesson is null) return null;
        var enrolment = await EnrolmentForAsync(actor, lesson.CourseId, ct);
        if (enrolment is null && !await TeachesAsync(actor, lesson.CourseId, ct)) return null;
        if (enrolment is { Status: EnrolmentStatus.Enrolled or EnrolmentStatus.Completed }) await RecordViewAsync(enrolment, lesson, ct);
        return await ToDtoAsync(lesson, language, ct);
    }

    private async Task RecordViewAsync(Enrolment enrolment, Lesson lesson, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var first = lesson.Kind != LessonKind.Quiz && !await db.LessonViews.AnyAsync(v => v.EnrolmentId == enrolment.Id && v.LessonId == lesson.Id, ct);
        if (first)
        {
            db.LessonViews.Add(new LessonView { EnrolmentId = enrolment.Id, LessonId = lesson.Id, ViewedAt = now });
            Records.AcademyStatements.Queue(db, new Records.AcademyLearningEvent($"lesson-launched:{enrolment.Id}:{lesson.Id}",
                Records.AcademyStatements.Verbs.Launched, enrolment.LearnerId, $"academy/lessons/{lesson.Id}", lesson.Title.For("en"),
                Records.AcademyStatements.ActivityTypes.Lesson, enrolment.Id, now));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same learner opened it twice at once: the other request recorded the view.
                db.ChangeTracker.Clear();
                first = false;
            }
        }
        await db.Enrolments.Where(e => e.Id == enrolment.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastLessonId, lesson.Id).SetProperty(e => e.LastActivityAt, now), ct);
        if (first && enrolment.Status == EnrolmentStatus.Enrolled) await progress.RecomputeAsync(enrolment.Id, ct);
    }

    /// <summary>The lesson's file, for those who may read the lesson.</summary>
    public async Task<StoredFile?> FileAsync(Actor actor, Guid lessonId, CancellationToken ct)
    {
        var lesson = await db.Lessons.AsNoTracking().FirstOrDefaultAsync(x => x.Id == lessonId, ct);
        if (lesson?.StoredFileId is not { } fileId || !await CanReadCourseAsync(actor, lesson.CourseId, ct)) return null;
        return await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct);
    }

    private async Task<LessonDto> ToDtoAsync(Lesson x, string language, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().FirstAsync(c => c.Id == x.CourseId, ct);
        var module = await db.CourseModules.AsNoTracking().FirstAsync(m => m.Id == x.ModuleId, ct);
        var order = await (from l in db.Lessons.AsNoTracking()
                           join m in db.CourseModules.AsNoTracking() on l.ModuleId equals m.Id
                           where l.CourseId == x.CourseId
                           orderby m.Position, l.Position
                           select l.Id).ToListAsync(ct);
        var at = order.IndexOf(x.Id);
        var bodyLanguage = x.Body.Exactly(language) is not null ? language : x.Body.Languages().FirstOrDefault() ?? language;
        var file = x.StoredFileId is { } f ? await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(s => s.Id == f, ct) : null;
        return new LessonDto(x.Id, x.CourseId, course.Slug, course.Title.For(language), x.ModuleId, module.Title.For(language), x.Kind,
            x.Title.For(language), bodyLanguage, RichText.ToHtml(x.Body.Exactly(bodyLanguage) ?? "").Value ?? "", x.Body.Languages().ToList(),
            CurriculumService.Tr(x.Title), CurriculumService.Tr(x.Body), x.VideoUrl, VideoEmbed.For(x.VideoUrl), x.LinkUrl,
            file is null ? null : CurriculumService.FileDto(x.Id, file), x.QuizId, x.Required, x.Minutes,
            at > 0 ? order[at - 1] : null, at >= 0 && at < order.Count - 1 ? order[at + 1] : null, "/academy/lessons/" + x.Id);
    }
}
