using System.Globalization;
using Hemisphere.Features.Directory;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Community.Events.Pages;

/// <summary>An event: when and where, registration, the calendar file, materials, and the organisers' tools.</summary>
public sealed class EventDetailModel(EventsService events, DirectoryService directory, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Slug { get; set; } = "";
    [BindProperty] public string? MaterialTitle { get; set; }
    [BindProperty] public string? MaterialUrl { get; set; }
    [BindProperty] public string? MaterialLibraryItem { get; set; }

    public EventDto Event { get; private set; } = null!;
    public string? CountryName { get; private set; }
    public bool SignedIn { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostRegisterAsync(CancellationToken ct) =>
        ActAsync(async (a, id) => Map(await events.RegisterAsync(a, id, ct), r => l["Events.Registration." + r.Status]), ct);

    public Task<IActionResult> OnPostUnregisterAsync(CancellationToken ct) =>
        ActAsync(async (a, id) => Map(await events.CancelRegistrationAsync(a, id, ct), _ => l["Events.Registration.cancelled"]), ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) =>
        ActAsync(async (a, id) => Map(await events.PublishAsync(a, id, ct), e => l["Events.Status." + e.Status]), ct);

    public Task<IActionResult> OnPostCancelEventAsync(CancellationToken ct) =>
        ActAsync(async (a, id) => Map(await events.CancelAsync(a, id, ct), e => l["Events.Status." + e.Status]), ct);

    public Task<IActionResult> OnPostAddMaterialAsync(CancellationToken ct) =>
        ActAsync(async (a, id) => Map(await events.AddMaterialAsync(a, id, new MaterialInput(MaterialTitle, MaterialUrl, MaterialLibraryItem), ct), _ => l["Common.Saved"]), ct);

    public Task<IActionResult> OnPostRemoveMaterialAsync(Guid materialId, CancellationToken ct) =>
        ActAsync(async (a, id) => Map(await events.RemoveMaterialAsync(a, id, materialId, ct), _ => l["Common.Deleted"]), ct);

    private static (OutcomeKind Kind, string? Message, IDictionary<string, string[]> Errors, string? Detail) Map<T>(Outcome<T> o, Func<T, string> message) =>
        (o.Kind, o.IsOk ? message(o.Value!) : null, o.Errors, o.Detail);

    private async Task<IActionResult> ActAsync(Func<Actor, Guid, Task<(OutcomeKind Kind, string? Message, IDictionary<string, string[]> Errors, string? Detail)>> act, CancellationToken ct)
    {
        var actor = User.Actor();
        if (!actor.IsSignedIn) return Challenge();
        var e = await events.GetAsync(actor, Slug, null, ct);
        if (e is null) return NotFound();
        var (kind, message, errors, detail) = await act(actor, e.Id);
        switch (kind)
        {
            case OutcomeKind.Ok:
                TempData["Message"] = message;
                return Redirect("/events/" + e.Slug);
            case OutcomeKind.NotFound: return NotFound();
            case OutcomeKind.Forbidden: return Forbid();
            default:
                foreach (var (field, messages) in errors)
                    foreach (var m in messages)
                        ModelState.AddModelError(field switch { "title" => nameof(MaterialTitle), "url" => nameof(MaterialUrl), "libraryItem" => nameof(MaterialLibraryItem), _ => "" }, m);
                if (detail is not null) ModelState.AddModelError("", detail);
                await LoadAsync(ct);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var actor = User.Actor();
        SignedIn = actor.IsSignedIn;
        if (await events.GetAsync(actor, Slug, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct) is not { } e) return false;
        Event = e;
        if (e.Place?.CountryCode is { } code)
            CountryName = (await directory.MemberStatesAsync(null, false, ct)).FirstOrDefault(s => s.Code == code)?.Name ?? code;
        return true;
    }
}
