using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Platform.Notifications.Pages;

[Authorize]
public sealed class PreferencesModel(NotificationService notifications, IStringLocalizer<SharedResource> l) : PageModel
{
    public NotificationPreferencesDto Current { get; private set; } = new([]);

    public async Task OnGetAsync(CancellationToken ct) => Current = await notifications.PreferencesAsync(User.Actor(), ct);

    public async Task<IActionResult> OnPostAsync([FromForm] Dictionary<string, string>? delivery, CancellationToken ct)
    {
        var input = new NotificationPreferencesInput((delivery ?? []).Select(kv => new NotificationPreferenceInput(kv.Key, kv.Value)).ToList());
        var outcome = await notifications.SavePreferencesAsync(User.Actor(), input, ct);
        if (!outcome.IsOk)
        {
            foreach (var (field, messages) in outcome.Errors)
                foreach (var m in messages) ModelState.AddModelError(field, m);
            Current = await notifications.PreferencesAsync(User.Actor(), ct);
            Response.StatusCode = 400;
            return Page();
        }
        TempData["Message"] = (string)l["Common.Saved"];
        return RedirectToPage();
    }
}
