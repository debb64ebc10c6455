using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hemisphere.Features.Academy.Quizzes.Pages;

[Authorize]
public sealed class QuizStartModel(QuizAttemptService quizzes) : QuizPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public QuizOverviewDto Quiz { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await quizzes.OverviewAsync(User.Actor(), Id, ct);
        if (!outcome.IsOk) return NotFound();
        Quiz = outcome.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await quizzes.StartAsync(User.Actor(), Id, ct);
        if (outcome.IsOk) return Redirect($"/academy/attempts/{outcome.Value.Attempt.Id}");
        return await AnswerAsync(outcome, null, "", async () => await OnGetAsync(ct));
    }
}
