using Hemisphere.Features.Academy.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Certificates.Pages;

/// <summary>The academy staff's certificate desk: find a certificate by its code, revoke it or reissue it (with a reason).</summary>
public sealed class StaffModel(CertificateService certificates, IStringLocalizer<SharedResource> l) : AcademyPage
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? HolderName { get; set; }
    public CertificateDto? Found { get; private set; }
    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Actor.IsSignedIn) return Challenge();
        if (!AcademyPolicy.IsStaff(Actor)) return NotFound();
        await FindAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        if (!Actor.IsSignedIn) return Challenge();
        if (!AcademyPolicy.IsStaff(Actor)) return NotFound();
        var result = Handle(await certificates.RevokeAsync(Actor, Code ?? "", new RevokeInput(Reason), ct), l["Certificates.RevokedMessage"],
            c => Redirect("/academy/certificates?code=" + c.Code));
        if (result is not null) return result;
        await FindAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReissueAsync(CancellationToken ct)
    {
        if (!Actor.IsSignedIn) return Challenge();
        if (!AcademyPolicy.IsStaff(Actor)) return NotFound();
        var result = Handle(await certificates.ReissueAsync(Actor, Code ?? "", new ReissueInput(HolderName, Reason), ct), l["Certificates.ReissuedMessage"],
            c => Redirect("/academy/certificates?code=" + c.Code));
        if (result is not null) return result;
        await FindAsync(ct);
        return Page();
    }

    private async Task FindAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code)) return;
        Searched = true;
        var outcome = await certificates.GetAsync(Actor, Code, ct);
        Found = outcome.IsOk ? outcome.Value : null;
    }
}
