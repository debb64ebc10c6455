using Hemisphere.Features.Academy.Editions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Pages;

/// <summary>The attendance sheet of one session, for the edition's instructors and staff.</summary>
public sealed class AttendanceModel(EditionService editions, IStringLocalizer<SharedResource> l) : AcademyPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public Dictionary<Guid, string> Marks { get; set; } = [];

    public AttendanceSheetDto Sheet { get; private set; } = null!;
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new AttendanceInput(Marks.Where(m => !string.IsNullOrEmpty(m.Value)).Select(m => new AttendanceMarkInput(m.Key, m.Value)).ToList());
        var outcome = await editions.RecordAttendanceAsync(Actor, Id, input, ct);
        var done = Handle(outcome, l["Common.Saved"], _ => Redirect($"/academy/sessions/{Id}/attendance"));
        if (done is not null) return done;
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var outcome = await editions.AttendanceAsync(Actor, Id, ct);
        if (outcome.Kind == Platform.Api.OutcomeKind.NotFound) return NotFound();
        if (outcome.Kind == Platform.Api.OutcomeKind.Forbidden) return Forbid();
        Sheet = outcome.Value!;
        return null;
    }
}
