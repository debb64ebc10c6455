using Hemisphere.Features.Directory;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Portfolio.Pages;

/// <summary>
/// A member state's programme sheet: its published activities, block by block, as the DPS prints
/// them, newest first, twenty to a page (light on a phone); ?all=true gives the whole sheet to print.
/// </summary>
public sealed class CountrySheetModel(PortfolioService portfolio, DirectoryService directory) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    public MemberStateDto State { get; private set; } = null!;
    public Page<ActivityDto> Activities { get; private set; } = new([], 0, 1, PageSize);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var state = await directory.MemberStateAsync(code, null, ct);
        if (state is null) return NotFound();
        State = state;
        var filter = new ActivityFilter(null, state.Code, null, null, null, null, null, false);
        Activities = All
            ? await portfolio.ListAsync(User.Actor(), filter, new PageRequest(1, int.MaxValue / 2), ct)
            : await portfolio.ListAsync(User.Actor(), filter, PageRequest.From(PageNumber, PageSize), ct);
        return Page();
    }
}
