using System.Globalization;
using Hemisphere.Features.Directory;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Hemisphere.Features.Library.Pages;

/// <summary>An item in the reader's language, with its workflow for those who may act on it.</summary>
[RequestSizeLimit(LibraryApi.UploadLimit), RequestFormLimits(MultipartBodyLengthLimit = LibraryApi.UploadLimit)]
public sealed class ItemModel(LibraryService library, DirectoryService directory, IOptions<LibraryOptions> options, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Slug { get; set; } = "";
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public DateTimeOffset? PublishAt { get; set; }

    public LibraryItemDto Item { get; private set; } = null!;
    public string ReaderLanguage { get; private set; } = "en";
    public string? InstitutionName { get; private set; }
    public IReadOnlyList<MemberStateDto> States { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanReview { get; private set; }
    public bool CanPublish { get; private set; }

    public string StateName(string code) => States.FirstOrDefault(s => s.Code == code)?.Name ?? code;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAttachAsync(IFormFile? upload, string? attachTitle, string? attachLanguage, CancellationToken ct)
    {
        var item = await library.GetAsync(User.Actor(), Slug, null, ct);
        if (item is null) return NotFound();
        if (upload is null)
        {
            ModelState.AddModelError("upload", l["Validation.Required"]);
            await LoadAsync(ct);
            return Page();
        }
        await using var stream = upload.OpenReadStream();
        var outcome = await library.AttachAsync(User.Actor(), item.Id, stream, upload.FileName, attachTitle, attachLanguage, ct);
        return await Answer(outcome, l["Library.Attached"], ct);
    }

    public async Task<IActionResult> OnPostDetachAsync(Guid attachmentId, CancellationToken ct)
    {
        var item = await library.GetAsync(User.Actor(), Slug, null, ct);
        if (item is null) return NotFound();
        return await Answer(await library.DetachAsync(User.Actor(), item.Id, attachmentId, ct), l["Common.Deleted"], ct);
    }

    private async Task<IActionResult> Answer<T>(Outcome<T> outcome, string message, CancellationToken ct)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Message"] = message;
                return Redirect("/library/" + Slug);
            case OutcomeKind.NotFound: return NotFound();
            case OutcomeKind.Forbidden: return Forbid();
            default:
                foreach (var (field, messages) in outcome.Errors)
                    foreach (var m in messages) ModelState.AddModelError(field == "file" ? "upload" : "", m);
                await LoadAsync(ct);
                return Page();
        }
    }

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => StepAsync(library.SubmitAsync, ct);
    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => StepAsync(library.ApproveAsync, ct);
    public Task<IActionResult> OnPostSendBackAsync(CancellationToken ct) => StepAsync(library.SendBackAsync, ct);
    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) => StepAsync(library.PublishAsync, ct);
    public Task<IActionResult> OnPostArchiveAsync(CancellationToken ct) => StepAsync(library.ArchiveAsync, ct);
    public Task<IActionResult> OnPostRestoreAsync(CancellationToken ct) => StepAsync(library.RestoreAsync, ct);

    private async Task<IActionResult> StepAsync(Func<Actor, Guid, WorkflowInput, CancellationToken, Task<Outcome<LibraryItemDto>>> step, CancellationToken ct)
    {
        var item = await library.GetAsync(User.Actor(), Slug, null, ct);
        if (item is null) return NotFound();
        // The schedule field is a local date and time in the reader's browser; it is read as UTC.
        var outcome = await step(User.Actor(), item.Id, new WorkflowInput(Comment, PublishAt), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Message"] = (string)l["Library.Status." + outcome.Value!.Status];
                return Redirect("/library/" + item.Slug);
            case OutcomeKind.NotFound: return NotFound();
            case OutcomeKind.Forbidden: return Forbid();
            default:
                foreach (var (field, messages) in outcome.Errors)
                    foreach (var m in messages) ModelState.AddModelError(field == "comment" ? nameof(Comment) : "", m);
                if (outcome.Detail is not null) ModelState.AddModelError("", outcome.Detail);
                await LoadAsync(ct);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        ReaderLanguage = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var actor = User.Actor();
        var entity = await library.FindAsync(Slug, ct);
        if (entity is null || library.Describe(actor, entity, ReaderLanguage) is not { } item) return false;
        Item = item;
        CanEdit = LibraryPolicy.CanEdit(actor, entity);
        CanReview = LibraryPolicy.CanReview(actor, entity, options.Value.ReviewRequired);
        CanPublish = LibraryPolicy.CanPublishDirectly(actor, entity, options.Value.ReviewRequired);
        States = await directory.MemberStatesAsync(null, false, ct);
        if (item.InstitutionId is { } institution) InstitutionName = (await directory.InstitutionAsync(institution, ct))?.Name;
        return true;
    }
}
