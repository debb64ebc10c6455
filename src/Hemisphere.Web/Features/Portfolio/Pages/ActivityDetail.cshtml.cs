using Hemisphere.Features.Directory;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Portfolio.Pages;

public sealed class ActivityDetailModel(PortfolioService portfolio, DirectoryService directory) : PageModel
{
    public ActivityDto Activity { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    private IReadOnlyList<MemberStateDto> _states = [];

    public string StateName(string code) => _states.FirstOrDefault(s => s.Code == code)?.Name ?? code;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var activity = await portfolio.GetAsync(User.Actor(), id, ct);
        if (activity is null) return NotFound();
        Activity = activity;
        CanEdit = PortfolioPolicy.CanEdit(User.Actor(), activity.Countries);
        _states = await directory.MemberStatesAsync(null, false, ct);
        return Page();
    }
}
