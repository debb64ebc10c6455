using System.ComponentModel.DataAnnotations;
using Hemisphere.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Platform.Identity.Pages;

/// <summary>Sets a password from a reset link, or from an invitation (which also confirms the address).</summary>
public sealed class ResetPasswordModel(AccountService accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty, Required(ErrorMessage = "Validation.Required")]
    public string Password { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Validation.Required"), Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
    public string ConfirmPassword { get; set; } = "";

    public bool Invitation { get; set; }
    public bool Done { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var isInvitation = Request.Path.StartsWithSegments("/account/accept-invitation", StringComparison.OrdinalIgnoreCase);
        var outcome = await accounts.ResetPasswordAsync(UserId, Code, Password, confirmEmail: isInvitation);
        if (!outcome.IsOk)
        {
            ModelState.AddOutcomeErrors(outcome);
            return Page();
        }
        Done = true;
        return Page();
    }
}
