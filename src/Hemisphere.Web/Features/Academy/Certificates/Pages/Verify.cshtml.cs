using Hemisphere.Features.Academy.Pages;
using Hemisphere.Platform.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Hemisphere.Features.Academy.Certificates.Pages;

/// <summary>The public verification page of a certificate: its state and the minimum facts, nothing else about the holder.</summary>
[AllowAnonymous]
[EnableRateLimiting(ApiSetup.VerificationPolicy)]
public sealed class VerifyModel(CertificateService certificates) : AcademyPage
{
    public VerificationDto Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Result = await certificates.VerifyAsync(code, ct);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
