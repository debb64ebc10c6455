using System.Globalization;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Community.Events.Pages;

/// <summary>The caller's registrations and the address of their calendar feed, which they may regenerate.</summary>
[Authorize]
public sealed class MineModel(EventsService events, EventsCalendar calendar, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<(EventSummaryDto Event, MyRegistrationDto Registration)> Registrations { get; private set; } = [];
    public CalendarFeedDto? Feed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Registrations = await events.MineAsync(User.Actor(), CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct);
        Feed = await calendar.FeedAddressAsync(User.Actor(), AccountApi.BaseUrl(HttpContext), ct);
    }

    public async Task<IActionResult> OnPostRegenerateAsync(CancellationToken ct)
    {
        await calendar.RegenerateAsync(User.Actor(), AccountApi.BaseUrl(HttpContext), ct);
        TempData["Message"] = (string)l["Events.FeedRegenerated"];
        return Redirect("/events/mine");
    }
}
