using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Directory.Pages;

public sealed class MemberStatesModel(DirectoryService directory, TimeProvider clock) : PageModel
{
    public IReadOnlyList<MemberStateDto> States { get; private set; } = [];
    public DateOnly Date { get; private set; }

    public async Task OnGetAsync(DateOnly? asOf, CancellationToken ct)
    {
        Date = asOf ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        States = await directory.MemberStatesAsync(Date, false, ct);
    }
}
