using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Directory.Pages;

public sealed class InstitutionModel(DirectoryService directory, HemisphereDb db) : PageModel
{
    public InstitutionDto Institution { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    [BindProperty] public CertificationForm Certification { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostAddCertificationAsync(Guid id, CancellationToken ct)
    {
        var c = Certification;
        var outcome = await directory.AddCertificationAsync(User.Actor(), id, new CertificationInput(c.Standard, c.Scope, c.CertifyingBody, c.CertifiedOn, c.ValidUntil), ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            ModelState.AddOutcomeErrors(outcome, "Certification.");
            return await LoadAsync(id, ct);
        }
        return outcome.Kind switch { OutcomeKind.NotFound => NotFound(), OutcomeKind.Forbidden => Forbid(), _ => RedirectToPage(new { id }) };
    }

    public async Task<IActionResult> OnPostRemoveCertificationAsync(Guid id, Guid certificationId, CancellationToken ct)
    {
        var outcome = await directory.RemoveCertificationAsync(User.Actor(), id, certificationId, ct);
        return outcome.Kind switch { OutcomeKind.NotFound => NotFound(), OutcomeKind.Forbidden => Forbid(), _ => RedirectToPage(new { id }) };
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken ct)
    {
        var institution = await directory.InstitutionAsync(id, ct);
        if (institution is null) return NotFound();
        Institution = institution;
        // Only a signed-in visitor can edit: anonymous readers are spared the second read.
        if (User.Actor().IsSignedIn && await db.Institutions.FindAsync([id], ct) is { } entity)
            CanEdit = DirectoryPolicy.CanUpdateInstitution(User.Actor(), entity);
        return Page();
    }

    public sealed class CertificationForm
    {
        public string? Standard { get; set; }
        public string? Scope { get; set; }
        public string? CertifyingBody { get; set; }
        public DateOnly? CertifiedOn { get; set; }
        public DateOnly? ValidUntil { get; set; }
    }
}
