using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Platform.Notifications.Pages;

[Authorize]
public sealed class IndexModel(NotificationService notifications, IStringLocalizer<SharedResource> l) : PageModel
{
    public NotificationPageDto Notifications { get; private set; } = new([], 0, 1, 25, 0, 0);
    public Pager Pager { get; private set; } = new(1, 0, "/notifications", new QueryCollection());

    public async Task OnGetAsync(int? page, CancellationToken ct)
    {
        Notifications = await notifications.ListAsync(User.Actor(), false, PageRequest.From(page, 25), ct);
        Pager = new Pager(Notifications.PageNumber, Notifications.PageCount, Request.Path, Request.Query);
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await notifications.MarkAllReadAsync(User.Actor(), ct);
        TempData["Message"] = (string)l["Notifications.AllMarkedRead"];
        return RedirectToPage();
    }
}
