using System.Globalization;
using System.Text;
using CsvHelper;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Quizzes;

/// <summary>
/// The instructor's gradebook of an edition (its instructors and staff, <see cref="AcademyPolicy.CanTeach"/>): every enrolled learner
/// against every quiz of the course, essay grading, course-grade overrides with a reason (audited), and a CSV export.
/// </summary>
public sealed class GradebookService(HemisphereDb db, IStringLocalizer<SharedResource> l, TimeProvider clock, ProgressService progress,
    QuizAttemptService attempts, AuditLog audit)
{
    private async Task<(Edition? Edition, bool Teaches)> EditionAsync(Actor actor, Guid editionId, CancellationToken ct)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null) return (null, false);
        var instructors = await db.EditionInstructors.Where(i => i.EditionId == editionId).Select(i => i.UserId).ToListAsync(ct);
        return (edition, AcademyPolicy.CanTeach(actor, instructors));
    }

    public async Task<Outcome<GradebookDto>> GradebookAsync(Actor actor, Guid editionId, CancellationToken ct)
    {
        var (edition, teaches) = await EditionAsync(actor, editionId, ct);
        if (edition is null) return Outcome<GradebookDto>.NotFound();
        if (!teaches) return Outcome<GradebookDto>.Forbidden();
        var course = await db.Courses.AsNoTracking().FirstAsync(c => c.Id == edition.CourseId, ct);

        var lessons = await (from x in db.Lessons.AsNoTracking()
                             join m in db.CourseModules on x.ModuleId equals m.Id
                             where x.CourseId == course.Id && x.Kind == LessonKind.Quiz && x.QuizId != null
                             select new { QuizId = x.QuizId!.Value, Module = m.Position, x.Position }).ToListAsync(ct);
        var quizIds = lessons.OrderBy(x => x.Module).ThenBy(x => x.Position).Select(x => x.QuizId).Distinct().ToList();
        var quizzes = (await db.Quizzes.AsNoTracking().Where(q => quizIds.Contains(q.Id)).ToListAsync(ct)).ToDictionary(q => q.Id);

        var learners = await (from e in db.Enrolments.AsNoTracking()
                              join ln in db.Learners on e.LearnerId equals ln.Id
                              where e.EditionId == editionId && (e.Status == EnrolmentStatus.Enrolled || e.Status == EnrolmentStatus.Completed)
                              select new { e.Id, e.LearnerId, ln.FullName, ln.Email, e.Status, e.ProgressPercent, e.Grade, e.GradeOverrideReason })
            .ToListAsync(ct);

        var rows = await AttemptRowsAsync(editionId, ct);
        var now = clock.GetUtcNow();
        var expired = rows.Where(r => r.State == AttemptState.InProgress && attempts.PastDeadline(r.DeadlineAt, now)).Select(r => r.Id).ToList();
        if (expired.Count > 0)
        {
            foreach (var a in await db.QuizAttempts.AsNoTracking().Where(a => expired.Contains(a.Id)).ToListAsync(ct))
                if (quizzes.TryGetValue(a.QuizId, out var quiz)) await attempts.CloseAsync(a, quiz, null, ct);
            rows = await AttemptRowsAsync(editionId, ct);
        }
        var byLearnerQuiz = rows.ToLookup(r => (r.EnrolmentId, r.QuizId));

        var result = learners.OrderBy(x => x.FullName, StringComparer.CurrentCultureIgnoreCase).ThenBy(x => x.Id).Select(x => new GradebookRowDto(
            x.Id, x.LearnerId, x.FullName, x.Email, x.Status, x.ProgressPercent, x.Grade, x.GradeOverrideReason,
            quizIds.Select(q =>
            {
                var list = byLearnerQuiz[(x.Id, q)].OrderBy(a => a.Number).ToList();
                var last = list.LastOrDefault();
                var best = list.Where(a => a.State == AttemptState.Graded && a.Percent is not null).Select(a => a.Percent).Max();
                return new GradebookCellDto(q, list.Count, best, last?.Percent, last?.State, list.Any(a => a.Passed == true),
                    list.Count(a => a.State == AttemptState.Submitted),
                    list.Select(a => new GradebookAttemptDto(a.Id, a.Number, a.State, a.StartedAt, a.SubmittedAt, a.Percent, a.Passed)).ToList());
            }).ToList())).ToList();
        return Outcome<GradebookDto>.Ok(new GradebookDto(edition.Id, edition.Name, course.Id, course.Title.Current,
            quizIds.Where(quizzes.ContainsKey).Select(q => new GradebookQuizDto(q, quizzes[q].Title.Current)).ToList(), result));
    }

    private sealed record AttemptRow(Guid Id, Guid QuizId, Guid EnrolmentId, int Number, AttemptState State, DateTimeOffset StartedAt,
        DateTimeOffset? DeadlineAt, DateTimeOffset? SubmittedAt, decimal? Percent, bool? Passed);

    private Task<List<AttemptRow>> AttemptRowsAsync(Guid editionId, CancellationToken ct) =>
        (from a in db.QuizAttempts.AsNoTracking()
         join e in db.Enrolments on a.EnrolmentId equals e.Id
         where e.EditionId == editionId
         select new AttemptRow(a.Id, a.QuizId, a.EnrolmentId, a.Number, a.State, a.StartedAt, a.DeadlineAt, a.SubmittedAt, a.Percent, a.Passed))
        .ToListAsync(ct);

    /// <summary>
    /// An instructor's points and comment for one question of a submitted attempt (an essay, or a correction of an automatic grade).
    /// When every essay has its points the attempt becomes Graded (score, percent, passed) and the enrolment's progress is updated.
    /// </summary>
    public async Task<Outcome<AttemptDto>> GradeQuestionAsync(Actor actor, Guid attemptId, Guid questionId, QuestionGradeInput input, CancellationToken ct)
    {
        var a = await db.QuizAttempts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == attemptId, ct);
        if (a is null || !await attempts.TeachesAsync(actor, a.EnrolmentId, ct)) return Outcome<AttemptDto>.NotFound();
        if (a.State == AttemptState.InProgress) return Outcome<AttemptDto>.Conflict(l["Quiz.NotSubmitted"]);
        var paper = QuizEngine.ReadPaper(a.Paper);
        var question = paper.FirstOrDefault(q => q.Id == questionId);
        if (question is null) return Outcome<AttemptDto>.NotFound();
        var v = new Validation(l);
        if (input.Points is not { } points) v.Add("points", "Validation.Required");
        else if (points < 0 || points > question.Points || decimal.Round(points, 2) != points) v.Add("points", "Quiz.PointsBetween", 0, question.Points);
        var comment = v.Text("comment", input.Comment, AcademyLimits.Summary, required: true);
        if (!v.IsValid) return Outcome<AttemptDto>.Invalid(v.Errors);

        var now = clock.GetUtcNow();
        var grade = await db.QuestionGrades.FirstOrDefaultAsync(g => g.AttemptId == attemptId && g.QuestionId == questionId, ct);
        if (grade is null)
        {
            grade = new QuestionGrade { AttemptId = attemptId, QuestionId = questionId };
            db.Add(grade);
        }
        grade.Points = input.Points!.Value;
        grade.Comment = comment;
        grade.GradedBy = actor.UserId ?? Guid.Empty;
        grade.GradedAt = now;
        audit.Record("academy.question-graded", nameof(QuizAttempt), attemptId.ToString(), new { questionId, points = grade.Points, comment });
        await db.SaveChangesAsync(ct);

        var quiz = await db.Quizzes.AsNoTracking().FirstAsync(q => q.Id == a.QuizId, ct);
        var given = await db.QuestionGrades.AsNoTracking().Where(g => g.AttemptId == attemptId).ToDictionaryAsync(g => g.QuestionId, g => g.Points, ct);
        var (score, max, complete) = QuizEngine.Total(paper, QuizEngine.ReadSavedAnswers(a.Answers), given);
        decimal? percent = complete ? QuizEngine.Percent(score, max) : null;
        bool? passed = complete ? percent >= quiz.PassingPercent : null;
        var state = complete ? AttemptState.Graded : AttemptState.Submitted;
        await db.QuizAttempts.Where(x => x.Id == attemptId && x.State != AttemptState.InProgress)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, state).SetProperty(x => x.Score, score).SetProperty(x => x.MaxScore, max)
                .SetProperty(x => x.Percent, percent).SetProperty(x => x.Passed, passed), ct);
        if (complete && a.State == AttemptState.Submitted && passed is { } success)
        {
            // The attempt is graded now that its last essay has points: recorded as the academy's other quiz results are
            // (the same event key: a graded attempt has one statement, however often it is regraded).
            var learner = await db.Enrolments.Where(x => x.Id == a.EnrolmentId).Select(x => x.LearnerId).FirstAsync(ct);
            Records.AcademyStatements.Queue(db, new Records.AcademyLearningEvent($"quiz-attempt:{a.Id}",
                success ? Records.AcademyStatements.Verbs.Passed : Records.AcademyStatements.Verbs.Failed, learner, $"academy/quizzes/{quiz.Id}",
                quiz.Title.For("en"), Records.AcademyStatements.ActivityTypes.Assessment, a.EnrolmentId, a.SubmittedAt ?? now, percent, success, true));
            await db.SaveChangesAsync(ct);
        }
        await attempts.RecomputeProgressAsync(a.EnrolmentId, ct);
        var after = await db.QuizAttempts.AsNoTracking().FirstAsync(x => x.Id == attemptId, ct);
        return Outcome<AttemptDto>.Ok(await attempts.ToDtoAsync(after, quiz, learner: false, ct));
    }

    /// <summary>Overrides a learner's course grade (0–100) with a required reason; the change is audited.</summary>
    public async Task<Outcome<EnrolmentGradeDto>> OverrideGradeAsync(Actor actor, Guid editionId, Guid enrolmentId, GradeOverrideInput input, CancellationToken ct)
    {
        var (edition, teaches) = await EditionAsync(actor, editionId, ct);
        if (edition is null) return Outcome<EnrolmentGradeDto>.NotFound();
        if (!teaches) return Outcome<EnrolmentGradeDto>.Forbidden();
        var enrolment = await db.Enrolments.FirstOrDefaultAsync(e => e.Id == enrolmentId && e.EditionId == editionId, ct);
        if (enrolment is null) return Outcome<EnrolmentGradeDto>.NotFound();
        var v = new Validation(l);
        if (input.Grade is not { } grade) v.Add("grade", "Validation.Required");
        else if (grade < 0 || grade > 100 || decimal.Round(grade, 2) != grade) v.Add("grade", "Quiz.RangeError", 0, 100);
        var reason = v.Text("reason", input.Reason, AcademyLimits.Reason, required: true);
        if (!v.IsValid) return Outcome<EnrolmentGradeDto>.Invalid(v.Errors);
        var before = enrolment.Grade;
        enrolment.Grade = input.Grade;
        enrolment.GradeOverrideReason = reason;
        audit.Record("academy.grade-overridden", nameof(Enrolment), enrolmentId.ToString(), new { from = before, to = input.Grade, reason });
        await db.SaveChangesAsync(ct);
        return Outcome<EnrolmentGradeDto>.Ok(new EnrolmentGradeDto(enrolment.Id, enrolment.Grade, enrolment.GradeOverrideReason));
    }

    /// <summary>Removes an override: the grade is computed from the quizzes again.</summary>
    public async Task<Outcome<EnrolmentGradeDto>> ClearOverrideAsync(Actor actor, Guid editionId, Guid enrolmentId, CancellationToken ct)
    {
        var (edition, teaches) = await EditionAsync(actor, editionId, ct);
        if (edition is null) return Outcome<EnrolmentGradeDto>.NotFound();
        if (!teaches) return Outcome<EnrolmentGradeDto>.Forbidden();
        var enrolment = await db.Enrolments.FirstOrDefaultAsync(e => e.Id == enrolmentId && e.EditionId == editionId, ct);
        if (enrolment is null) return Outcome<EnrolmentGradeDto>.NotFound();
        var before = enrolment.Grade;
        enrolment.GradeOverrideReason = null;
        enrolment.Grade = await progress.GradeAsync(enrolmentId, ct);
        audit.Record("academy.grade-override-removed", nameof(Enrolment), enrolmentId.ToString(), new { from = before, to = enrolment.Grade });
        await db.SaveChangesAsync(ct);
        return Outcome<EnrolmentGradeDto>.Ok(new EnrolmentGradeDto(enrolment.Id, enrolment.Grade, null));
    }

    // ---------- CSV ----------

    /// <summary>
    /// The gradebook as CSV (UTF-8 with a BOM so spreadsheets read the accents): a row per learner, four columns per quiz. Text cells
    /// that a spreadsheet would take for a formula (starting with = + - @, a tab or a carriage return) are prefixed with a single quote.
    /// </summary>
    public static async Task WriteCsvAsync(Stream output, GradebookDto book, IStringLocalizer l)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        var header = new List<string> { l["Quiz.Csv.Learner"], l["Quiz.Csv.Email"], l["Quiz.Csv.Status"], l["Quiz.Csv.Progress"], l["Quiz.Csv.Grade"], l["Quiz.Csv.OverrideReason"] };
        foreach (var q in book.Quizzes)
        {
            header.Add(q.Title + " — " + l["Quiz.Csv.Attempts"]);
            header.Add(q.Title + " — " + l["Quiz.Csv.Best"]);
            header.Add(q.Title + " — " + l["Quiz.Csv.Passed"]);
            header.Add(q.Title + " — " + l["Quiz.Csv.Awaiting"]);
        }
        foreach (var h in header) csv.WriteField(Safe(h));
        await csv.NextRecordAsync();
        foreach (var r in book.Rows)
        {
            var fields = new List<string> { Safe(r.LearnerName), Safe(r.Email), r.Status.ToString(), Number(r.ProgressPercent), Number(r.Grade), Safe(r.GradeOverrideReason) };
            foreach (var c in r.Cells)
            {
                fields.Add(Number(c.Attempts));
                fields.Add(Number(c.BestPercent));
                fields.Add(c.Attempts == 0 ? "" : c.Passed ? "yes" : "no");
                fields.Add(Number(c.EssaysAwaiting));
            }
            foreach (var f in fields) csv.WriteField(f);
            await csv.NextRecordAsync();
        }
    }

    /// <summary>Neutralises a cell a spreadsheet would evaluate as a formula.</summary>
    public static string Safe(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Number(decimal? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";
    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
