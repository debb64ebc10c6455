using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Directory.Pages;

public sealed class PersonModel(DirectoryService directory, HemisphereDb db) : PageModel
{
    public PersonDto Person { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var actor = User.Actor();
        var person = await directory.PersonAsync(actor, id, ct);
        if (person is null) return NotFound();
        Person = person;
        if (actor.IsSignedIn && await db.People.FindAsync([id], ct) is { } entity)
            CanEdit = DirectoryPolicy.CanUpdatePerson(actor, entity);
        return Page();
    }
}
