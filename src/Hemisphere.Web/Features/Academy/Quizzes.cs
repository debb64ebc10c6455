using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Data;

namespace Hemisphere.Features.Academy;

public enum QuestionKind { SingleChoice, MultipleChoice, TrueFalse, ShortAnswer, Numeric, Matching, Ordering, Essay }

/// <summary>A category of a course's question bank; quizzes draw a number of questions from categories.</summary>
public sealed class QuestionCategory
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CourseId { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>
/// A question of a course's bank. What varies by kind (choices and which are right, accepted answers,
/// the number and its tolerance, pairs to match, the right order, the essay's rubric) is a JSON document
/// in <see cref="Definition"/>, read and graded by the quiz engine.
/// </summary>
public sealed class Question : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CourseId { get; set; }
    public Guid CategoryId { get; set; }
    public QuestionKind Kind { get; set; }
    public LocalizedText Prompt { get; set; } = new();
    public decimal Points { get; set; } = 1;
    public string Definition { get; set; } = "{}";

    /// <summary>General feedback shown after the attempt when the quiz shows feedback.</summary>
    public LocalizedText Feedback { get; set; } = new();

    /// <summary>Retired questions are no longer drawn; attempts that drew them keep them.</summary>
    public bool Retired { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>When learners see which answers were right and the feedback.</summary>
public enum FeedbackTiming { AfterSubmission, AfterLastAttempt, Never }

public sealed class Quiz : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CourseId { get; set; }
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Instructions { get; set; } = new();

    /// <summary>Null: no limit. Enforced on the server from the attempt's start.</summary>
    public int? TimeLimitMinutes { get; set; }

    /// <summary>Null: unlimited.</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>The grade to pass, 0–100.</summary>
    public decimal PassingPercent { get; set; } = 70;
    public bool ShuffleQuestions { get; set; } = true;
    public bool ShuffleChoices { get; set; } = true;
    public FeedbackTiming Feedback { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>A quiz draws <see cref="Count"/> questions at random from a category.</summary>
public sealed class QuizDraw
{
    public Guid QuizId { get; set; }
    public Guid CategoryId { get; set; }
    public int Count { get; set; }
}

/// <summary>InProgress until submitted (or timed out); Submitted while essays wait for an instructor; Graded when every point is known.</summary>
public enum AttemptState { InProgress, Submitted, Graded }

/// <summary>
/// One attempt at a quiz. <see cref="Paper"/> is the questions drawn and the order of their choices (JSON,
/// fixed at the start, so a reload shows the same paper); <see cref="Answers"/> the learner's answers so
/// far (autosaved). (QuizId, EnrolmentId, Number) is unique, so a double start makes one attempt; the
/// submission is a conditional update of an InProgress attempt, so a double submit grades once.
/// </summary>
public sealed class QuizAttempt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid QuizId { get; set; }
    public Guid EnrolmentId { get; set; }
    public Guid LearnerId { get; set; }
    public int Number { get; set; }
    public AttemptState State { get; set; }
    public DateTimeOffset StartedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? DeadlineAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string Paper { get; set; } = "[]";
    public string Answers { get; set; } = "{}";
    public DateTimeOffset? SavedAt { get; set; }
    public decimal? Score { get; set; }
    public decimal MaxScore { get; set; }
    public decimal? Percent { get; set; }
    public bool? Passed { get; set; }
}

/// <summary>Points an instructor gave for one question of an attempt (an essay, or an override with a reason).</summary>
public sealed class QuestionGrade
{
    public Guid AttemptId { get; set; }
    public Guid QuestionId { get; set; }
    public decimal Points { get; set; }
    public string? Comment { get; set; }
    public Guid GradedBy { get; set; }
    public DateTimeOffset GradedAt { get; set; } = DateTimeOffset.UtcNow;
}
