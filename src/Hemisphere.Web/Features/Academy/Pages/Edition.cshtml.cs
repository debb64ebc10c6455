using Hemisphere.Features.Academy.Editions;
using Hemisphere.Features.Academy.Enrolments;
using Hemisphere.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Pages;

/// <summary>An edition: dates, place, sessions; enrolment for learners; the roster and sessions for its instructors, staff and managers.</summary>
public sealed class EditionModel(EditionService editions, EnrolmentService enrolments, IStringLocalizer<SharedResource> l) : AcademyPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public SessionForm NewSession { get; set; } = new();

    public EditionDto Edition { get; private set; } = null!;
    public IReadOnlyList<SessionDto> Sessions { get; private set; } = [];
    public Page<EnrolmentDto>? Roster { get; private set; }
    public bool Teaches { get; private set; }

    public sealed class SessionForm
    {
        public DateTime? Start { get; set; }
        public DateTime? End { get; set; }
        public string? Title { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSessionAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var outcome = await editions.AddSessionAsync(Actor, Id, new SessionInput(NewSession.Start, NewSession.End, NewSession.Title), ct);
        return Handle(outcome, l["Common.Saved"], _ => Redirect(Edition.Url), nameof(NewSession)) ?? Page();
    }

    public async Task<IActionResult> OnPostEnrolAsync(CancellationToken ct)
    {
        if (!Actor.IsSignedIn) return Challenge();
        if (!await LoadAsync(ct)) return NotFound();
        var outcome = await enrolments.EnrolSelfAsync(Actor, Id, ct);
        var message = outcome.IsOk ? l["Academy.Enrolment." + AcademyCodes.Code(outcome.Value!.Status)] : "";
        return Handle(outcome, message, _ => Redirect(Edition.Url)) ?? Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await editions.GetAsync(Actor, Id, Language, ct) is not { } e) return false;
        Edition = e;
        Teaches = AcademyPolicy.CanTeach(Actor, e.Instructors.Select(i => i.UserId).ToList());
        Sessions = (await editions.SessionsAsync(Actor, Id, ct)).Value ?? [];
        var roster = await enrolments.RosterAsync(Actor, Id, null, Language, PageRequest.From(1, PageRequest.MaxSize), ct);
        Roster = roster.IsOk ? roster.Value : null;
        return true;
    }
}
