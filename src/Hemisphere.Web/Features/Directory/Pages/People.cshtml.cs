using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Directory.Pages;

public sealed class PeopleModel(DirectoryService directory) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? InstitutionId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Page<PersonDto> Result { get; private set; } = new([], 0, 1, 24);
    public IReadOnlyList<MemberStateDto> States { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.Actor();
        Result = await directory.PeopleAsync(actor, new PersonFilter(Q, Country, InstitutionId, Language, null), PageRequest.From(PageNumber, 24), ct);
        States = await directory.MemberStatesAsync(null, false, ct);
        CanCreate = actor.IsAdministrator || actor.HasRoleAnywhere(HemisphereRole.Editor) || actor.HasRoleAnywhere(HemisphereRole.InstitutionManager);
    }
}
