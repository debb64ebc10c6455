using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Data;

namespace Hemisphere.Features.Academy;

/// <summary>What a programme is for: the one-month on-site police course, train-the-trainer, a thematic track.</summary>
public enum ProgrammeKind { OnSiteCourse, TrainTheTrainer, Thematic }

/// <summary>A programme of the curriculum: an ordered set of courses.</summary>
public sealed class AcademyProgramme : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Slug { get; set; } = "";
    public ProgrammeKind Kind { get; set; }
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Summary { get; set; } = new();
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>A course's place in a programme.</summary>
public sealed class ProgrammeCourse
{
    public Guid ProgrammeId { get; set; }
    public Guid CourseId { get; set; }
    public int Position { get; set; }
}

public enum CourseStatus { Draft, Published, Archived }

/// <summary>
/// A course: modules of lessons and quizzes, taught in editions. A course is versioned: copying it makes
/// version N+1 (same <see cref="Code"/>, a new id and slug) and leaves the learners of the old one where they are.
/// </summary>
public sealed class Course : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The course across its versions, e.g. "POL-101"; (Code, Version) is unique.</summary>
    public string Code { get; set; } = "";
    public int Version { get; set; } = 1;
    public Guid? PreviousVersionId { get; set; }

    /// <summary>The address: /academy/courses/{slug}; unique over every version.</summary>
    public string Slug { get; set; } = "";
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Summary { get; set; } = new();
    public CourseStatus Status { get; set; }

    /// <summary>Notional learning hours (certificates and accreditation read them).</summary>
    public decimal Hours { get; set; }

    /// <summary>Completion: every required lesson viewed.</summary>
    public bool RequireLessons { get; set; } = true;
    /// <summary>Completion: every required quiz passed.</summary>
    public bool RequireQuizzes { get; set; } = true;
    /// <summary>Completion (on-site editions): at least this share of sessions attended (present or late), 0–100.</summary>
    public int? MinimumAttendancePercent { get; set; }
    /// <summary>Completion: every essay of the learner's passing attempts graded by an instructor.</summary>
    public bool RequireEssaysGraded { get; set; } = true;

    public Guid? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>Learners must have completed <see cref="RequiredCode"/> (any version) before enrolling in the course.</summary>
public sealed class CoursePrerequisite
{
    public Guid CourseId { get; set; }
    public string RequiredCode { get; set; } = "";
}

public sealed class CourseModule
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CourseId { get; set; }
    public int Position { get; set; }
    public LocalizedText Title { get; set; } = new();
}

public enum LessonKind { Text, Video, File, Link, Quiz }

/// <summary>
/// A step of a module: a text (Markdown per language), a video (YouTube/Vimeo), a file, an external link,
/// or a quiz (<see cref="QuizId"/>). Text lessons may carry a video, a file or a link too.
/// </summary>
public sealed class Lesson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CourseId { get; set; }
    public Guid ModuleId { get; set; }
    public int Position { get; set; }
    public LessonKind Kind { get; set; }
    public LocalizedText Title { get; set; } = new();

    /// <summary>Markdown, one version per language.</summary>
    public LocalizedText Body { get; set; } = new();
    public string? VideoUrl { get; set; }
    public string? LinkUrl { get; set; }
    public Guid? StoredFileId { get; set; }
    public Guid? QuizId { get; set; }

    /// <summary>Counts for completion (lessons viewed, quizzes passed).</summary>
    public bool Required { get; set; } = true;
    public int Minutes { get; set; }
}

public static class AcademyLimits
{
    public const int Code = 40;
    public const int Slug = 120;
    public const int Title = 300;
    public const int Summary = 4000;
    public const int Body = 200_000;
    public const int Url = 1000;
    public const int Name = 200;
    public const int Venue = 300;
    public const int NationalId = 40;
    public const int Email = 256;
    public const int Reason = 1000;
    public const int TimeZone = 64;
}
