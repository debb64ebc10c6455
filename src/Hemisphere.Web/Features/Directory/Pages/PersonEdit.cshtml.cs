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
public sealed class PersonEditModel(DirectoryService directory, HemisphereDb db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public PersonForm Form { get; set; } = new();
    public IReadOnlyList<MemberStateDto> States { get; private set; } = [];
    public bool CanDelete { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var p = await db.People.FindAsync([id], ct);
            if (p is null || !DirectoryPolicy.CanSeePerson(User.Actor(), p)) return NotFound();
            if (!DirectoryPolicy.CanUpdatePerson(User.Actor(), p)) return Forbid();
            Form = new PersonForm
            {
                FullName = p.FullName,
                Title = p.Title,
                InstitutionId = p.InstitutionId,
                CountryCode = p.CountryCode,
                Languages = string.Join(", ", p.Languages),
                Expertise = string.Join(", ", p.Expertise),
                Email = p.Email,
                Biography = p.Biography,
                Visibility = p.Visibility,
            };
            CanDelete = DirectoryPolicy.CanDeletePerson(User.Actor(), p);
        }
        States = await directory.MemberStatesAsync(null, false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var f = Form;
        var input = new PersonInput(f.FullName, f.Title, f.InstitutionId, f.CountryCode, FormLists.Split(f.Languages), FormLists.Split(f.Expertise), f.Biography, f.Email, f.Visibility);
        var outcome = Id is { } id ? await directory.UpdatePersonAsync(User.Actor(), id, input, ct) : await directory.CreatePersonAsync(User.Actor(), input, ct);
        return await this.SaveResultAsync(outcome, l["Common.Saved"], p => "/directory/people/" + p.Id, "Form.",
            async () => States = await directory.MemberStatesAsync(null, false, ct));
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (Id is not { } id) return NotFound();
        var outcome = await directory.DeletePersonAsync(User.Actor(), id, ct);
        if (outcome.IsOk)
        {
            TempData["Message"] = (string)l["Common.Deleted"];
            return Redirect("/directory/people");
        }
        return outcome.Kind == OutcomeKind.NotFound ? NotFound() : Forbid();
    }


    public sealed class PersonForm
    {
        public string? FullName { get; set; }
        public string? Title { get; set; }
        public Guid? InstitutionId { get; set; }
        public string? CountryCode { get; set; }
        public string? Languages { get; set; }
        public string? Expertise { get; set; }
        public string? Email { get; set; }
        public string? Biography { get; set; }
        public ProfileVisibility? Visibility { get; set; } = ProfileVisibility.Members;
    }
}
