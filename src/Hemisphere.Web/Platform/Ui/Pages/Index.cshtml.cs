using Hemisphere.Features.Directory;
using Hemisphere.Platform.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Platform.Ui.Pages;

public sealed class IndexModel(HemisphereDb db, TimeProvider clock) : PageModel
{
    public int ActiveStates { get; private set; }
    public int AllStates { get; private set; }
    public int Institutions { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var states = await db.MemberStates.AsNoTracking().Include(s => s.Events).ToListAsync(ct);
        AllStates = states.Count;
        ActiveStates = states.Count(s => s.StatusOn(today) == MembershipStatus.Active);
        Institutions = await db.Institutions.CountAsync(ct);
    }
}
