using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Bulk.Pages;

/// <summary>Upload a bulk enrolment file (managers and staff); the same import as the API and the verb.</summary>
[Authorize]
[RequestSizeLimit(EnrolmentCsv.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = EnrolmentCsv.MaxBytes + 1024 * 1024)]
public sealed class EnrolmentImportModel(EnrolmentImportService imports, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<EnrolmentImportDto> Recent { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!EnrolmentImportService.CanImport(User.Actor())) return Forbid();
        Recent = await imports.RecentAsync(User.Actor(), 20, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var actor = User.Actor();
        if (!EnrolmentImportService.CanImport(actor)) return Forbid();
        if (file is not { Length: > 0 })
        {
            ModelState.AddModelError("file", l["Academy.Bulk.ChooseFile"]);
            Recent = await imports.RecentAsync(actor, 20, ct);
            return Page();
        }
        if (file.Length > EnrolmentCsv.MaxBytes)
        {
            ModelState.AddModelError("file", l["Academy.Bulk.TooLarge", EnrolmentCsv.MaxBytes / (1024 * 1024)]);
            Recent = await imports.RecentAsync(actor, 20, ct);
            return Page();
        }
        using var ms = new MemoryStream((int)file.Length);
        await file.CopyToAsync(ms, ct);
        var outcome = await imports.ImportAsync(actor, ms.ToArray(), file.FileName, ct);
        if (!outcome.IsOk)
        {
            foreach (var (_, messages) in outcome.Errors)
                foreach (var m in messages) ModelState.AddModelError("file", m);
            Recent = await imports.RecentAsync(actor, 20, ct);
            return Page();
        }
        if (outcome.Value!.Notes.Count > 0) TempData["ImportNotes"] = string.Join("\n", outcome.Value.Notes);
        return Redirect($"/academy/enrolments/imports/{outcome.Value.Id}");
    }
}
