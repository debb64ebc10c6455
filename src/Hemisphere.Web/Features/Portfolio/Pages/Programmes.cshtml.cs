using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Portfolio.Pages;

public sealed class ProgrammesModel(PortfolioService portfolio) : PageModel
{
    public IReadOnlyList<ProgrammeDto> Programmes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Programmes = await portfolio.ProgrammesAsync(User.Actor(), ct);
}
