using Hemisphere.Platform.Api;
using Hemisphere.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Platform.Identity.Pages.Admin;

public sealed class UserDetailModel(AccountService accounts) : PageModel
{
    public UserSummary Account { get; private set; } = null!;

    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? CountryCode { get; set; }
    [BindProperty] public Guid? InstitutionId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostGrantAsync(Guid id, CancellationToken ct)
    {
        var outcome = await accounts.GrantRoleAsync(User.Actor(), id, new RoleInput(Role, CountryCode, InstitutionId), ct);
        if (outcome.Kind == OutcomeKind.Invalid) ModelState.AddOutcomeErrors(outcome);
        else if (!outcome.IsOk) return outcome.Kind == OutcomeKind.NotFound ? NotFound() : Forbid();
        else return RedirectToPage(new { id });
        return await LoadAsync(id, ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid assignmentId, CancellationToken ct)
    {
        var outcome = await accounts.RevokeRoleAsync(User.Actor(), id, assignmentId, ct);
        if (outcome.Kind == OutcomeKind.Conflict) TempData["Message"] = outcome.Detail;
        else if (!outcome.IsOk) return outcome.Kind == OutcomeKind.NotFound ? NotFound() : Forbid();
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!User.Actor().IsAdministrator) return Forbid();
        var account = await accounts.SummaryAsync(id, ct);
        if (account is null) return NotFound();
        Account = account;
        return Page();
    }
}
