using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Platform.Notifications.Pages;

/// <summary>Marks one of the caller's notifications read and goes where it leads (only ever within this site).</summary>
[Authorize]
public sealed class OpenModel(NotificationService notifications) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var target = await notifications.OpenAsync(User.Actor(), id, ct);
        if (target is null) return NotFound();
        return Url.IsLocalUrl(target) ? LocalRedirect(target) : LocalRedirect("/notifications");
    }
}
