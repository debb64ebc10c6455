using System.Text.Json;
using Hemisphere.Features.Portfolio;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Quizzes;

/// <summary>Authoring: a course's question bank (categories, questions, retiring) and its quizzes with their draws. Staff only (<see cref="AcademyPolicy.CanAuthor"/>).</summary>
public sealed class QuizBankService(HemisphereDb db, IStringLocalizer<SharedResource> l)
{
    public const int MaxPoints = 1000;
    public const int MaxDraws = 50;
    public const int MaxQuestionsPerDraw = 200;

    // ---------- Categories ----------

    public async Task<Outcome<IReadOnlyList<CategoryDto>>> CategoriesAsync(Actor actor, Guid courseId, CancellationToken ct)
    {
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<IReadOnlyList<CategoryDto>>.Forbidden();
        if (!await db.Courses.AnyAsync(c => c.Id == courseId, ct)) return Outcome<IReadOnlyList<CategoryDto>>.NotFound();
        var counts = await db.Questions.Where(q => q.CourseId == courseId && !q.Retired).GroupBy(q => q.CategoryId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var list = (await db.QuestionCategories.AsNoTracking().Where(c => c.CourseId == courseId).ToListAsync(ct))
            .OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(c => new CategoryDto(c.Id, c.CourseId, c.Name, counts.GetValueOrDefault(c.Id))).ToList();
        return Outcome<IReadOnlyList<CategoryDto>>.Ok(list);
    }

    public async Task<Outcome<CategoryDto>> CreateCategoryAsync(Actor actor, Guid courseId, CategoryInput input, CancellationToken ct)
    {
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<CategoryDto>.Forbidden();
        if (!await db.Courses.AnyAsync(c => c.Id == courseId, ct)) return Outcome<CategoryDto>.NotFound();
        var v = new Validation(l);
        var name = v.Text("name", input.Name, AcademyLimits.Name, required: true);
        if (!v.IsValid) return Outcome<CategoryDto>.Invalid(v.Errors);
        var category = new QuestionCategory { CourseId = courseId, Name = name! };
        db.Add(category);
        return await SaveCategoryAsync(category, ct);
    }

    public async Task<Outcome<CategoryDto>> RenameCategoryAsync(Actor actor, Guid id, CategoryInput input, CancellationToken ct)
    {
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<CategoryDto>.Forbidden();
        var category = await db.QuestionCategories.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (category is null) return Outcome<CategoryDto>.NotFound();
        var v = new Validation(l);
        var name = v.Text("name", input.Name, AcademyLimits.Name, required: true);
        if (!v.IsValid) return Outcome<CategoryDto>.Invalid(v.Errors);
        category.Name = name!;
        return await SaveCategoryAsync(category, ct);
    }

    private async Task<Outcome<CategoryDto>> SaveCategoryAsync(QuestionCategory category, CancellationToken ct)
    {
        if (await db.QuestionCategories.AnyAsync(c => c.CourseId == category.CourseId && c.Name == category.Name && c.Id != category.Id, ct))
        {
            db.ChangeTracker.Clear();
            return Outcome<CategoryDto>.Invalid("name", l["Quiz.DuplicateCategory"]);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome<CategoryDto>.Invalid("name", l["Quiz.DuplicateCategory"]);
        }
        var count = await db.Questions.CountAsync(q => q.CategoryId == category.Id && !q.Retired, ct);
        return Outcome<CategoryDto>.Ok(new CategoryDto(category.Id, category.CourseId, category.Name, count));
    }

    /// <summary>Deletes an empty category that no quiz draws from.</summary>
    public async Task<Outcome<bool>> DeleteCategoryAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<bool>.Forbidden();
        var category = await db.QuestionCategories.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (category is null) return Outcome<bool>.NotFound();
        if (await db.Questions.AnyAsync(q => q.CategoryId == id, ct) || await db.QuizDraws.AnyAsync(d => d.CategoryId == id, ct))
            return Outcome<bool>.Conflict(l["Quiz.CategoryInUse"]);
        db.QuestionCategories.Remove(category);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    // ---------- Questions ----------

    public async Task<Outcome<IReadOnlyList<QuestionDto>>> QuestionsAsync(Actor actor, Guid courseId, Guid? categoryId, bool includeRetired, CancellationToken ct)
    {
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<IReadOnlyList<QuestionDto>>.Forbidden();
        if (!await db.Courses.AnyAsync(c => c.Id == courseId, ct)) return Outcome<IReadOnlyList<QuestionDto>>.NotFound();
        var q = db.Questions.AsNoTracking().Where(x => x.CourseId == courseId);
        if (categoryId is { } c) q = q.Where(x => x.CategoryId == c);
        if (!includeRetired) q = q.Where(x => !x.Retired);
        var list = (await q.ToListAsync(ct)).OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).Select(ToDto).ToList();
        return Outcome<IReadOnlyList<QuestionDto>>.Ok(list);
    }

