using Hemisphere.Features.Academy.Certificates.Badges;
using Hemisphere.Features.Academy.Pages;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Certificates.Pages;

/// <summary>Public: paste an Open Badges 3.0 credential (the compact JWS) and see whether it verifies, check by check.</summary>
[AllowAnonymous]
[EnableRateLimiting(ApiSetup.VerificationPolicy)]
public sealed class BadgeVerifyModel(OpenBadgeService badges, IStringLocalizer<SharedResource> l) : AcademyPage
{
    [BindProperty]
    public string? Credential { get; set; }

    public BadgeVerification? Result { get; private set; }

    public void OnGet() => Response.Headers.CacheControl = "no-store";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var token = Credential?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            ModelState.AddModelError(nameof(Credential), l["Badges.CredentialRequired"]);
            return Page();
        }
        if (token.Length > Jws.MaxLength)
        {
            ModelState.AddModelError(nameof(Credential), l["Badges.TooLong"]);
            return Page();
        }
        Result = await badges.VerifyAsync(token, AccountApi.BaseUrl(HttpContext), ct);
        return Page();
    }
}
