using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Quizzes.Pages;

/// <summary>A course's question bank for its authors: categories and their questions.</summary>
[Authorize]
public sealed class QuestionBankModel(QuizBankService bank, IStringLocalizer<SharedResource> l) : QuizPage
{
    [BindProperty(SupportsGet = true)] public Guid CourseId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public Guid QuestionId { get; set; }
    public IReadOnlyList<CategoryDto> Categories { get; private set; } = [];
    public IReadOnlyList<QuestionDto> Questions { get; private set; } = [];
    public IReadOnlyList<QuizDto> Quizzes { get; private set; } = [];
    [BindProperty] public QuizForm NewQuiz { get; set; } = new();

    /// <summary>A new quiz: its title, limits, and how many questions to draw from each category (by category id).</summary>
    public sealed class QuizForm
    {
        public string? TitleEn { get; set; }
        public string? TitleEs { get; set; }
        public int? TimeLimitMinutes { get; set; }
        public int? MaxAttempts { get; set; }
        public decimal? PassingPercent { get; set; } = 70;
        public string Feedback { get; set; } = "afterSubmission";
        public Dictionary<Guid, int?> Draws { get; set; } = [];
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var categories = await bank.CategoriesAsync(User.Actor(), CourseId, ct);
        if (categories.Kind == OutcomeKind.NotFound) return NotFound();
        if (!categories.IsOk) return Forbid();
        Categories = categories.Value!;
        Questions = (await bank.QuestionsAsync(User.Actor(), CourseId, null, includeRetired: true, ct)).Value ?? [];
        Quizzes = (await bank.QuizzesAsync(User.Actor(), CourseId, ct)).Value ?? [];
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostCategoryAsync(CancellationToken ct) =>
        await AnswerAsync(await bank.CreateCategoryAsync(User.Actor(), CourseId, new CategoryInput(Name), ct), l["Common.Saved"], Back, async () => await LoadAsync(ct));

    public async Task<IActionResult> OnPostRetireAsync(CancellationToken ct) =>
        await AnswerAsync(await bank.RetireQuestionAsync(User.Actor(), QuestionId, true, ct), l["Common.Saved"], Back, async () => await LoadAsync(ct));

    public async Task<IActionResult> OnPostRestoreAsync(CancellationToken ct) =>
        await AnswerAsync(await bank.RetireQuestionAsync(User.Actor(), QuestionId, false, ct), l["Common.Saved"], Back, async () => await LoadAsync(ct));

    public async Task<IActionResult> OnPostQuizAsync(CancellationToken ct)
    {
        var input = new QuizInput(new Portfolio.Translations(NewQuiz.TitleEn, NewQuiz.TitleEs, null, null), null, NewQuiz.TimeLimitMinutes, NewQuiz.MaxAttempts,
            NewQuiz.PassingPercent, true, true, NewQuiz.Feedback,
            NewQuiz.Draws.Where(d => d.Value is > 0).Select(d => new DrawInput(d.Key, d.Value)).ToList());
        return await AnswerAsync(await bank.CreateQuizAsync(User.Actor(), CourseId, input, ct), l["Common.Saved"], Back, async () => await LoadAsync(ct));
    }

    private string Back => $"/academy/courses/{CourseId}/question-bank";
}
