using Hemisphere.Features.Directory;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Interventions.Pages;

public sealed class InterventionsModel(InterventionsService catalogue, DirectoryService directory) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Population { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rating { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Page<InterventionListItem> Result { get; private set; } = new([], 0, 1, 25);
    public IReadOnlyList<MemberStateDto> States { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public string StateName(string code) => States.FirstOrDefault(s => s.Code == code)?.Name ?? code;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.Actor();
        var outcome = await catalogue.ListAsync(actor, new InterventionFilter(Q, Area, Population, Rating, Country, null, InterventionsPolicy.SeesDrafts(actor)), PageRequest.From(PageNumber, 25), ct);
        if (outcome.IsOk) Result = outcome.Value!;
        else ModelState.AddOutcomeErrors(outcome, null);
        States = await directory.MemberStatesAsync(null, false, ct);
        CanCreate = InterventionsPolicy.CanCreate(actor);
    }
}
