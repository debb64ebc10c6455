using System.ComponentModel.DataAnnotations;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Platform.Identity.Pages;

/// <summary>Second step of sign-in: a code from the authenticator app, or one of the recovery codes.</summary>
[EnableRateLimiting(ApiSetup.SignInPolicy)]
public sealed class LoginWith2faModel(SignInManager<User> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Validation.Required"), StringLength(20, ErrorMessage = "Validation.TooLong")]
    public string Code { get; set; } = "";

    [BindProperty]
    public bool RememberMachine { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Platform/Identity/Pages/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Platform/Identity/Pages/Login");
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = code.All(char.IsDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, RememberMachine)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Code.Trim());
        if (result.Succeeded)
        {
            Languages.Remember(Response, user.PreferredLanguage);
            return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
        }
        if (result.IsLockedOut) return RedirectToPage("/Platform/Identity/Pages/Lockout");
        ModelState.AddModelError(nameof(Code), l["Account.InvalidCode"]);
        return Page();
    }
}
