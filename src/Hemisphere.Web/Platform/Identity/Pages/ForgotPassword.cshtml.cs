using System.ComponentModel.DataAnnotations;
using Hemisphere.Platform.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Hemisphere.Platform.Identity.Pages;

[EnableRateLimiting(ApiSetup.SignInPolicy)]
public sealed class ForgotPasswordModel(AccountService accounts) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.InvalidEmail")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        await accounts.QueuePasswordResetAsync(Email, AccountApi.BaseUrl(HttpContext), ct);
        Sent = true;
        return Page();
    }
}
