using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Community.Events.Pages;

/// <summary>The organisers' attendance sheet: present, absent or excused for each registered participant.</summary>
[Authorize]
public sealed class AttendanceModel(EventsService events, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Slug { get; set; } = "";
    [BindProperty] public Dictionary<Guid, string> Marks { get; set; } = [];

    public EventDto Event { get; private set; } = null!;
    public IReadOnlyList<RegistrationDto> Participants { get; private set; } = [];
    public IReadOnlyList<RegistrationDto> Waiting { get; private set; } = [];
    public bool Open { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        foreach (var (userId, mark) in Marks)
        {
            var current = Participants.FirstOrDefault(p => p.UserId == userId);
            if (current is null || (current.Attendance ?? "none") == mark) continue;
            var outcome = await events.MarkAttendanceAsync(User.Actor(), Event.Id, new AttendanceInput(userId, mark), ct);
            if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
            if (!outcome.IsOk)
            {
                ModelState.AddModelError("", outcome.Detail ?? string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
                return Page();
            }
        }
        TempData["Message"] = (string)l["Common.Saved"];
        return Redirect($"/events/{Event.Slug}/attendance");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var actor = User.Actor();
        if (await events.GetAsync(actor, Slug, null, ct) is not { } e) return NotFound();
        Event = e;
        var list = await events.RegistrationsAsync(actor, e.Id, ct);
        if (list.Kind == OutcomeKind.Forbidden) return Forbid();
        if (!list.IsOk) return NotFound();
        Participants = list.Value!.Where(r => r.Status == "registered").ToList();
        Waiting = list.Value!.Where(r => r.Status == "waitlisted").ToList();
        Open = e.Status != "draft" && clock.GetUtcNow() >= e.StartsAt;
        return null;
    }
}
