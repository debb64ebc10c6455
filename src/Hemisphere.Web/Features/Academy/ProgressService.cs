using Hemisphere.Platform.Data;
using Hemisphere.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Features.Academy;

/// <summary>What a learner has done in an enrolment, against the course's completion rules.</summary>
public sealed record ProgressDto(
    Guid EnrolmentId, int Percent, int LessonsViewed, int LessonsRequired, int QuizzesPassed, int QuizzesRequired,
    int? AttendancePercent, int? AttendanceRequired, int EssaysAwaitingGrade, bool Complete, string Status);

/// <summary>
/// Progress and completion. Callers save what the learner did (a lesson view, a graded attempt, an
/// attendance mark, an override) and then call <see cref="RecomputeAsync"/>: it updates the enrolment's
/// progress and, when every rule of the course is met, marks it Completed and writes a
/// <see cref="CourseCompleted"/> message to the outbox in the same transaction — once, even when two
/// requests complete the same enrolment at the same moment (the status change is conditional).
/// </summary>
public sealed class ProgressService(HemisphereDb db, TimeProvider clock)
{
    public async Task<ProgressDto?> ComputeAsync(Guid enrolmentId, CancellationToken ct)
    {
        var e = await db.Enrolments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == enrolmentId, ct);
        if (e is null) return null;
        var course = await db.Courses.AsNoTracking().FirstAsync(c => c.Id == e.CourseId, ct);
        var required = await db.Lessons.AsNoTracking().Where(l => l.CourseId == e.CourseId && l.Required)
            .Select(l => new { l.Id, l.Kind, l.QuizId }).ToListAsync(ct);
        var readingIds = required.Where(l => l.Kind != LessonKind.Quiz).Select(l => l.Id).ToList();
        var quizIds = required.Where(l => l.Kind == LessonKind.Quiz && l.QuizId != null).Select(l => l.QuizId!.Value).Distinct().ToList();

        var viewed = readingIds.Count == 0 ? 0 : await db.LessonViews.CountAsync(v => v.EnrolmentId == e.Id && readingIds.Contains(v.LessonId), ct);
        var passed = quizIds.Count == 0 ? 0 : await db.QuizAttempts.Where(a => a.EnrolmentId == e.Id && quizIds.Contains(a.QuizId) && a.Passed == true)
            .Select(a => a.QuizId).Distinct().CountAsync(ct);
        var awaiting = await db.QuizAttempts.CountAsync(a => a.EnrolmentId == e.Id && a.State == AttemptState.Submitted, ct);

        int? attendance = null;
        var attendanceRequired = course.MinimumAttendancePercent;
        var sessions = await db.EditionSessions.Where(s => s.EditionId == e.EditionId).Select(s => s.Id).ToListAsync(ct);
        if (sessions.Count > 0)
        {
            var marks = await db.Attendances.Where(a => a.EnrolmentId == e.Id).Select(a => a.Mark).ToListAsync(ct);
            attendance = Attendance(sessions.Count, marks);
        }

