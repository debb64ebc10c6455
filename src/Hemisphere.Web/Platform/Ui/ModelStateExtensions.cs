using Hemisphere.Platform.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Platform.Ui;

public static class ModelStateExtensions
{
    /// <summary>
    /// Puts a service's field errors on the form. API field names (camelCase) map to the page's
    /// properties by prefix; with a null prefix they go to the summary, named ("name.es: …").
    /// </summary>
    public static void AddOutcomeErrors<T>(this ModelStateDictionary state, Outcome<T> outcome, string? prefix = "")
    {
        foreach (var (field, messages) in outcome.Errors)
        {
            foreach (var m in messages)
            {
                if (prefix is null) state.AddModelError("", field.Length == 0 ? m : $"{field}: {m}");
                else state.AddModelError(field.Length == 0 ? "" : prefix + char.ToUpperInvariant(field[0]) + field[1..], m);
            }
        }
    }

    /// <summary>
    /// How an edit form answers a save: saved → message and redirect to the record; missing → 404;
    /// not allowed → 403; invalid → the form again with its errors.
    /// </summary>
    public static async Task<IActionResult> SaveResultAsync<T>(
        this PageModel page, Outcome<T> outcome, string savedMessage, Func<T, string> location, string? errorPrefix, Func<Task> reloadForm)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                page.TempData["Message"] = savedMessage;
                return new RedirectResult(location(outcome.Value!));
            case OutcomeKind.NotFound:
                return new NotFoundResult();
            case OutcomeKind.Forbidden:
                return new ForbidResult();
            default:
                page.ModelState.AddOutcomeErrors(outcome, errorPrefix);
                await reloadForm();
                return page.Page();
        }
    }
}
