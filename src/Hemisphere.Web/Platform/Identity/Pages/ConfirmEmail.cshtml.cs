using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Platform.Identity.Pages;

public sealed class ConfirmEmailModel(AccountService accounts) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(Guid? userId, string? code)
    {
        Confirmed = userId is { } id && !string.IsNullOrEmpty(code) && await accounts.ConfirmEmailAsync(id, code);
        if (!Confirmed) Response.StatusCode = 400;
    }
}
