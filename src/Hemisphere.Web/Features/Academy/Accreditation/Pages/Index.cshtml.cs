using Hemisphere.Features.Academy.Pages;
using Microsoft.AspNetCore.Mvc;

namespace Hemisphere.Features.Academy.Accreditation.Pages;

/// <summary>The accreditations: every one for the academy's staff (who create and edit them), a university's own for its staff.</summary>
public sealed class IndexModel(AccreditationService accreditations) : AcademyPage
{
    public IReadOnlyList<AccreditationDto> Items { get; private set; } = [];
    public bool IsStaff { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Actor.IsSignedIn) return Challenge();
        var outcome = await accreditations.ListAsync(Actor, ct);
        if (!outcome.IsOk) return NotFound();
        Items = outcome.Value!;
        IsStaff = AcademyPolicy.IsStaff(Actor);
        return Page();
    }
}