        var lessonsRequired = course.RequireLessons ? readingIds.Count : 0;
        var quizzesRequired = course.RequireQuizzes ? quizIds.Count : 0;
        var steps = lessonsRequired + quizzesRequired;
        var done = (course.RequireLessons ? viewed : 0) + (course.RequireQuizzes ? passed : 0);
        var percent = steps == 0 ? 100 : (int)Math.Floor(100.0 * done / steps);
        var attendanceMet = attendanceRequired is not { } min || sessions.Count == 0 || (attendance ?? 0) >= min;
        var complete = done == steps && attendanceMet && (!course.RequireEssaysGraded || awaiting == 0)
            && (sessions.Count > 0 || steps > 0);
        return new ProgressDto(e.Id, percent, viewed, readingIds.Count, passed, quizIds.Count, attendance, attendanceRequired,
            awaiting, complete, e.Status.ToString());
    }

    /// <summary>
    /// Share of sessions attended (present or late), excused absences left out of the count; 100 when
    /// every session was excused.
    /// </summary>
    public static int Attendance(int sessions, IReadOnlyCollection<AttendanceMark> marks)
    {
        var excused = marks.Count(m => m == AttendanceMark.Excused);
        var counted = sessions - excused;
        if (counted <= 0) return 100;
        var attended = marks.Count(m => m is AttendanceMark.Present or AttendanceMark.Late);
        return (int)Math.Floor(100.0 * attended / counted);
    }

    /// <summary>Updates the enrolment's progress and grade; completes it (once) when every rule is met.</summary>
    public async Task<ProgressDto?> RecomputeAsync(Guid enrolmentId, CancellationToken ct)
    {
        var progress = await ComputeAsync(enrolmentId, ct);
        if (progress is null) return null;
        var grade = await GradeAsync(enrolmentId, ct);
        var now = clock.GetUtcNow();
        await db.Enrolments.Where(e => e.Id == enrolmentId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ProgressPercent, progress.Percent)
                .SetProperty(e => e.Grade, e => e.GradeOverrideReason != null ? e.Grade : grade), ct);
        if (!progress.Complete) return progress;

        var changed = await db.InTransactionAsync(async token =>
        {
            var changed = await db.Enrolments.Where(e => e.Id == enrolmentId && e.Status == EnrolmentStatus.Enrolled)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EnrolmentStatus.Completed).SetProperty(e => e.CompletedAt, now), token);
            if (changed == 1)
            {
                var e = await db.Enrolments.AsNoTracking().FirstAsync(x => x.Id == enrolmentId, token);
                var userId = await db.Learners.Where(l => l.Id == e.LearnerId).Select(l => l.UserId).FirstAsync(token);
                var course = await db.Courses.AsNoTracking().Where(c => c.Id == e.CourseId).Select(c => new { c.Hours, c.Title }).FirstAsync(token);
                db.Outbox.Add(OutboxMessage.Create(CourseCompleted.Kind,
                    new CourseCompleted(e.Id, e.LearnerId, userId, e.CourseId, e.EditionId, course.Hours, e.Grade, now)));
                Records.AcademyStatements.Queue(db, new Records.AcademyLearningEvent($"course-completed:{e.Id}",
                    Records.AcademyStatements.Verbs.Completed, e.LearnerId, $"academy/courses/{e.CourseId}", course.Title.For("en"),
                    Records.AcademyStatements.ActivityTypes.Course, e.Id, now, e.Grade, Completion: true));
                await db.SaveChangesAsync(token);
            }
            return changed;
        }, ct);
        return progress with { Status = changed == 1 ? nameof(EnrolmentStatus.Completed) : progress.Status };
    }

    /// <summary>The course grade: the mean of the best graded attempt of each required quiz (null without quizzes).</summary>
    public async Task<decimal?> GradeAsync(Guid enrolmentId, CancellationToken ct)
    {
        var courseId = await db.Enrolments.Where(e => e.Id == enrolmentId).Select(e => e.CourseId).FirstAsync(ct);
        var quizIds = await db.Lessons.Where(l => l.CourseId == courseId && l.Required && l.Kind == LessonKind.Quiz && l.QuizId != null)
            .Select(l => l.QuizId!.Value).Distinct().ToListAsync(ct);
        if (quizIds.Count == 0) return null;
        var best = (await db.QuizAttempts.AsNoTracking()
                .Where(a => a.EnrolmentId == enrolmentId && quizIds.Contains(a.QuizId) && a.State == AttemptState.Graded && a.Percent != null)
                .Select(a => new { a.QuizId, a.Percent }).ToListAsync(ct))
            .GroupBy(a => a.QuizId).ToDictionary(g => g.Key, g => g.Max(a => a.Percent!.Value));
        return Math.Round(quizIds.Sum(q => best.GetValueOrDefault(q)) / quizIds.Count, 2);
    }
}
