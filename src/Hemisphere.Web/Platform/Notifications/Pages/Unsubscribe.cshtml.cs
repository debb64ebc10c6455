using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Platform.Notifications.Pages;

/// <summary>
/// One-click unsubscribe without signing in. GET shows a confirmation; POST (the form, or a mail
/// client's RFC 8058 "List-Unsubscribe=One-Click" POST to the same address) applies it. The signed,
/// single-use token is the only credential, so there is no antiforgery token to check.
/// </summary>
[AllowAnonymous, IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(NotificationService notifications) : PageModel
{
    public UnsubscribeOutcome Outcome { get; private set; } = new(UnsubscribeState.Invalid, null);
    public string? Token { get; private set; }

    public async Task OnGetAsync(string? token, CancellationToken ct)
    {
        Token = token;
        Outcome = await notifications.PeekUnsubscribeAsync(token, ct);
        if (Outcome.State == UnsubscribeState.Invalid) Response.StatusCode = 400;
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        // The token comes in the address (one-click) or in the confirmation form.
        Token = Request.Query["token"].FirstOrDefault() ?? (Request.HasFormContentType ? Request.Form["token"].FirstOrDefault() : null);
        Outcome = await notifications.UnsubscribeAsync(Token, ct);
        if (Outcome.State == UnsubscribeState.Invalid) Response.StatusCode = 400;
    }
}
