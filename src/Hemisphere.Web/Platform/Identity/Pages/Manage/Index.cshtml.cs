using System.ComponentModel.DataAnnotations;
using Hemisphere.Platform.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Platform.Identity.Pages.Manage;

public sealed class IndexModel(UserManager<User> users, SignInManager<User> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.TooLong")]
    public string DisplayName { get; set; } = "";

    [BindProperty]
    public string Language { get; set; } = "en";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        DisplayName = user.DisplayName;
        Language = user.PreferredLanguage;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid) return Page();
        user.DisplayName = DisplayName.Trim();
        user.PreferredLanguage = Languages.Normalize(Language);
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        Languages.Remember(Response, user.PreferredLanguage);
        TempData["Message"] = (string)l["Common.Saved"];
        return RedirectToPage();
    }
}
