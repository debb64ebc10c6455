using Hemisphere.Features.Directory;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Portfolio.Pages;

/// <summary>A member state's programme sheet: its published activities, block by block, as the DPS prints them.</summary>
public sealed class CountrySheetModel(PortfolioService portfolio, DirectoryService directory) : PageModel
{
    public MemberStateDto State { get; private set; } = null!;
    public IReadOnlyList<ActivityDto> Activities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var state = await directory.MemberStateAsync(code, null, ct);
        if (state is null) return NotFound();
        State = state;
        var list = await portfolio.FilteredAsync(User.Actor(), new ActivityFilter(null, state.Code, null, null, null, null, null, false), ct);
        Activities = list.OrderByDescending(a => a.StartDate ?? DateOnly.MinValue).Select(a => portfolio.ToDto(a, false)).ToList();
        return Page();
    }
}
