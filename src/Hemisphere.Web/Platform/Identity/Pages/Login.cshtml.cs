using System.ComponentModel.DataAnnotations;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Platform.Identity.Pages;

[EnableRateLimiting(ApiSetup.SignInPolicy)]
public sealed class LoginModel(SignInManager<User> signIn, UserManager<User> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.InvalidEmail")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Validation.Required")]
    public string Password { get; set; } = "";

    [BindProperty]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            if (await users.FindByEmailAsync(Email.Trim()) is { } user) Languages.Remember(Response, user.PreferredLanguage);
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Platform/Identity/Pages/LoginWith2fa", new { ReturnUrl, RememberMe });
        if (result.IsLockedOut) return RedirectToPage("/Platform/Identity/Pages/Lockout");
        ModelState.AddModelError("", result.IsNotAllowed ? l["Account.NotConfirmed"] : l["Account.InvalidCredentials"]);
        return Page();
    }

    public static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
