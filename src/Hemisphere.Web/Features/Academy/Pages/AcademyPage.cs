using System.Globalization;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Academy.Pages;

/// <summary>What the academy's pages share: the reader's language, and turning a service's refusal into the page's answer.</summary>
public abstract class AcademyPage : PageModel
{
    protected Actor Actor => User.Actor();

    public static string Language => Languages.Normalize(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    /// <summary>
    /// Ok: the message for the next page and <paramref name="then"/>. NotFound/Forbidden: those statuses.
    /// Otherwise the errors go into ModelState (field errors under <paramref name="fieldPrefix"/>) and null is
    /// answered, for the caller to show the page again.
    /// </summary>
    protected IActionResult? Handle<T>(Outcome<T> outcome, string message, Func<T, IActionResult> then, string fieldPrefix = "")
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Message"] = message;
                return then(outcome.Value!);
            case OutcomeKind.NotFound: return NotFound();
            case OutcomeKind.Forbidden: return Forbid();
            default:
                foreach (var (field, messages) in outcome.Errors)
                    foreach (var m in messages) ModelState.AddModelError(fieldPrefix.Length == 0 ? field : fieldPrefix + "." + field, m);
                if (outcome.Detail is not null && outcome.Errors.Count == 0) ModelState.AddModelError("", outcome.Detail);
                return null;
        }
    }
}
