using Hemisphere.Features.Portfolio;

namespace Hemisphere.Features.Academy.Curriculum;

public sealed record ProgrammeInput(string? Slug, string? Kind, Translations? Title, Translations? Summary, List<Guid>? Courses);

public sealed record ProgrammeDto(Guid Id, string Slug, ProgrammeKind Kind, string Title, string Summary, Translations TitleTranslations,
    Translations SummaryTranslations, IReadOnlyList<CourseListItem> Courses, string Url);

public sealed record CompletionRulesDto(bool RequireLessons, bool RequireQuizzes, int? MinimumAttendancePercent, bool RequireEssaysGraded);

public sealed record CourseInput(
    string? Code, string? Slug, Translations? Title, Translations? Summary, string? Status, decimal? Hours,
    bool? RequireLessons, bool? RequireQuizzes, int? MinimumAttendancePercent, bool? RequireEssaysGraded, List<string>? Prerequisites);

public sealed record CourseListItem(Guid Id, string Code, int Version, string Slug, string Title, string Summary, CourseStatus Status,
    decimal Hours, IReadOnlyList<string> Languages, string Url);

public sealed record CourseDto(
    Guid Id, string Code, int Version, Guid? PreviousVersionId, Guid? LatestVersionId, string Slug, string Title, string Summary,
    Translations TitleTranslations, Translations SummaryTranslations, CourseStatus Status, decimal Hours, IReadOnlyList<string> Languages,
    CompletionRulesDto Completion, IReadOnlyList<string> Prerequisites, IReadOnlyList<ModuleDto> Modules, string Url);

public sealed record ModuleInput(Translations? Title, int? Position);

public sealed record ModuleDto(Guid Id, int Position, string Title, Translations TitleTranslations, IReadOnlyList<LessonSummaryDto> Lessons);

public sealed record LessonSummaryDto(Guid Id, Guid ModuleId, int Position, LessonKind Kind, string Title, bool Required, int Minutes, Guid? QuizId, string Url);

public sealed record LessonInput(
    Guid? ModuleId, string? Kind, Translations? Title, Translations? Body, string? VideoUrl, string? LinkUrl, Guid? QuizId,
    bool? Required, int? Minutes, int? Position);

public sealed record LessonFileDto(Guid Id, string Name, string ContentType, long Bytes, string Url);

/// <summary>A lesson as a learner reads it: the body in their language (or the first there is), rendered and sanitised.</summary>
public sealed record LessonDto(
    Guid Id, Guid CourseId, string CourseSlug, string CourseTitle, Guid ModuleId, string ModuleTitle, LessonKind Kind, string Title,
    string Language, string BodyHtml, IReadOnlyList<string> Languages, Translations TitleTranslations, Translations BodyTranslations,
    string? VideoUrl, string? VideoEmbedUrl, string? LinkUrl, LessonFileDto? File, Guid? QuizId, bool Required, int Minutes,
    Guid? PreviousLessonId, Guid? NextLessonId, string Url);
