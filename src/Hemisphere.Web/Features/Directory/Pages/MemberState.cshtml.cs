using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Directory.Pages;

public sealed class MemberStateModel(DirectoryService directory) : PageModel
{
    public MemberStateDto State { get; private set; } = null!;
    public IReadOnlyList<InstitutionDto> Institutions { get; private set; } = [];
    public bool CanRecord { get; private set; }

    [BindProperty] public DateOnly? EffectiveOn { get; set; }
    [BindProperty] public string? Change { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct);

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var outcome = await directory.RecordMembershipAsync(User.Actor(), code, new MembershipEventInput(EffectiveOn, Change, Reference, Note), ct);
        switch (outcome.Kind)
        {
            case Platform.Api.OutcomeKind.Ok: return RedirectToPage(new { code });
            case Platform.Api.OutcomeKind.NotFound: return NotFound();
            case Platform.Api.OutcomeKind.Forbidden: return Forbid();
            default:
                ModelState.AddOutcomeErrors(outcome);
                return await LoadAsync(code, ct);
        }
    }

    private async Task<IActionResult> LoadAsync(string code, CancellationToken ct)
    {
        var state = await directory.MemberStateAsync(code, null, ct);
        if (state is null) return NotFound();
        State = state;
        Institutions = (await directory.InstitutionsAsync(new InstitutionFilter(null, state.Code, null, null, null), PageRequest.From(1, 50), ct)).Items;
        CanRecord = DirectoryPolicy.CanRecordMembership(User.Actor());
        return Page();
    }
}
