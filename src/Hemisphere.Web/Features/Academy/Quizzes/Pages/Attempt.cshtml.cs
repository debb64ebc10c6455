using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Quizzes.Pages;

/// <summary>
/// Taking an attempt: one form with every question. Without JavaScript the buttons post the answers (save, or submit); with
/// quiz.js the answers are autosaved to the API and a countdown runs to the server's deadline.
/// </summary>
[Authorize]
public sealed class AttemptModel(QuizAttemptService quizzes, IStringLocalizer<SharedResource> l) : QuizPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public AttemptDto Attempt { get; private set; } = null!;

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var outcome = await quizzes.GetAsync(User.Actor(), Id, ct);
        if (!outcome.IsOk) return NotFound();
        Attempt = outcome.Value!;
        if (Attempt.AsInstructor || Attempt.State != AttemptState.InProgress) return Redirect($"/academy/attempts/{Id}/result");
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } away) return away;
        var outcome = await quizzes.SaveAsync(User.Actor(), Id, new AnswersInput(QuizForm.Read(Request.Form, Attempt.Questions)), ct);
        if (outcome.Kind == OutcomeKind.Conflict) return Late(outcome.Detail);
        return await AnswerAsync(outcome, l["Quiz.AnswersSaved"], $"/academy/attempts/{Id}", () => Task.CompletedTask);
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } away) return away;
        var outcome = await quizzes.SubmitAsync(User.Actor(), Id, new SubmitInput(QuizForm.Read(Request.Form, Attempt.Questions)), ct);
        if (outcome.Kind == OutcomeKind.Conflict) return Late(outcome.Detail);
        return await AnswerAsync(outcome, l["Quiz.Submitted"], $"/academy/attempts/{Id}/result", () => Task.CompletedTask);
    }

    private RedirectResult Late(string? detail)
    {
        TempData["Message"] = detail;
        return Redirect($"/academy/attempts/{Id}/result");
    }
}
