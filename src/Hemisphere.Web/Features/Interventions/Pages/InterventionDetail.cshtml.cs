using Hemisphere.Features.Directory;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Interventions.Pages;

public sealed class InterventionDetailModel(InterventionsService catalogue, DirectoryService directory) : PageModel
{
    public InterventionDto Entry { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    private IReadOnlyList<MemberStateDto> _states = [];

    public string StateName(string code) => _states.FirstOrDefault(s => s.Code == code)?.Name ?? code;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var entry = await catalogue.GetAsync(User.Actor(), slug, ct, withTranslations: false);
        if (entry is null) return NotFound();
        // An entry reached by its id answers at its stable address.
        if (!string.Equals(slug, entry.Slug, StringComparison.Ordinal)) return RedirectPermanent(entry.Url + Request.QueryString);
        Entry = entry;
        CanEdit = InterventionsPolicy.CanEdit(User.Actor(), entry.Implementations.Select(i => i.CountryCode));
        _states = await directory.MemberStatesAsync(null, false, ct);
        return Page();
    }
}
