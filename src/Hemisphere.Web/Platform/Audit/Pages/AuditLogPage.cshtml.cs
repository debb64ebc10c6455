using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Platform.Audit.Pages;

[Authorize]
public sealed class AuditLogPageModel(AuditLog log) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public string? ActionName { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Page<AuditEntry> Result { get; private set; } = new([], 0, 1, 50);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.Actor().IsAdministrator) return Forbid();
        Result = await log.SearchAsync(new AuditQuery(EntityType, EntityId, null, ActionName, null, null), PageRequest.From(PageNumber, 50, 50), ct);
        return Page();
    }
}
