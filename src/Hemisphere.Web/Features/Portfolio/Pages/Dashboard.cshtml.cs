using Hemisphere.Features.Directory;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Portfolio.Pages;

public sealed record BarChart(string Id, string Title, string KeyHeading, IReadOnlyList<DashboardRow> Rows, int Max);

public sealed class DashboardModel(PortfolioService portfolio, DirectoryService directory) : PageModel
{
    public Dashboard Data { get; private set; } = null!;
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var names = (await directory.MemberStatesAsync(null, false, ct)).ToDictionary(s => s.Code, s => s.Name);
        Data = await portfolio.DashboardAsync(User.Actor(), names, ct);
        Timeline = await portfolio.TimelineAsync(ct);
    }
}
