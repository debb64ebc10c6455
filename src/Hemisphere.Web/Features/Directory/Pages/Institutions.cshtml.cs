using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Directory.Pages;

public sealed class InstitutionsModel(DirectoryService directory) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Certified { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Page<InstitutionDto> Result { get; private set; } = new([], 0, 1, 25);
    public IReadOnlyList<MemberStateDto> States { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public string StateName(string code) => States.FirstOrDefault(s => s.Code == code)?.Name ?? code;

    public async Task OnGetAsync(CancellationToken ct)
    {
        InstitutionKind? kind = Enum.TryParse<InstitutionKind>(Kind, true, out var k) ? k : null;
        Result = await directory.InstitutionsAsync(new InstitutionFilter(Q, Country, kind, null, Certified), PageRequest.From(PageNumber, 25), ct);
        States = await directory.MemberStatesAsync(null, false, ct);
        var actor = User.Actor();
        CanCreate = actor.IsAdministrator || actor.HasRoleAnywhere(HemisphereRole.Editor);
    }
}
