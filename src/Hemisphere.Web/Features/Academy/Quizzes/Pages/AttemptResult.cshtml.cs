using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Quizzes.Pages;

/// <summary>An attempt's result: the score, and what the quiz's feedback timing allows. The edition's instructors grade essays here.</summary>
[Authorize]
public sealed class AttemptResultModel(QuizAttemptService quizzes, GradebookService gradebook, IStringLocalizer<SharedResource> l) : QuizPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public Guid QuestionId { get; set; }
    [BindProperty] public decimal? Points { get; set; }
    [BindProperty] public string? Comment { get; set; }
    public AttemptDto Attempt { get; private set; } = null!;

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var outcome = await quizzes.GetAsync(User.Actor(), Id, ct);
        if (!outcome.IsOk) return NotFound();
        Attempt = outcome.Value!;
        if (!Attempt.AsInstructor && Attempt.State == AttemptState.InProgress) return Redirect($"/academy/attempts/{Id}");
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostGradeAsync(CancellationToken ct)
    {
        var outcome = await gradebook.GradeQuestionAsync(User.Actor(), Id, QuestionId, new QuestionGradeInput(Points, Comment), ct);
        return await AnswerAsync(outcome, l["Quiz.Graded"], $"/academy/attempts/{Id}/result", async () => await LoadAsync(ct));
    }
}
