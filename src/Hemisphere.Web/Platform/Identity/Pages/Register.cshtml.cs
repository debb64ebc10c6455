using System.ComponentModel.DataAnnotations;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Hemisphere.Platform.Identity.Pages;

[EnableRateLimiting(ApiSetup.SignInPolicy)]
public sealed class RegisterModel(AccountService accounts) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.TooLong")]
    public string DisplayName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.InvalidEmail")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Validation.Required")]
    public string Password { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Validation.Required"), Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
    public string ConfirmPassword { get; set; } = "";

    [BindProperty]
    public string Language { get; set; } = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public bool Done { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var outcome = await accounts.RegisterAsync(Email, Password, DisplayName, Language, AccountApi.BaseUrl(HttpContext), ct);
        if (!outcome.IsOk)
        {
            ModelState.AddOutcomeErrors(outcome);
            return Page();
        }
        Done = true;
        return Page();
    }
}
