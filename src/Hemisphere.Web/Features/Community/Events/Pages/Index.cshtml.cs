using System.Globalization;
using Hemisphere.Features.Directory;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Community.Events.Pages;

/// <summary>Upcoming events (filtered by kind and country) and past events with their materials.</summary>
public sealed class IndexModel(EventsService events, DirectoryService directory) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Page<EventSummaryDto> Upcoming { get; private set; } = new([], 0, 1, 20);
    public IReadOnlyList<EventDto> Past { get; private set; } = [];
    public IReadOnlyList<MemberStateDto> States { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public string StateName(string? code) => code is null ? "" : States.FirstOrDefault(s => s.Code == code)?.Name ?? code;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.Actor();
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        CanCreate = EventsPolicy.CanCreate(actor);
        Upcoming = await events.ListAsync(actor, new EventFilter(Kind, Country, false, CanCreate), language, PageRequest.From(PageNumber, 20), ct);
        var past = await events.ListAsync(actor, new EventFilter(Kind, Country, true, false), language, PageRequest.From(1, 10), ct);
        var full = new List<EventDto>();
        foreach (var p in past.Items)
            if (await events.GetAsync(actor, p.Slug, language, ct) is { } e) full.Add(e);
        Past = full;
        States = await directory.MemberStatesAsync(null, false, ct);
    }
}
