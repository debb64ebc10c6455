using System.Text.Json;
using Hemisphere.Features.Portfolio;

namespace Hemisphere.Features.Academy.Quizzes;

/// <summary>Quiz settings that are not per quiz.</summary>
public sealed class QuizOptions
{
    /// <summary>Answers and submissions are still accepted this long after the deadline (network latency, a slow click).</summary>
    public int SubmissionGraceSeconds { get; set; } = 30;
}

// ---------- Question bank ----------

public sealed record CategoryInput(string? Name);

public sealed record CategoryDto(Guid Id, Guid CourseId, string Name, int Questions);

/// <summary>A question; <see cref="Definition"/> is the kind's JSON object (see <see cref="QuestionDefinition"/>).</summary>
public sealed record QuestionInput(Guid? CategoryId, string? Kind, Translations? Prompt, decimal? Points, JsonElement? Definition, Translations? Feedback);

public sealed record QuestionDto(Guid Id, Guid CourseId, Guid CategoryId, QuestionKind Kind, Translations Prompt, decimal Points,
    JsonElement Definition, Translations Feedback, bool Retired, DateTimeOffset CreatedAt);

// ---------- Quizzes ----------

public sealed record DrawInput(Guid? CategoryId, int? Count);

public sealed record QuizInput(Translations? Title, Translations? Instructions, int? TimeLimitMinutes, int? MaxAttempts, decimal? PassingPercent,
    bool? ShuffleQuestions, bool? ShuffleChoices, string? Feedback, IReadOnlyList<DrawInput>? Draws);

public sealed record DrawDto(Guid CategoryId, string CategoryName, int Count, int Available);

public sealed record QuizDto(Guid Id, Guid CourseId, Translations Title, Translations Instructions, int? TimeLimitMinutes, int? MaxAttempts,
    decimal PassingPercent, bool ShuffleQuestions, bool ShuffleChoices, FeedbackTiming Feedback, IReadOnlyList<DrawDto> Draws, int QuestionCount);

// ---------- Attempts ----------

public sealed record AttemptSummaryDto(Guid Id, int Number, AttemptState State, DateTimeOffset StartedAt, DateTimeOffset? DeadlineAt,
    DateTimeOffset? SubmittedAt, decimal? Score, decimal MaxScore, decimal? Percent, bool? Passed);

/// <summary>What a learner sees of a quiz before (and between) attempts.</summary>
public sealed record QuizOverviewDto(Guid Id, Guid CourseId, string Title, string Instructions, int? TimeLimitMinutes, int? MaxAttempts,
    decimal PassingPercent, FeedbackTiming Feedback, int QuestionCount, Guid EnrolmentId, int AttemptsUsed, int? AttemptsLeft, Guid? OpenAttemptId,
    bool CanStart, IReadOnlyList<AttemptSummaryDto> Attempts);

public sealed record OptionDto(string Id, string Text, bool? Correct = null, string? Feedback = null);

/// <summary>
/// A question as the attempt shows it (texts in the caller's language, choices in the paper's order). Awarded, RightAnswer,
/// Feedback and Comment are present only when the quiz's feedback timing allows it (always for instructors).
/// </summary>
public sealed record AttemptQuestionDto(Guid Id, int Number, QuestionKind Kind, decimal Points, string Prompt,
    IReadOnlyList<OptionDto>? Choices, IReadOnlyList<OptionDto>? Left, IReadOnlyList<OptionDto>? Right, IReadOnlyList<OptionDto>? Items,
    string? Rubric, decimal? Awarded, object? RightAnswer, string? Feedback, string? Comment, bool NeedsGrading);

public sealed record AttemptDto(Guid Id, Guid QuizId, string QuizTitle, Guid EnrolmentId, int Number, AttemptState State,
    DateTimeOffset StartedAt, DateTimeOffset? DeadlineAt, DateTimeOffset ServerNow, DateTimeOffset? SubmittedAt, DateTimeOffset? SavedAt,
    decimal? Score, decimal MaxScore, decimal? Percent, bool? Passed, decimal PassingPercent, bool FeedbackShown, bool AsInstructor,
    IReadOnlyList<AttemptQuestionDto> Questions, IReadOnlyDictionary<string, JsonElement> Answers);

/// <summary>Answers of an attempt: an object keyed by question id (see <see cref="QuestionDefinition"/> for each kind's shape).</summary>
public sealed record AnswersInput(JsonElement Answers);

/// <summary>A submission; with answers, they replace the saved ones first (one request instead of a save and a submit).</summary>
public sealed record SubmitInput(JsonElement? Answers);

public sealed record SavedDto(Guid AttemptId, DateTimeOffset SavedAt, DateTimeOffset? DeadlineAt, DateTimeOffset ServerNow);

// ---------- Gradebook ----------

public sealed record QuestionGradeInput(decimal? Points, string? Comment);

public sealed record GradeOverrideInput(decimal? Grade, string? Reason);

public sealed record GradebookQuizDto(Guid Id, string Title);

public sealed record GradebookAttemptDto(Guid Id, int Number, AttemptState State, DateTimeOffset StartedAt, DateTimeOffset? SubmittedAt, decimal? Percent, bool? Passed);

public sealed record GradebookCellDto(Guid QuizId, int Attempts, decimal? BestPercent, decimal? LastPercent, AttemptState? LastState, bool Passed,
    int EssaysAwaiting, IReadOnlyList<GradebookAttemptDto> AttemptList);

public sealed record GradebookRowDto(Guid EnrolmentId, Guid LearnerId, string LearnerName, string? Email, EnrolmentStatus Status, int ProgressPercent,
    decimal? Grade, string? GradeOverrideReason, IReadOnlyList<GradebookCellDto> Cells);

public sealed record GradebookDto(Guid EditionId, string EditionName, Guid CourseId, string CourseTitle, IReadOnlyList<GradebookQuizDto> Quizzes,
    IReadOnlyList<GradebookRowDto> Rows);

public sealed record EnrolmentGradeDto(Guid EnrolmentId, decimal? Grade, string? GradeOverrideReason);
