using Hemisphere.Features.Directory;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Portfolio.Pages;

public sealed class ActivitiesModel(PortfolioService portfolio, DirectoryService directory) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Donor { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? ProgrammeId { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Page<ActivityDto> Result { get; private set; } = new([], 0, 1, 25);
    public IReadOnlyList<MemberStateDto> States { get; private set; } = [];
    public bool CanImport { get; private set; }

    public string StateName(string code) => States.FirstOrDefault(s => s.Code == code)?.Name ?? code;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.Actor();
        Result = await portfolio.ListAsync(actor, new ActivityFilter(Q, Country, Donor, null, Year, Status, ProgrammeId, PortfolioPolicy.SeesUnpublished(actor)), PageRequest.From(PageNumber, 25), ct);
        States = await directory.MemberStatesAsync(null, false, ct);
        CanImport = PortfolioPolicy.CanImport(actor);
    }
}