    public async Task<Outcome<QuestionDto>> QuestionAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<QuestionDto>.Forbidden();
        var question = await db.Questions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return question is null ? Outcome<QuestionDto>.NotFound() : Outcome<QuestionDto>.Ok(ToDto(question));
    }

    public async Task<Outcome<QuestionDto>> CreateQuestionAsync(Actor actor, Guid courseId, QuestionInput input, CancellationToken ct)
    {
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<QuestionDto>.Forbidden();
        if (!await db.Courses.AnyAsync(c => c.Id == courseId, ct)) return Outcome<QuestionDto>.NotFound();
        var question = new Question { CourseId = courseId };
        var v = await ApplyAsync(question, input, ct);
        if (!v.IsValid) return Outcome<QuestionDto>.Invalid(v.Errors);
        db.Add(question);
        await db.SaveChangesAsync(ct);
        return Outcome<QuestionDto>.Ok(ToDto(question));
    }

    /// <summary>Replaces a question. Attempts already started keep the copy in their paper.</summary>
    public async Task<Outcome<QuestionDto>> UpdateQuestionAsync(Actor actor, Guid id, QuestionInput input, CancellationToken ct)
    {
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<QuestionDto>.Forbidden();
        var question = await db.Questions.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (question is null) return Outcome<QuestionDto>.NotFound();
        var v = await ApplyAsync(question, input, ct);
        if (!v.IsValid)
        {
            db.ChangeTracker.Clear();
            return Outcome<QuestionDto>.Invalid(v.Errors);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<QuestionDto>.Ok(ToDto(question));
    }

    /// <summary>Retires (or restores) a question: retired questions are no longer drawn.</summary>
    public async Task<Outcome<QuestionDto>> RetireQuestionAsync(Actor actor, Guid id, bool retired, CancellationToken ct)
    {
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<QuestionDto>.Forbidden();
        var question = await db.Questions.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (question is null) return Outcome<QuestionDto>.NotFound();
        question.Retired = retired;
        await db.SaveChangesAsync(ct);
        return Outcome<QuestionDto>.Ok(ToDto(question));
    }

    private async Task<Validation> ApplyAsync(Question question, QuestionInput input, CancellationToken ct)
    {
        var v = new Validation(l);
        if (input.CategoryId is not { } categoryId) v.Add("categoryId", "Validation.Required");
        else if (!await db.QuestionCategories.AnyAsync(c => c.Id == categoryId && c.CourseId == question.CourseId, ct)) v.Add("categoryId", "Quiz.UnknownCategory");
        QuestionKind kind = default;
        if (string.IsNullOrWhiteSpace(input.Kind)) v.Add("kind", "Validation.Required");
        else if (!Enum.TryParse(input.Kind.Trim(), ignoreCase: true, out kind) || !Enum.IsDefined(kind) || int.TryParse(input.Kind, out _)) v.Add("kind", "Validation.InvalidValue");
        var prompt = v.Localized("prompt", input.Prompt?.En, input.Prompt?.Es, input.Prompt?.Pt, input.Prompt?.Fr, AcademyLimits.Summary, required: true);
        var feedback = v.Localized("feedback", input.Feedback?.En, input.Feedback?.Es, input.Feedback?.Pt, input.Feedback?.Fr, AcademyLimits.Summary);
        var points = input.Points ?? 1;
        if (points <= 0 || points > MaxPoints || decimal.Round(points, 2) != points) v.Add("points", "Quiz.PointsRange", MaxPoints);
        if (v.Errors.ContainsKey("kind")) return v;
        var json = input.Definition is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } d ? d.GetRawText() : null;
        if (json is not null && input.Definition!.Value.ValueKind != JsonValueKind.Object) v.Add("definition", QuizMessages.Malformed);
        else
        {
            var (definition, errors) = QuizEngine.ReadDefinition(kind, json);
            foreach (var e in errors) v.Add(e.Field, e.Key, e.Args);
            if (definition is not null) question.Definition = QuizEngine.Serialize(definition);
        }
        question.CategoryId = input.CategoryId ?? Guid.Empty;
        question.Kind = kind;
        question.Prompt = prompt;
        question.Feedback = feedback;
        question.Points = points;
        return v;
    }

    public static QuestionDto ToDto(Question q)
    {
        using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(q.Definition) ? "{}" : q.Definition);
        return new QuestionDto(q.Id, q.CourseId, q.CategoryId, q.Kind, T(q.Prompt), q.Points, doc.RootElement.Clone(), T(q.Feedback), q.Retired, q.CreatedAt);
    }

    internal static Translations T(LocalizedText t) => new(t.En, t.Es, t.Pt, t.Fr);

    // ---------- Quizzes ----------

    public async Task<Outcome<IReadOnlyList<QuizDto>>> QuizzesAsync(Actor actor, Guid courseId, CancellationToken ct)
    {
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<IReadOnlyList<QuizDto>>.Forbidden();
        if (!await db.Courses.AnyAsync(c => c.Id == courseId, ct)) return Outcome<IReadOnlyList<QuizDto>>.NotFound();
        var quizzes = await db.Quizzes.AsNoTracking().Where(q => q.CourseId == courseId).ToListAsync(ct);
        var result = new List<QuizDto>();
        foreach (var quiz in quizzes.OrderBy(q => q.CreatedAt)) result.Add(await ToDtoAsync(quiz, ct));
        return Outcome<IReadOnlyList<QuizDto>>.Ok(result);
    }

    public async Task<Outcome<QuizDto>> QuizAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<QuizDto>.Forbidden();
        var quiz = await db.Quizzes.AsNoTracking().FirstOrDefaultAsync(q => q.Id == id, ct);
        return quiz is null ? Outcome<QuizDto>.NotFound() : Outcome<QuizDto>.Ok(await ToDtoAsync(quiz, ct));
    }

    public async Task<Outcome<QuizDto>> CreateQuizAsync(Actor actor, Guid courseId, QuizInput input, CancellationToken ct)
    {
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<QuizDto>.Forbidden();
        if (!await db.Courses.AnyAsync(c => c.Id == courseId, ct)) return Outcome<QuizDto>.NotFound();
        var quiz = new Quiz { CourseId = courseId };
        var (v, draws) = await ApplyAsync(quiz, input, ct);
        if (!v.IsValid) return Outcome<QuizDto>.Invalid(v.Errors);
        db.Add(quiz);
        foreach (var d in draws) db.Add(new QuizDraw { QuizId = quiz.Id, CategoryId = d.CategoryId, Count = d.Count });
        await db.SaveChangesAsync(ct);
        return Outcome<QuizDto>.Ok(await ToDtoAsync(quiz, ct));
    }

    /// <summary>Replaces a quiz and its draws. Attempts already started keep their paper.</summary>
    public async Task<Outcome<QuizDto>> UpdateQuizAsync(Actor actor, Guid id, QuizInput input, CancellationToken ct)
    {
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<QuizDto>.Forbidden();
        var quiz = await db.Quizzes.FirstOrDefaultAsync(q => q.Id == id, ct);
        if (quiz is null) return Outcome<QuizDto>.NotFound();
        var (v, draws) = await ApplyAsync(quiz, input, ct);
        if (!v.IsValid)
        {
            db.ChangeTracker.Clear();
            return Outcome<QuizDto>.Invalid(v.Errors);
        }
        foreach (var d in draws) db.Add(new QuizDraw { QuizId = quiz.Id, CategoryId = d.CategoryId, Count = d.Count });
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(token);
            await db.QuizDraws.Where(d => d.QuizId == id).ExecuteDeleteAsync(token);
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, token);
            await tx.CommitAsync(token);
        }, ct);
        db.ChangeTracker.AcceptAllChanges();
        return Outcome<QuizDto>.Ok(await ToDtoAsync(quiz, ct));
    }

    /// <summary>Deletes a quiz nobody has attempted and no lesson uses.</summary>
    public async Task<Outcome<bool>> DeleteQuizAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (!AcademyPolicy.CanAuthor(actor)) return Outcome<bool>.Forbidden();
        var quiz = await db.Quizzes.FirstOrDefaultAsync(q => q.Id == id, ct);
        if (quiz is null) return Outcome<bool>.NotFound();
        if (await db.QuizAttempts.AnyAsync(a => a.QuizId == id, ct) || await db.Lessons.AnyAsync(x => x.QuizId == id, ct))
            return Outcome<bool>.Conflict(l["Quiz.QuizInUse"]);
        db.Quizzes.Remove(quiz);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    private async Task<(Validation, List<(Guid CategoryId, int Count)>)> ApplyAsync(Quiz quiz, QuizInput input, CancellationToken ct)
    {
        var v = new Validation(l);
        var title = v.Localized("title", input.Title?.En, input.Title?.Es, input.Title?.Pt, input.Title?.Fr, AcademyLimits.Title, required: true);
        var instructions = v.Localized("instructions", input.Instructions?.En, input.Instructions?.Es, input.Instructions?.Pt, input.Instructions?.Fr, AcademyLimits.Summary);
        if (input.TimeLimitMinutes is < 1 or > 1440) v.Add("timeLimitMinutes", "Quiz.RangeError", 1, 1440);
        if (input.MaxAttempts is < 1 or > 100) v.Add("maxAttempts", "Quiz.RangeError", 1, 100);
        var passing = input.PassingPercent ?? 70;
        if (passing is < 0 or > 100) v.Add("passingPercent", "Quiz.RangeError", 0, 100);
        var feedback = FeedbackTiming.AfterSubmission;
        if (!string.IsNullOrWhiteSpace(input.Feedback) && (!Enum.TryParse(input.Feedback.Trim(), true, out feedback) || !Enum.IsDefined(feedback) || int.TryParse(input.Feedback, out _)))
            v.Add("feedback", "Validation.InvalidValue");

        var draws = new List<(Guid CategoryId, int Count)>();
        var given = input.Draws ?? [];
        if (given.Count == 0) v.Add("draws", "Validation.Required");
        if (given.Count > MaxDraws) v.Add("draws", "Validation.TooMany", MaxDraws);
        var categoryIds = given.Where(d => d?.CategoryId is not null).Select(d => d.CategoryId!.Value).Distinct().ToList();
        var categories = await db.QuestionCategories.AsNoTracking().Where(c => categoryIds.Contains(c.Id) && c.CourseId == quiz.CourseId).Select(c => c.Id).ToListAsync(ct);
        var available = (await db.Questions.AsNoTracking().Where(q => categoryIds.Contains(q.CategoryId) && !q.Retired).Select(q => new { q.CategoryId, q.Id }).ToListAsync(ct))
            .GroupBy(x => x.CategoryId).ToDictionary(g => g.Key, g => g.Select(x => x.Id).ToList());
        for (var i = 0; i < given.Count; i++)
        {
            var d = given[i];
            if (d?.CategoryId is not { } c) { v.Add($"draws[{i}].categoryId", "Validation.Required"); continue; }
            if (!categories.Contains(c)) { v.Add($"draws[{i}].categoryId", "Quiz.UnknownCategory"); continue; }
            if (draws.Any(x => x.CategoryId == c)) { v.Add($"draws[{i}].categoryId", QuizMessages.DuplicateDraw); continue; }
            if (d.Count is not { } n || n < 1 || n > MaxQuestionsPerDraw) { v.Add($"draws[{i}].count", "Quiz.RangeError", 1, MaxQuestionsPerDraw); continue; }
            draws.Add((c, n));
        }
        if (v.IsValid)
        {
            // A quiz may never ask a category for more questions than it holds.
            var (_, errors) = QuizEngine.Draw(draws, available, 0);
            foreach (var e in errors) v.Add(e.Field, e.Key, e.Args);
        }
        quiz.Title = title;
        quiz.Instructions = instructions;
        quiz.TimeLimitMinutes = input.TimeLimitMinutes;
        quiz.MaxAttempts = input.MaxAttempts;
        quiz.PassingPercent = passing;
        quiz.ShuffleQuestions = input.ShuffleQuestions ?? true;
        quiz.ShuffleChoices = input.ShuffleChoices ?? true;
        quiz.Feedback = feedback;
        return (v, draws);
    }

    private async Task<QuizDto> ToDtoAsync(Quiz quiz, CancellationToken ct)
    {
        var draws = await db.QuizDraws.AsNoTracking().Where(d => d.QuizId == quiz.Id)
            .Join(db.QuestionCategories, d => d.CategoryId, c => c.Id, (d, c) => new { d.CategoryId, c.Name, d.Count }).ToListAsync(ct);
        var ids = draws.Select(d => d.CategoryId).ToList();
        var available = await db.Questions.Where(q => ids.Contains(q.CategoryId) && !q.Retired).GroupBy(q => q.CategoryId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var drawDtos = draws.OrderBy(d => d.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(d => new DrawDto(d.CategoryId, d.Name, d.Count, available.GetValueOrDefault(d.CategoryId))).ToList();
        return new QuizDto(quiz.Id, quiz.CourseId, T(quiz.Title), T(quiz.Instructions), quiz.TimeLimitMinutes, quiz.MaxAttempts, quiz.PassingPercent,
            quiz.ShuffleQuestions, quiz.ShuffleChoices, quiz.Feedback, drawDtos, drawDtos.Sum(d => d.Count));
    }
}
