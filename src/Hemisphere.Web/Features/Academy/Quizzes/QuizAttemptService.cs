using System.Globalization;
using System.Text.Json;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Hemisphere.Features.Academy.Quizzes;

/// <summary>
/// Taking quizzes. Who: a signed-in user whose learner record has an enrolment (Enrolled; Completed may review) in an edition of
/// the quiz's course, when a quiz lesson of that course points to the quiz. The path a learner takes (start, autosave, submit) is
/// a handful of indexed statements: the paper (a copy of the drawn questions) lives in the attempt, so saving and grading never read
/// the bank. Submissions are conditional updates of an InProgress attempt: a double click or a retry grades once and answers the
/// same result. The deadline (start + time limit) is enforced here; answers and submissions are accepted until the deadline plus a
/// small grace (<see cref="QuizOptions.SubmissionGraceSeconds"/>); an open attempt found past that is closed and graded with the
/// answers saved so far.
/// </summary>
public sealed class QuizAttemptService(HemisphereDb db, IStringLocalizer<SharedResource> l, TimeProvider clock, ProgressService progress, IOptions<QuizOptions> options)
{
    /// <summary>The clock, to the microsecond: what PostgreSQL stores, so an attempt reads back exactly as it was answered.</summary>
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero);
    }

    private TimeSpan Grace => TimeSpan.FromSeconds(Math.Max(0, options.Value.SubmissionGraceSeconds));

    private sealed record LearnerEnrolment(Guid Id, Guid LearnerId, EnrolmentStatus Status);

    /// <summary>The enrolment through which the user takes the quiz (Enrolled first, then Completed), or null when they may not.</summary>
    private async Task<LearnerEnrolment?> EnrolmentForAsync(Actor actor, Quiz quiz, CancellationToken ct)
    {
        if (actor.UserId is not { } me) return null;
        var enrolments = await (from e in db.Enrolments.AsNoTracking()
                                join ln in db.Learners on e.LearnerId equals ln.Id
                                where ln.UserId == me && e.CourseId == quiz.CourseId
                                      && (e.Status == EnrolmentStatus.Enrolled || e.Status == EnrolmentStatus.Completed)
                                select new { e.Id, e.LearnerId, e.Status, e.CreatedAt }).ToListAsync(ct);
        var chosen = enrolments.OrderBy(e => e.Status == EnrolmentStatus.Enrolled ? 0 : 1).ThenByDescending(e => e.CreatedAt).FirstOrDefault();
        if (chosen is null) return null;
        var inLesson = await db.Lessons.AnyAsync(x => x.CourseId == quiz.CourseId && x.Kind == LessonKind.Quiz && x.QuizId == quiz.Id, ct);
        return inLesson ? new LearnerEnrolment(chosen.Id, chosen.LearnerId, chosen.Status) : null;
    }

    private bool Expired(QuizAttempt a, DateTimeOffset now) => a.State == AttemptState.InProgress && PastDeadline(a.DeadlineAt, now);

    /// <summary>Past the deadline and the grace.</summary>
    internal bool PastDeadline(DateTimeOffset? deadline, DateTimeOffset now) => deadline is { } d && now > d + Grace;

    // ---------- Overview and start ----------

    public async Task<Outcome<QuizOverviewDto>> OverviewAsync(Actor actor, Guid quizId, CancellationToken ct)
    {
        var quiz = await db.Quizzes.AsNoTracking().FirstOrDefaultAsync(q => q.Id == quizId, ct);
        if (quiz is null) return Outcome<QuizOverviewDto>.NotFound();
        var enrolment = await EnrolmentForAsync(actor, quiz, ct);
        if (enrolment is null) return Outcome<QuizOverviewDto>.NotFound();
        var attempts = await AttemptsAsync(quiz, enrolment.Id, ct);
        var questionCount = await db.QuizDraws.Where(d => d.QuizId == quizId).SumAsync(d => d.Count, ct);
        var used = attempts.Count;
        var open = attempts.FirstOrDefault(a => a.State == AttemptState.InProgress);
        var left = quiz.MaxAttempts is { } max ? Math.Max(0, max - used) : (int?)null;
        var canStart = enrolment.Status == EnrolmentStatus.Enrolled && (open is not null || left is null or > 0);
        return Outcome<QuizOverviewDto>.Ok(new QuizOverviewDto(quiz.Id, quiz.CourseId, quiz.Title.Current, quiz.Instructions.Current, quiz.TimeLimitMinutes,
            quiz.MaxAttempts, quiz.PassingPercent, quiz.Feedback, questionCount, enrolment.Id, used, left, open?.Id, canStart,
            attempts.Select(Summary).ToList()));
    }

    /// <summary>The attempts of an enrolment at a quiz, oldest first, after closing one left open past its deadline.</summary>
    private async Task<List<QuizAttempt>> AttemptsAsync(Quiz quiz, Guid enrolmentId, CancellationToken ct)
    {
        var attempts = await db.QuizAttempts.AsNoTracking().Where(a => a.QuizId == quiz.Id && a.EnrolmentId == enrolmentId)
            .OrderBy(a => a.Number).ToListAsync(ct);
        var now = Now();
        if (!attempts.Any(a => Expired(a, now))) return attempts;
        foreach (var a in attempts.Where(a => Expired(a, now))) await CloseAsync(a, quiz, null, ct);
        return await db.QuizAttempts.AsNoTracking().Where(a => a.QuizId == quiz.Id && a.EnrolmentId == enrolmentId).OrderBy(a => a.Number).ToListAsync(ct);
    }

    public static AttemptSummaryDto Summary(QuizAttempt a) =>
        new(a.Id, a.Number, a.State, a.StartedAt, a.DeadlineAt, a.SubmittedAt, a.Score, a.MaxScore, a.Percent, a.Passed);

    /// <summary>Starts an attempt, or answers the open one (Created = false) so that a reload, a second tab or a double click resumes it.</summary>
    public async Task<Outcome<(AttemptDto Attempt, bool Created)>> StartAsync(Actor actor, Guid quizId, CancellationToken ct)
    {
        var quiz = await db.Quizzes.AsNoTracking().FirstOrDefaultAsync(q => q.Id == quizId, ct);
        if (quiz is null) return Outcome<(AttemptDto, bool)>.NotFound();
        var enrolment = await EnrolmentForAsync(actor, quiz, ct);
        if (enrolment is null) return Outcome<(AttemptDto, bool)>.NotFound();
        var attempts = await AttemptsAsync(quiz, enrolment.Id, ct);
        if (attempts.FirstOrDefault(a => a.State == AttemptState.InProgress) is { } open)
            return Outcome<(AttemptDto, bool)>.Ok((await ToDtoAsync(open, quiz, learner: true, ct), false));
        if (enrolment.Status != EnrolmentStatus.Enrolled) return Outcome<(AttemptDto, bool)>.Conflict(l["Quiz.NotEnrolled"]);
        if (quiz.MaxAttempts is { } max && attempts.Count >= max) return Outcome<(AttemptDto, bool)>.Conflict(l["Quiz.NoAttemptsLeft"]);

        var attempt = new QuizAttempt
        {
            QuizId = quiz.Id,
            EnrolmentId = enrolment.Id,
            LearnerId = enrolment.LearnerId,
            Number = attempts.Count == 0 ? 1 : attempts.Max(a => a.Number) + 1,
            State = AttemptState.InProgress,
            StartedAt = Now(),
        };
        attempt.DeadlineAt = quiz.TimeLimitMinutes is { } minutes ? attempt.StartedAt.AddMinutes(minutes) : null;

        var draws = await db.QuizDraws.AsNoTracking().Where(d => d.QuizId == quiz.Id).OrderBy(d => d.CategoryId)
            .Select(d => new { d.CategoryId, d.Count }).ToListAsync(ct);
        var categoryIds = draws.Select(d => d.CategoryId).ToList();
        var available = (await db.Questions.AsNoTracking().Where(q => categoryIds.Contains(q.CategoryId) && !q.Retired)
                .Select(q => new { q.CategoryId, q.Id }).ToListAsync(ct))
            .GroupBy(x => x.CategoryId).ToDictionary(g => g.Key, g => g.Select(x => x.Id).ToList());
        var seed = QuizEngine.SeedOf(attempt.Id);
        var (drawn, errors) = QuizEngine.Draw(draws.Select(d => (d.CategoryId, d.Count)).ToList(), available, seed);
        if (errors.Count > 0 || drawn.Count == 0) return Outcome<(AttemptDto, bool)>.Conflict(l["Quiz.NotEnoughQuestions.Detail"]);
        var questions = (await db.Questions.AsNoTracking().Where(q => drawn.Contains(q.Id)).ToListAsync(ct)).ToDictionary(q => q.Id);
        var paper = QuizEngine.Paper(drawn.Select(id => questions[id]).ToList(), quiz.ShuffleQuestions, quiz.ShuffleChoices, seed);
        attempt.Paper = QuizEngine.SerializePaper(paper);
        attempt.MaxScore = paper.Sum(q => q.Points);
        attempt.Answers = "{}";
        db.Add(attempt);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request started the same attempt number first: resume that one.
            db.ChangeTracker.Clear();
            var other = await db.QuizAttempts.AsNoTracking()
                .FirstOrDefaultAsync(a => a.QuizId == quiz.Id && a.EnrolmentId == enrolment.Id && a.Number == attempt.Number, ct);
            if (other is null) throw;
            if (other.State != AttemptState.InProgress) return Outcome<(AttemptDto, bool)>.Conflict(l["Quiz.AlreadySubmitted"]);
            return Outcome<(AttemptDto, bool)>.Ok((await ToDtoAsync(other, quiz, learner: true, ct), false));
        }
        return Outcome<(AttemptDto, bool)>.Ok((await ToDtoAsync(attempt, quiz, learner: true, ct), true));
    }

    // ---------- One attempt ----------

    private sealed record Found(QuizAttempt Attempt, bool Owner, bool Teacher);

    /// <summary>The attempt when the actor is its learner, or teaches its edition (or is staff); null otherwise, as if it did not exist.</summary>
    private async Task<Found?> FindAsync(Actor actor, Guid id, bool allowTeacher, CancellationToken ct)
    {
        var row = await (from a in db.QuizAttempts.AsNoTracking()
                         join ln in db.Learners on a.LearnerId equals ln.Id
                         where a.Id == id
                         select new { Attempt = a, ln.UserId }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        if (actor.UserId is { } me && row.UserId == me) return new Found(row.Attempt, true, false);
        if (!allowTeacher) return null;
        if (await TeachesAsync(actor, row.Attempt.EnrolmentId, ct)) return new Found(row.Attempt, false, true);
        return null;
    }

    internal async Task<bool> TeachesAsync(Actor actor, Guid enrolmentId, CancellationToken ct)
    {
        if (AcademyPolicy.IsStaff(actor)) return true;
        if (actor.UserId is not { } me) return false;
        return await (from e in db.Enrolments
                      join i in db.EditionInstructors on e.EditionId equals i.EditionId
                      where e.Id == enrolmentId && i.UserId == me
                      select i.UserId).AnyAsync(ct);
    }

    public async Task<Outcome<AttemptDto>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var found = await FindAsync(actor, id, allowTeacher: true, ct);
        if (found is null) return Outcome<AttemptDto>.NotFound();
        var a = found.Attempt;
        var quiz = await db.Quizzes.AsNoTracking().FirstAsync(q => q.Id == a.QuizId, ct);
        if (Expired(a, Now()))
        {
            await CloseAsync(a, quiz, null, ct);
            a = await db.QuizAttempts.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        }
        return Outcome<AttemptDto>.Ok(await ToDtoAsync(a, quiz, learner: found.Owner, ct));
    }

    /// <summary>Replaces the saved answers (last write wins); refused once the attempt is submitted or past its deadline.</summary>
    public async Task<Outcome<SavedDto>> SaveAsync(Actor actor, Guid id, AnswersInput input, CancellationToken ct)
    {
        var found = await FindAsync(actor, id, allowTeacher: false, ct);
        if (found is null) return Outcome<SavedDto>.NotFound();
        var a = found.Attempt;
        if (a.State != AttemptState.InProgress) return Outcome<SavedDto>.Conflict(l["Quiz.AlreadySubmitted"]);
        var now = Now();
        if (Expired(a, now))
        {
            await CloseAsync(a, await db.Quizzes.AsNoTracking().FirstAsync(q => q.Id == a.QuizId, ct), null, ct);
            return Outcome<SavedDto>.Conflict(l["Quiz.TooLate"]);
        }
        if (input.Answers.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return Outcome<SavedDto>.Invalid("answers", l["Validation.Required"]);
        var (answers, errors) = QuizEngine.ReadAnswers(QuizEngine.ReadPaper(a.Paper), input.Answers);
        if (errors.Count > 0) return Outcome<SavedDto>.Invalid(Errors(errors));
        var json = QuizEngine.SerializeAnswers(answers);
        var cutoff = now - Grace;
        var changed = await db.QuizAttempts
            .Where(x => x.Id == id && x.State == AttemptState.InProgress && (x.DeadlineAt == null || x.DeadlineAt >= cutoff))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Answers, json).SetProperty(x => x.SavedAt, now), ct);
        if (changed == 0) return Outcome<SavedDto>.Conflict(l["Quiz.AlreadySubmitted"]);
        return Outcome<SavedDto>.Ok(new SavedDto(id, now, a.DeadlineAt, now));
    }

    /// <summary>
    /// Submits (once): grades what can be graded; Graded, or Submitted while essays wait for an instructor. A second submission of the
    /// same attempt, concurrent or later, answers the same result and changes nothing. Past the deadline (and the grace) it is refused
    /// (409) and the attempt is closed with the answers saved by then.
    /// </summary>
    public async Task<Outcome<AttemptDto>> SubmitAsync(Actor actor, Guid id, SubmitInput? input, CancellationToken ct)
    {
        var found = await FindAsync(actor, id, allowTeacher: false, ct);
        if (found is null) return Outcome<AttemptDto>.NotFound();
        var a = found.Attempt;
        var quiz = await db.Quizzes.AsNoTracking().FirstAsync(q => q.Id == a.QuizId, ct);
        if (a.State != AttemptState.InProgress) return Outcome<AttemptDto>.Ok(await ToDtoAsync(a, quiz, learner: true, ct));
        if (Expired(a, Now()))
        {
            await CloseAsync(a, quiz, null, ct);
            return Outcome<AttemptDto>.Conflict(l["Quiz.TooLate"]);
        }
        Dictionary<Guid, JsonElement>? answers = null;
        if (input?.Answers is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } given)
        {
            var (read, errors) = QuizEngine.ReadAnswers(QuizEngine.ReadPaper(a.Paper), given);
            if (errors.Count > 0) return Outcome<AttemptDto>.Invalid(Errors(errors));
            answers = read;
        }
        await CloseAsync(a, quiz, answers, ct);
        var after = await db.QuizAttempts.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        return Outcome<AttemptDto>.Ok(await ToDtoAsync(after, quiz, learner: true, ct));
    }

    /// <summary>
    /// Closes an open attempt (a conditional update, so only one request does it): grades it with the given answers, or the saved ones;
    /// then updates the enrolment's progress. Answers false when another request closed it first.
    /// </summary>
    internal async Task<bool> CloseAsync(QuizAttempt a, Quiz quiz, Dictionary<Guid, JsonElement>? newAnswers, CancellationToken ct)
    {
        var now = Now();
        var paper = QuizEngine.ReadPaper(a.Paper);
        var answers = newAnswers ?? QuizEngine.ReadSavedAnswers(a.Answers);
        var (score, max, complete) = QuizEngine.Total(paper, answers, new Dictionary<Guid, decimal>());
        decimal? percent = complete ? QuizEngine.Percent(score, max) : null;
        bool? passed = complete ? percent >= quiz.PassingPercent : null;
        var state = complete ? AttemptState.Graded : AttemptState.Submitted;
        var submittedAt = a.DeadlineAt is { } d && now > d ? d : now;
        var json = newAnswers is null ? null : QuizEngine.SerializeAnswers(newAnswers);
        var changed = await db.QuizAttempts.Where(x => x.Id == a.Id && x.State == AttemptState.InProgress)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(x => x.State, state).SetProperty(x => x.SubmittedAt, submittedAt).SetProperty(x => x.Score, score)
                    .SetProperty(x => x.MaxScore, max).SetProperty(x => x.Percent, percent).SetProperty(x => x.Passed, passed);
                if (json is not null) s.SetProperty(x => x.Answers, json).SetProperty(x => x.SavedAt, now);
            }, ct);
        if (changed == 1 && passed is { } success)
        {
            var learner = await db.Enrolments.Where(x => x.Id == a.EnrolmentId).Select(x => x.LearnerId).FirstAsync(ct);
            Records.AcademyStatements.Queue(db, new Records.AcademyLearningEvent($"quiz-attempt:{a.Id}",
                success ? Records.AcademyStatements.Verbs.Passed : Records.AcademyStatements.Verbs.Failed, learner, $"academy/quizzes/{quiz.Id}",
                quiz.Title.For("en"), Records.AcademyStatements.ActivityTypes.Assessment, a.EnrolmentId, submittedAt, percent, success, true));
            await db.SaveChangesAsync(ct);
        }
        if (changed == 1) await RecomputeProgressAsync(a.EnrolmentId, ct);
        return changed == 1;
    }

    /// <summary>Updates the enrolment's progress and grade (and completes it, once, when every rule is met).</summary>
    internal Task RecomputeProgressAsync(Guid enrolmentId, CancellationToken ct) => progress.RecomputeAsync(enrolmentId, ct);

    private IDictionary<string, string[]> Errors(IEnumerable<QuizError> errors)
    {
        var v = new Validation(l);
        foreach (var e in errors) v.Add(e.Field, e.Key, e.Args);
        return v.Errors;
    }

    // ---------- What the attempt shows ----------

    /// <summary>
    /// Whether the learner may see the right answers, points per question and feedback of this attempt: never while it is open or
    /// while another attempt at the quiz is open; after submission (AfterSubmission), once no attempt is left (AfterLastAttempt), or never.
    /// </summary>
    public static bool FeedbackAllowed(Quiz quiz, QuizAttempt a, IReadOnlyCollection<AttemptState> allStates) =>
        a.State != AttemptState.InProgress && !allStates.Contains(AttemptState.InProgress) && quiz.Feedback switch
        {
            FeedbackTiming.AfterSubmission => true,
            FeedbackTiming.AfterLastAttempt => quiz.MaxAttempts is { } max && allStates.Count >= max,
            _ => false,
        };

    internal async Task<AttemptDto> ToDtoAsync(QuizAttempt a, Quiz quiz, bool learner, CancellationToken ct)
    {
        bool show;
        if (!learner) show = true;
        else if (a.State == AttemptState.InProgress || quiz.Feedback == FeedbackTiming.Never) show = false;
        else
        {
            var states = await db.QuizAttempts.Where(x => x.QuizId == a.QuizId && x.EnrolmentId == a.EnrolmentId).Select(x => x.State).ToListAsync(ct);
            show = FeedbackAllowed(quiz, a, states);
        }
        var grades = a.State == AttemptState.InProgress ? new Dictionary<Guid, QuestionGrade>()
            : await db.QuestionGrades.AsNoTracking().Where(g => g.AttemptId == a.Id).ToDictionaryAsync(g => g.QuestionId, ct);
        return ToDto(a, quiz, show, teacher: !learner, grades, Now());
    }

    public static AttemptDto ToDto(QuizAttempt a, Quiz quiz, bool show, bool teacher, IReadOnlyDictionary<Guid, QuestionGrade> grades, DateTimeOffset now)
    {
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var paper = QuizEngine.ReadPaper(a.Paper);
        var answers = QuizEngine.ReadSavedAnswers(a.Answers);
        var closed = a.State != AttemptState.InProgress;
        var questions = paper.Select((q, i) =>
        {
            var d = q.Definition;
            OptionDto Option(QuizOption o, bool withCorrect) =>
                new(o.Id, o.Text.For(lang), show && withCorrect ? o.Correct : null, show && closed ? o.Feedback?.For(lang) : null);
            List<OptionDto>? choices = null, left = null, right = null, items = null;
            switch (q.Kind)
            {
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                    choices = Ordered(d.Choices!, q.Order).Select(o => Option(o, true)).ToList();
                    break;
                case QuestionKind.Matching:
                    left = d.Left!.Select(o => Option(o, false)).ToList();
                    right = Ordered(d.Right!, q.Order).Select(o => Option(o, false)).ToList();
                    break;
                case QuestionKind.Ordering:
                    items = Ordered(d.Items!, q.Order).Select(o => Option(o, false)).ToList();
                    break;
            }
            grades.TryGetValue(q.Id, out var grade);
            var answer = answers.TryGetValue(q.Id, out var given) ? given : (JsonElement?)null;
            var awarded = show && closed ? grade?.Points ?? QuizEngine.Points(q, answer) : null;
            return new AttemptQuestionDto(q.Id, i + 1, q.Kind, q.Points, q.Prompt.For(lang), choices, left, right, items,
                teacher ? d.Rubric?.For(lang) : null, awarded, show && closed ? QuizEngine.RightAnswer(q) : null,
                show && closed ? q.Feedback?.For(lang) : null, show && closed ? grade?.Comment : null,
                closed && q.Kind == QuestionKind.Essay && grade is null);
        }).ToList();
        return new AttemptDto(a.Id, a.QuizId, quiz.Title.For(lang), a.EnrolmentId, a.Number, a.State, a.StartedAt, a.DeadlineAt, now, a.SubmittedAt,
            a.SavedAt, a.Score, a.MaxScore, a.Percent, a.Passed, quiz.PassingPercent, show && closed, teacher, questions,
            answers.ToDictionary(x => x.Key.ToString(), x => x.Value));
    }

    private static IEnumerable<QuizOption> Ordered(IReadOnlyList<QuizOption> options, IReadOnlyList<string>? order) =>
        order is null ? options : order.Select(id => options.FirstOrDefault(o => o.Id == id)).Where(o => o is not null).Select(o => o!);
}
