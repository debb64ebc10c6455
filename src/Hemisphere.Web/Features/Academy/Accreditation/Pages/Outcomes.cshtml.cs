using Hemisphere.Features.Academy.Pages;
using Microsoft.AspNetCore.Mvc;

namespace Hemisphere.Features.Academy.Accreditation.Pages;

/// <summary>The completions a university recognises, for its staff (and the academy's), with their CSV for credit recognition.</summary>
public sealed class OutcomesModel(AccreditationService accreditations) : AcademyPage
{
    public IReadOnlyList<AccreditedOutcomeDto> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Actor.IsSignedIn) return Challenge();
        var outcome = await accreditations.OutcomesAsync(Actor, null, ct);
        if (!outcome.IsOk) return NotFound();
        Rows = outcome.Value!;
        Response.Headers.CacheControl = "private, no-store";
        return Page();
    }
}
