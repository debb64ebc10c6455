using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Directory.Pages;

[Authorize]
public sealed class InstitutionEditModel(DirectoryService directory, HemisphereDb db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public InstitutionForm Form { get; set; } = new();
    public IReadOnlyList<MemberStateDto> States { get; private set; } = [];
    public bool CanDelete { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var entity = await db.Institutions.FindAsync([id], ct);
            if (entity is null) return NotFound();
            if (!DirectoryPolicy.CanUpdateInstitution(User.Actor(), entity)) return Forbid();
            Form = new InstitutionForm
            {
                Name = entity.Name,
                Acronym = entity.Acronym,
                Kind = entity.Kind,
                CountryCode = entity.CountryCode,
                ParentId = entity.ParentId,
                Website = entity.Website,
                Description = entity.Description,
            };
            CanDelete = DirectoryPolicy.CanDeleteInstitution(User.Actor(), entity);
        }
        States = await directory.MemberStatesAsync(null, false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new InstitutionInput(Form.Name, Form.Acronym, Form.Kind, Form.CountryCode, Form.ParentId, Form.Website, Form.Description);
        var outcome = Id is { } id
            ? await directory.UpdateInstitutionAsync(User.Actor(), id, input, ct)
            : await directory.CreateInstitutionAsync(User.Actor(), input, ct);
        return await this.SaveResultAsync(outcome, l["Common.Saved"], i => "/directory/institutions/" + i.Id, "Form.",
            async () => States = await directory.MemberStatesAsync(null, false, ct));
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (Id is not { } id) return NotFound();
        var outcome = await directory.DeleteInstitutionAsync(User.Actor(), id, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Message"] = (string)l["Common.Deleted"];
                return Redirect("/directory/institutions");
            case OutcomeKind.Conflict:
                TempData["Message"] = outcome.Detail;
                return Redirect("/directory/institutions/" + id);
            case OutcomeKind.NotFound: return NotFound();
            default: return Forbid();
        }
    }

    public sealed class InstitutionForm
    {
        public string? Name { get; set; }
        public string? Acronym { get; set; }
        public InstitutionKind? Kind { get; set; }
        public string? CountryCode { get; set; }
        public Guid? ParentId { get; set; }
        public string? Website { get; set; }
        public string? Description { get; set; }
    }
}
