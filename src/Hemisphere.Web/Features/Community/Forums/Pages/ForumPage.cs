using Hemisphere.Platform.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Community.Forums.Pages;

/// <summary>How the forum pages answer an action: done → message and back; missing → 404; not allowed → 403; refused → the page with the reasons.</summary>
public abstract class ForumPage : PageModel
{
    protected async Task<IActionResult> AnswerAsync<T>(Outcome<T> outcome, string? message, string back, Func<Task> reload)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                if (message is not null) TempData["Message"] = message;
                return Redirect(back);
            case OutcomeKind.NotFound: return NotFound();
            case OutcomeKind.Forbidden: return Forbid();
            default:
                foreach (var (field, messages) in outcome.Errors)
                    foreach (var m in messages) ModelState.AddModelError("", m);
                if (outcome.Detail is not null) ModelState.AddModelError("", outcome.Detail);
                await reload();
                return Page();
        }
    }
}
