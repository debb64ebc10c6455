using Hemisphere.Features.Library;
using Hemisphere.Features.Portfolio;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Files;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Localization;
using Hemisphere.Platform.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Curriculum;

/// <summary>
/// The curriculum: programmes, courses (versioned), modules and lessons. Anyone reads the published
/// catalogue and a course's outline; staff write. Lessons themselves are read through <see cref="LearningService"/>,
/// which checks the reader's enrolment.
/// </summary>
public sealed class CurriculumService(HemisphereDb db, FileStore files, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private const FileCategory LessonFiles = FileCategory.Any;

    // ---------- programmes ----------

    public async Task<IReadOnlyList<ProgrammeDto>> ProgrammesAsync(Actor actor, string language, CancellationToken ct)
    {
        var programmes = await db.AcademyProgrammes.AsNoTracking().OrderBy(p => p.Kind).ThenBy(p => p.Slug).ToListAsync(ct);
        var links = await db.ProgrammeCourses.AsNoTracking().OrderBy(p => p.Position).ToListAsync(ct);
        var courses = await VisibleCourses(actor).Where(c => links.Select(x => x.CourseId).Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return programmes.Select(p => ToDto(p, links.Where(x => x.ProgrammeId == p.Id).Select(x => courses.GetValueOrDefault(x.CourseId)).OfType<Course>(), language)).ToList();
    }

    public async Task<ProgrammeDto?> ProgrammeAsync(Actor actor, string key, string language, CancellationToken ct)
    {
        var p = await FindProgrammeAsync(key, ct);
        if (p is null) return null;
        var ids = await db.ProgrammeCourses.Where(x => x.ProgrammeId == p.Id).OrderBy(x => x.Position).Select(x => x.CourseId).ToListAsync(ct);
        var courses = await VisibleCourses(actor).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return ToDto(p, ids.Select(id => courses.GetValueOrDefault(id)).OfType<Course>(), language);
    }

    public async Task<Outcome<ProgrammeDto>> SaveProgrammeAsync(Actor actor, string? key, ProgrammeInput input, CancellationToken ct)
    {
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<ProgrammeDto>.Forbidden();
        AcademyProgramme? programme = null;
        if (key is not null)
        {
            programme = await FindProgrammeAsync(key, ct, track: true);
            if (programme is null) return Outcome<ProgrammeDto>.NotFound();
        }
        var v = new Validation(l);
        var title = v.Localized("title", input.Title?.En, input.Title?.Es, input.Title?.Pt, input.Title?.Fr, AcademyLimits.Title, required: true);
        var summary = v.Localized("summary", input.Summary?.En, input.Summary?.Es, input.Summary?.Pt, input.Summary?.Fr, AcademyLimits.Summary);
        var kind = AcademyCodes.Parse<ProgrammeKind>(v, "kind", input.Kind, required: true);
        var courseIds = (input.Courses ?? []).Distinct().ToList();
        if (courseIds.Count > 200) v.Add("courses", "Validation.TooMany", 200);
        var known = await db.Courses.Where(c => courseIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        if (known.Count != courseIds.Count) v.Add("courses", "Academy.UnknownCourse");
        var slug = await SlugAsync(v, input.Slug, title.En.Length > 0 ? title.En : title.For("es"), programme?.Slug,
            s => db.AcademyProgrammes.AnyAsync(p => p.Slug == s && (programme == null || p.Id != programme.Id), ct));
        if (!v.IsValid) return Outcome<ProgrammeDto>.Invalid(v.Errors);

        if (programme is null) db.AcademyProgrammes.Add(programme = new AcademyProgramme { CreatedAt = clock.GetUtcNow() });
        programme.Slug = slug!;
        programme.Kind = kind!.Value;
        programme.Title = title;
        programme.Summary = summary;
        if (input.Courses is not null)
        {
            await db.ProgrammeCourses.Where(x => x.ProgrammeId == programme.Id).ExecuteDeleteAsync(ct);
            db.ProgrammeCourses.AddRange(courseIds.Select((c, i) => new ProgrammeCourse { ProgrammeId = programme.Id, CourseId = c, Position = i + 1 }));
        }
        await db.SaveChangesAsync(ct);
        return Outcome<ProgrammeDto>.Ok((await ProgrammeAsync(actor, programme.Id.ToString(), "en", ct))!);
    }

    private Task<AcademyProgramme?> FindProgrammeAsync(string key, CancellationToken ct, bool track = false)
    {
        var q = track ? db.AcademyProgrammes : db.AcademyProgrammes.AsNoTracking();
        return Guid.TryParse(key, out var id) ? q.FirstOrDefaultAsync(p => p.Id == id, ct) : q.FirstOrDefaultAsync(p => p.Slug == key, ct);
    }

    private static ProgrammeDto ToDto(AcademyProgramme p, IEnumerable<Course> courses, string language) =>
        new(p.Id, p.Slug, p.Kind, p.Title.For(language), p.Summary.For(language), Tr(p.Title), Tr(p.Summary),
            courses.Select(c => ToListItem(c, language)).ToList(), "/academy/programmes/" + p.Slug);

    // ---------- courses ----------

    /// <summary>Published courses for everyone; staff see drafts and archived ones too.</summary>
    private IQueryable<Course> VisibleCourses(Actor actor) =>
        AcademyPolicy.IsStaff(actor) ? db.Courses.AsNoTracking() : db.Courses.AsNoTracking().Where(c => c.Status == CourseStatus.Published);

    public async Task<Page<CourseListItem>> CoursesAsync(Actor actor, string? q, string? status, string language, PageRequest page, CancellationToken ct)
    {
        var query = VisibleCourses(actor);
        if (!string.IsNullOrWhiteSpace(status) && Enum.TryParse<CourseStatus>(status, true, out var s)) query = query.Where(c => c.Status == s);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(c => c.Code.Contains(text) || c.Title.En.Contains(text) || (c.Title.Es ?? "").Contains(text)
                || (c.Title.Pt ?? "").Contains(text) || (c.Title.Fr ?? "").Contains(text));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(c => c.Code).ThenByDescending(c => c.Version).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new Page<CourseListItem>(rows.Select(c => ToListItem(c, language)).ToList(), total, page.Number, page.Size);
    }

    public async Task<Course?> FindCourseAsync(Actor actor, string key, CancellationToken ct)
    {
        var q = VisibleCourses(actor);
        return Guid.TryParse(key, out var id) ? await q.FirstOrDefaultAsync(c => c.Id == id, ct) : await q.FirstOrDefaultAsync(c => c.Slug == key, ct);
    }

    public async Task<CourseDto?> CourseAsync(Actor actor, string key, string language, CancellationToken ct)
    {
        var course = await FindCourseAsync(actor, key, ct);
        return course is null ? null : await ToDtoAsync(course, language, ct);
    }

    public async Task<Outcome<CourseDto>> CreateCourseAsync(Actor actor, CourseInput input, CancellationToken ct)
    {
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<CourseDto>.Forbidden();
        var course = new Course { CreatedBy = actor.UserId, CreatedAt = clock.GetUtcNow() };
        var v = new Validation(l);
        var code = v.Text("code", input.Code, AcademyLimits.Code, required: true)?.ToUpperInvariant();
        if (code is not null && !AcademyCodes.IsCourseCode(code)) v.Add("code", "Academy.InvalidCode");
        if (code is not null && await db.Courses.AnyAsync(c => c.Code == code, ct)) v.Add("code", "Academy.CodeTaken");
        await ApplyAsync(v, course, input, ct);
        if (!v.IsValid) return Outcome<CourseDto>.Invalid(v.Errors);
        course.Code = code!;
        db.Courses.Add(course);
        await SavePrerequisitesAsync(course.Id, input.Prerequisites, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<CourseDto>.Ok(await ToDtoAsync(course, "en", ct));
    }

    public async Task<Outcome<CourseDto>> UpdateCourseAsync(Actor actor, string key, CourseInput input, CancellationToken ct)
    {
        if (!AcademyPolicy.CanAuthor(actor)) return await FindCourseAsync(actor, key, ct) is null ? Outcome<CourseDto>.NotFound() : Outcome<CourseDto>.Forbidden();
        var found = await FindCourseAsync(actor, key, ct);
        if (found is null) return Outcome<CourseDto>.NotFound();
        var course = await db.Courses.FirstAsync(c => c.Id == found.Id, ct);
        var v = new Validation(l);
        if (!string.IsNullOrWhiteSpace(input.Code) && !string.Equals(input.Code.Trim(), course.Code, StringComparison.OrdinalIgnoreCase))
            v.Add("code", "Academy.CodeFixed");
        await ApplyAsync(v, course, input, ct);
        if (!v.IsValid) return Outcome<CourseDto>.Invalid(v.Errors);
        course.UpdatedAt = clock.GetUtcNow();
        if (input.Prerequisites is not null)
        {
            await db.CoursePrerequisites.Where(p => p.CourseId == course.Id).ExecuteDeleteAsync(ct);
            await SavePrerequisitesAsync(course.Id, input.Prerequisites, ct);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<CourseDto>.Ok(await ToDtoAsync(course, "en", ct));
    }

    private async Task ApplyAsync(Validation v, Course course, CourseInput input, CancellationToken ct)
    {
        var title = v.Localized("title", input.Title?.En, input.Title?.Es, input.Title?.Pt, input.Title?.Fr, AcademyLimits.Title, required: true);
        var summary = v.Localized("summary", input.Summary?.En, input.Summary?.Es, input.Summary?.Pt, input.Summary?.Fr, AcademyLimits.Summary);
        var status = input.Status is null ? course.Status : AcademyCodes.Parse<CourseStatus>(v, "status", input.Status) ?? course.Status;
        if (input.Hours is { } hours && (hours < 0 || hours > 10_000)) v.Add("hours", "Validation.Range", 0, 10_000);
        if (input.MinimumAttendancePercent is { } min && (min < 0 || min > 100)) v.Add("minimumAttendancePercent", "Validation.Range", 0, 100);
        var prerequisites = (input.Prerequisites ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim().ToUpperInvariant()).Distinct().ToList();
        if (prerequisites.Count > 20) v.Add("prerequisites", "Validation.TooMany", 20);
        foreach (var p in prerequisites)
        {
            if (p == course.Code) v.Add("prerequisites", "Academy.PrerequisiteSelf");
            else if (!await db.Courses.AnyAsync(c => c.Code == p, ct)) v.Add("prerequisites", "Academy.UnknownCourseCode", p);
        }
        var text = title.En.Length > 0 ? title.En : title.For("es");
        var slug = await SlugAsync(v, input.Slug, (input.Code ?? course.Code) + "-" + text, course.Slug.Length > 0 ? course.Slug : null,
            s => db.Courses.AnyAsync(c => c.Slug == s && c.Id != course.Id, ct));
        if (!v.IsValid) return;
        course.Title = title;
        course.Summary = summary;
        course.Status = status;
        course.Slug = slug!;
        if (input.Hours is { } h) course.Hours = h;
        if (input.RequireLessons is { } rl) course.RequireLessons = rl;
        if (input.RequireQuizzes is { } rq) course.RequireQuizzes = rq;
        course.MinimumAttendancePercent = input.MinimumAttendancePercent ?? course.MinimumAttendancePercent;
        if (input.RequireEssaysGraded is { } re) course.RequireEssaysGraded = re;
    }

    private async Task SavePrerequisitesAsync(Guid courseId, List<string>? codes, CancellationToken ct)
    {
        await Task.CompletedTask;
        foreach (var code in (codes ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim().ToUpperInvariant()).Distinct())
            db.CoursePrerequisites.Add(new CoursePrerequisite { CourseId = courseId, RequiredCode = code });
        _ = ct;
    }

    /// <summary>
    /// Copies a course into its next version (a draft with a new id and slug): modules, lessons, the question
    /// bank and quizzes come along; editions, enrolments and attempts stay with the old version, untouched.
    /// </summary>
    public async Task<Outcome<CourseDto>> NewVersionAsync(Actor actor, string key, CancellationToken ct)
    {
        var old = await FindCourseAsync(actor, key, ct);
        if (old is null) return Outcome<CourseDto>.NotFound();
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<CourseDto>.Forbidden();
        var version = await db.Courses.Where(c => c.Code == old.Code).MaxAsync(c => c.Version, ct) + 1;
        var now = clock.GetUtcNow();
        var copy = new Course
        {
            Code = old.Code,
            Version = version,
            PreviousVersionId = old.Id,
            Title = Clone(old.Title),
            Summary = Clone(old.Summary),
            Status = CourseStatus.Draft,
            Hours = old.Hours,
            RequireLessons = old.RequireLessons,
            RequireQuizzes = old.RequireQuizzes,
            MinimumAttendancePercent = old.MinimumAttendancePercent,
            RequireEssaysGraded = old.RequireEssaysGraded,
            CreatedBy = actor.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        copy.Slug = await Slugs.UniqueAsync(Slugs.From($"{old.Code}-v{version}-{old.Title.For("en")}", AcademyLimits.Slug - 4),
            s => db.Courses.AnyAsync(c => c.Slug == s, ct));
        db.Courses.Add(copy);
        foreach (var p in await db.CoursePrerequisites.AsNoTracking().Where(p => p.CourseId == old.Id).ToListAsync(ct))
            db.CoursePrerequisites.Add(new CoursePrerequisite { CourseId = copy.Id, RequiredCode = p.RequiredCode });

        var categories = new Dictionary<Guid, Guid>();
        foreach (var c in await db.QuestionCategories.AsNoTracking().Where(c => c.CourseId == old.Id).ToListAsync(ct))
        {
            var n = new QuestionCategory { CourseId = copy.Id, Name = c.Name };
            categories[c.Id] = n.Id;
            db.QuestionCategories.Add(n);
        }
        foreach (var q in await db.Questions.AsNoTracking().Where(q => q.CourseId == old.Id && !q.Retired).ToListAsync(ct))
            db.Questions.Add(new Question
            {
                CourseId = copy.Id,
                CategoryId = categories[q.CategoryId],
                Kind = q.Kind,
                Prompt = Clone(q.Prompt),
                Points = q.Points,
                Definition = q.Definition,
                Feedback = Clone(q.Feedback),
                CreatedAt = now,
            });
        var quizzes = new Dictionary<Guid, Guid>();
        foreach (var z in await db.Quizzes.AsNoTracking().Where(z => z.CourseId == old.Id).ToListAsync(ct))
        {
            var n = new Quiz
            {
                CourseId = copy.Id,
                Title = Clone(z.Title),
                Instructions = Clone(z.Instructions),
                TimeLimitMinutes = z.TimeLimitMinutes,
                MaxAttempts = z.MaxAttempts,
                PassingPercent = z.PassingPercent,
                ShuffleQuestions = z.ShuffleQuestions,
                ShuffleChoices = z.ShuffleChoices,
                Feedback = z.Feedback,
                CreatedAt = now,
            };
            quizzes[z.Id] = n.Id;
            db.Quizzes.Add(n);
        }
        var quizIds = quizzes.Keys.ToList();
        foreach (var d in await db.QuizDraws.AsNoTracking().Where(d => quizIds.Contains(d.QuizId)).ToListAsync(ct))
            db.QuizDraws.Add(new QuizDraw { QuizId = quizzes[d.QuizId], CategoryId = categories[d.CategoryId], Count = d.Count });

        var modules = new Dictionary<Guid, Guid>();
        foreach (var m in await db.CourseModules.AsNoTracking().Where(m => m.CourseId == old.Id).ToListAsync(ct))
        {
            var n = new CourseModule { CourseId = copy.Id, Position = m.Position, Title = Clone(m.Title) };
            modules[m.Id] = n.Id;
            db.CourseModules.Add(n);
        }
        foreach (var x in await db.Lessons.AsNoTracking().Where(x => x.CourseId == old.Id).ToListAsync(ct))
            db.Lessons.Add(new Lesson
            {
                CourseId = copy.Id,
                ModuleId = modules[x.ModuleId],
                Position = x.Position,
                Kind = x.Kind,
                Title = Clone(x.Title),
                Body = Clone(x.Body),
                VideoUrl = x.VideoUrl,
                LinkUrl = x.LinkUrl,
                StoredFileId = x.StoredFileId,
                QuizId = x.QuizId is { } q && quizzes.TryGetValue(q, out var nq) ? nq : null,
                Required = x.Required,
                Minutes = x.Minutes,
            });
        await db.SaveChangesAsync(ct);
        return Outcome<CourseDto>.Ok(await ToDtoAsync(copy, "en", ct));
    }

    // ---------- modules and lessons ----------

    public async Task<Outcome<ModuleDto>> AddModuleAsync(Actor actor, string courseKey, ModuleInput input, CancellationToken ct)
    {
        var course = await FindCourseAsync(actor, courseKey, ct);
        if (course is null) return Outcome<ModuleDto>.NotFound();
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<ModuleDto>.Forbidden();
        var v = new Validation(l);
        var title = v.Localized("title", input.Title?.En, input.Title?.Es, input.Title?.Pt, input.Title?.Fr, AcademyLimits.Title, required: true);
        if (!v.IsValid) return Outcome<ModuleDto>.Invalid(v.Errors);
        var last = await db.CourseModules.Where(m => m.CourseId == course.Id).MaxAsync(m => (int?)m.Position, ct) ?? 0;
        var module = new CourseModule { CourseId = course.Id, Title = title, Position = Math.Clamp(input.Position ?? last + 1, 1, last + 1) };
        await ShiftAsync(db.CourseModules.Where(m => m.CourseId == course.Id && m.Position >= module.Position), ct);
        db.CourseModules.Add(module);
        await TouchAsync(course.Id, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<ModuleDto>.Ok(new ModuleDto(module.Id, module.Position, module.Title.For("en"), Tr(module.Title), []));
    }

    public async Task<Outcome<ModuleDto>> UpdateModuleAsync(Actor actor, Guid moduleId, ModuleInput input, CancellationToken ct)
    {
        var module = await db.CourseModules.FirstOrDefaultAsync(m => m.Id == moduleId, ct);
        if (module is null || await FindCourseAsync(actor, module.CourseId.ToString(), ct) is null) return Outcome<ModuleDto>.NotFound();
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<ModuleDto>.Forbidden();
        var v = new Validation(l);
        var title = v.Localized("title", input.Title?.En, input.Title?.Es, input.Title?.Pt, input.Title?.Fr, AcademyLimits.Title, required: true);
        if (!v.IsValid) return Outcome<ModuleDto>.Invalid(v.Errors);
        module.Title = title;
        if (input.Position is { } position && position != module.Position)
        {
            var others = await db.CourseModules.Where(m => m.CourseId == module.CourseId && m.Id != module.Id).OrderBy(m => m.Position).ToListAsync(ct);
            Reorder(others, module, position, (m, p) => m.Position = p);
        }
        await TouchAsync(module.CourseId, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<ModuleDto>.Ok(new ModuleDto(module.Id, module.Position, module.Title.For("en"), Tr(module.Title), []));
    }

    /// <summary>Deletes an empty module (lessons must be moved or deleted first, so no learner's progress disappears by accident).</summary>
    public async Task<Outcome<bool>> DeleteModuleAsync(Actor actor, Guid moduleId, CancellationToken ct)
    {
        var module = await db.CourseModules.FirstOrDefaultAsync(m => m.Id == moduleId, ct);
        if (module is null || await FindCourseAsync(actor, module.CourseId.ToString(), ct) is null) return Outcome<bool>.NotFound();
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<bool>.Forbidden();
        if (await db.Lessons.AnyAsync(x => x.ModuleId == moduleId, ct)) return Outcome<bool>.Conflict(l["Academy.ModuleNotEmpty"]);
        db.CourseModules.Remove(module);
        await TouchAsync(module.CourseId, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<LessonSummaryDto>> AddLessonAsync(Actor actor, string courseKey, LessonInput input, CancellationToken ct)
    {
        var course = await FindCourseAsync(actor, courseKey, ct);
        if (course is null) return Outcome<LessonSummaryDto>.NotFound();
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<LessonSummaryDto>.Forbidden();
        var lesson = new Lesson { CourseId = course.Id };
        var v = new Validation(l);
        await ApplyAsync(v, lesson, input, isNew: true, ct);
        if (!v.IsValid) return Outcome<LessonSummaryDto>.Invalid(v.Errors);
        var last = await db.Lessons.Where(x => x.ModuleId == lesson.ModuleId).MaxAsync(x => (int?)x.Position, ct) ?? 0;
        lesson.Position = Math.Clamp(input.Position ?? last + 1, 1, last + 1);
        await ShiftAsync(db.Lessons.Where(x => x.ModuleId == lesson.ModuleId && x.Position >= lesson.Position), ct);
        db.Lessons.Add(lesson);
        await TouchAsync(course.Id, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<LessonSummaryDto>.Ok(ToSummary(lesson, "en"));
    }

    public async Task<Outcome<LessonSummaryDto>> UpdateLessonAsync(Actor actor, Guid lessonId, LessonInput input, CancellationToken ct)
    {
        var lesson = await db.Lessons.FirstOrDefaultAsync(x => x.Id == lessonId, ct);
        if (lesson is null || await FindCourseAsync(actor, lesson.CourseId.ToString(), ct) is null) return Outcome<LessonSummaryDto>.NotFound();
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<LessonSummaryDto>.Forbidden();
        var v = new Validation(l);
        var fromModule = lesson.ModuleId;
        await ApplyAsync(v, lesson, input, isNew: false, ct);
        if (!v.IsValid) return Outcome<LessonSummaryDto>.Invalid(v.Errors);
        if (lesson.ModuleId != fromModule || (input.Position is { } p && p != lesson.Position))
        {
            var siblings = await db.Lessons.Where(x => x.ModuleId == lesson.ModuleId && x.Id != lesson.Id).OrderBy(x => x.Position).ToListAsync(ct);
            Reorder(siblings, lesson, input.Position ?? siblings.Count + 1, (x, n) => x.Position = n);
            if (lesson.ModuleId != fromModule)
            {
                var left = await db.Lessons.Where(x => x.ModuleId == fromModule && x.Id != lesson.Id).OrderBy(x => x.Position).ToListAsync(ct);
                for (var i = 0; i < left.Count; i++) left[i].Position = i + 1;
            }
        }
        await TouchAsync(lesson.CourseId, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<LessonSummaryDto>.Ok(ToSummary(lesson, "en"));
    }

    public async Task<Outcome<bool>> DeleteLessonAsync(Actor actor, Guid lessonId, CancellationToken ct)
    {
        var lesson = await db.Lessons.FirstOrDefaultAsync(x => x.Id == lessonId, ct);
        if (lesson is null || await FindCourseAsync(actor, lesson.CourseId.ToString(), ct) is null) return Outcome<bool>.NotFound();
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<bool>.Forbidden();
        db.Lessons.Remove(lesson);
        var left = await db.Lessons.Where(x => x.ModuleId == lesson.ModuleId && x.Id != lesson.Id).OrderBy(x => x.Position).ToListAsync(ct);
        for (var i = 0; i < left.Count; i++) left[i].Position = i + 1;
        await TouchAsync(lesson.CourseId, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>Stores an uploaded file (checked by content and size) as the lesson's file.</summary>
    public async Task<Outcome<LessonFileDto>> AttachFileAsync(Actor actor, Guid lessonId, Stream content, string fileName, CancellationToken ct)
    {
        var lesson = await db.Lessons.FirstOrDefaultAsync(x => x.Id == lessonId, ct);
        if (lesson is null || await FindCourseAsync(actor, lesson.CourseId.ToString(), ct) is null) return Outcome<LessonFileDto>.NotFound();
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<LessonFileDto>.Forbidden();
        var stored = await files.SaveAsync(content, fileName, LessonFiles, actor.UserId, ct);
        if (!stored.IsOk) return Outcome<LessonFileDto>.Invalid(stored.Errors);
        db.Add(stored.Value!);
        lesson.StoredFileId = stored.Value!.Id;
        await TouchAsync(lesson.CourseId, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<LessonFileDto>.Ok(FileDto(lesson.Id, stored.Value!));
    }

    public static LessonFileDto FileDto(Guid lessonId, StoredFile f) =>
        new(f.Id, f.OriginalName, f.ContentType, f.Length, $"/academy/lessons/{lessonId}/file");

    private async Task ApplyAsync(Validation v, Lesson lesson, LessonInput input, bool isNew, CancellationToken ct)
    {
        var kind = input.Kind is null && !isNew ? lesson.Kind : AcademyCodes.Parse<LessonKind>(v, "kind", input.Kind, required: true) ?? LessonKind.Text;
        var title = v.Localized("title", input.Title?.En, input.Title?.Es, input.Title?.Pt, input.Title?.Fr, AcademyLimits.Title, required: true);
        var body = input.Body is null && !isNew ? lesson.Body
            : v.Localized("body", input.Body?.En, input.Body?.Es, input.Body?.Pt, input.Body?.Fr, AcademyLimits.Body, required: kind == LessonKind.Text);
        var moduleId = input.ModuleId ?? (isNew ? null : lesson.ModuleId);
        if (moduleId is null) v.Add("moduleId", "Validation.Required");
        else if (!await db.CourseModules.AnyAsync(m => m.Id == moduleId && m.CourseId == lesson.CourseId, ct)) v.Add("moduleId", "Academy.UnknownModule");
        var video = v.Url("videoUrl", input.VideoUrl, AcademyLimits.Url);
        if (video is not null && VideoEmbed.For(video) is null) v.Add("videoUrl", "Library.VideoHost");
        if (kind == LessonKind.Video && video is null && (isNew || lesson.VideoUrl is null)) v.Add("videoUrl", "Validation.Required");
        var link = v.Url("linkUrl", input.LinkUrl, AcademyLimits.Url);
        if (kind == LessonKind.Link && link is null && (isNew || lesson.LinkUrl is null)) v.Add("linkUrl", "Validation.Required");
        if (kind == LessonKind.Quiz)
        {
            var quiz = input.QuizId ?? (isNew ? null : lesson.QuizId);
            if (quiz is null) v.Add("quizId", "Validation.Required");
            else if (!await db.Quizzes.AnyAsync(z => z.Id == quiz && z.CourseId == lesson.CourseId, ct)) v.Add("quizId", "Academy.UnknownQuiz");
        }
        else if (input.QuizId is not null) v.Add("quizId", "Academy.QuizOnlyForQuizLessons");
        if (input.Minutes is { } minutes && (minutes < 0 || minutes > 10_000)) v.Add("minutes", "Validation.Range", 0, 10_000);
        if (!v.IsValid) return;
        lesson.Kind = kind;
        lesson.Title = title;
        lesson.Body = body;
        lesson.ModuleId = moduleId!.Value;
        if (input.VideoUrl is not null || isNew) lesson.VideoUrl = video;
        if (input.LinkUrl is not null || isNew) lesson.LinkUrl = link;
        lesson.QuizId = kind == LessonKind.Quiz ? input.QuizId ?? lesson.QuizId : null;
        if (input.Required is { } required) lesson.Required = required;
        if (input.Minutes is { } m) lesson.Minutes = m;
    }

    // ---------- shared ----------

    private async Task<string?> SlugAsync(Validation v, string? requested, string fallbackText, string? current, Func<string, Task<bool>> taken)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            var slug = requested.Trim();
            if (slug.Length > AcademyLimits.Slug || !Slugs.IsValid(slug)) { v.Add("slug", "Validation.InvalidSlug"); return null; }
            if (await taken(slug)) { v.Add("slug", "Validation.SlugTaken"); return null; }
            return slug;
        }
        if (current is not null) return current;
        var stem = Slugs.From(fallbackText, AcademyLimits.Slug - 4);
        return stem.Length == 0 ? null : await Slugs.UniqueAsync(stem, taken);
    }

    private async Task TouchAsync(Guid courseId, CancellationToken ct)
    {
        var course = await db.Courses.FirstAsync(c => c.Id == courseId, ct);
        course.UpdatedAt = clock.GetUtcNow();
    }

    private static async Task ShiftAsync<T>(IQueryable<T> after, CancellationToken ct) where T : class
    {
        // Positions are small; moving the tail down by one keeps them dense without a unique index to fight.
        foreach (var row in await after.ToListAsync(ct))
            switch (row)
            {
                case CourseModule m: m.Position++; break;
                case Lesson x: x.Position++; break;
            }
    }

    private static void Reorder<T>(List<T> others, T moved, int position, Action<T, int> set)
    {
        var at = Math.Clamp(position, 1, others.Count + 1) - 1;
        others.Insert(at, moved);
        for (var i = 0; i < others.Count; i++) set(others[i], i + 1);
    }

    public async Task<CourseDto> ToDtoAsync(Course c, string language, CancellationToken ct)
    {
        var modules = await db.CourseModules.AsNoTracking().Where(m => m.CourseId == c.Id).OrderBy(m => m.Position).ToListAsync(ct);
        var lessons = await db.Lessons.AsNoTracking().Where(x => x.CourseId == c.Id).OrderBy(x => x.Position).ToListAsync(ct);
        var prerequisites = await db.CoursePrerequisites.AsNoTracking().Where(p => p.CourseId == c.Id).Select(p => p.RequiredCode).OrderBy(p => p).ToListAsync(ct);
        var latest = await db.Courses.AsNoTracking().Where(x => x.Code == c.Code && x.Status != CourseStatus.Draft).OrderByDescending(x => x.Version)
            .Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
        return new CourseDto(c.Id, c.Code, c.Version, c.PreviousVersionId, latest, c.Slug, c.Title.For(language), c.Summary.For(language),
            Tr(c.Title), Tr(c.Summary), c.Status, c.Hours, c.Title.Languages().ToList(),
            new CompletionRulesDto(c.RequireLessons, c.RequireQuizzes, c.MinimumAttendancePercent, c.RequireEssaysGraded), prerequisites,
            modules.Select(m => new ModuleDto(m.Id, m.Position, m.Title.For(language), Tr(m.Title),
                lessons.Where(x => x.ModuleId == m.Id).Select(x => ToSummary(x, language)).ToList())).ToList(),
            "/academy/courses/" + c.Slug);
    }

    public static CourseListItem ToListItem(Course c, string language) =>
        new(c.Id, c.Code, c.Version, c.Slug, c.Title.For(language), c.Summary.For(language), c.Status, c.Hours, c.Title.Languages().ToList(), "/academy/courses/" + c.Slug);

    public static LessonSummaryDto ToSummary(Lesson x, string language) =>
        new(x.Id, x.ModuleId, x.Position, x.Kind, x.Title.For(language), x.Required, x.Minutes, x.QuizId, "/academy/lessons/" + x.Id);

    public static Translations Tr(LocalizedText t) => new(t.En.Length > 0 ? t.En : null, t.Es, t.Pt, t.Fr);

    private static LocalizedText Clone(LocalizedText t) => new() { En = t.En, Es = t.Es, Pt = t.Pt, Fr = t.Fr };
}
