using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Quizzes.Pages;

[Authorize]
public sealed class GradebookModel(GradebookService gradebook, IStringLocalizer<SharedResource> l) : QuizPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public Guid EnrolmentId { get; set; }
    [BindProperty] public decimal? Grade { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public GradebookDto Book { get; private set; } = null!;

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var outcome = await gradebook.GradebookAsync(User.Actor(), Id, ct);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (!outcome.IsOk) return Forbid();
        Book = outcome.Value!;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostOverrideAsync(CancellationToken ct)
    {
        var outcome = await gradebook.OverrideGradeAsync(User.Actor(), Id, EnrolmentId, new GradeOverrideInput(Grade, Reason), ct);
        return await AnswerAsync(outcome, l["Quiz.GradeOverridden"], $"/academy/editions/{Id}/gradebook", async () => await LoadAsync(ct));
    }
}
