using Hemisphere.Platform.Data;
using Hemisphere.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Platform.Identity.Pages.Admin;

public sealed class UsersModel(AccountService accounts, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public InvitationForm Invite { get; set; } = new();

    public Page<UserSummary> Result { get; private set; } = new([], 0, 1, 25);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.Actor().IsAdministrator) return Forbid();
        Result = await accounts.UsersAsync(Q, PageRequest.From(PageNumber, 50), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.Actor().IsAdministrator) return Forbid();
        var outcome = await accounts.InviteAsync(User.Actor(), new InvitationInput(Invite.Email, Invite.DisplayName, Invite.PreferredLanguage, Invite.Role, Invite.CountryCode, Invite.InstitutionId), AccountApi.BaseUrl(HttpContext), ct);
        if (!outcome.IsOk)
        {
            ModelState.AddOutcomeErrors(outcome, "Invite.");
            Result = await accounts.UsersAsync(Q, PageRequest.From(PageNumber, 50), ct);
            return Page();
        }
        TempData["Message"] = (string)l["Users.Invited", outcome.Value!.Email];
        return Redirect("/admin/users/" + outcome.Value.Id);
    }

    public sealed class InvitationForm
    {
        public string? Email { get; set; }
        public string? DisplayName { get; set; }
        public string? Role { get; set; } = "learner";
        public string? CountryCode { get; set; }
        public Guid? InstitutionId { get; set; }
        public string? PreferredLanguage { get; set; } = "es";
    }
}
