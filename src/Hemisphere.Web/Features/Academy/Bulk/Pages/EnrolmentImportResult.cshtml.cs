using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Academy.Bulk.Pages;

/// <summary>An import's counts and the link to its report (the uploader and staff; others: not found).</summary>
[Authorize]
public sealed class EnrolmentImportResultModel(EnrolmentImportService imports) : PageModel
{
    public EnrolmentImportDto Import { get; private set; } = null!;
    public IReadOnlyList<string> Notes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await imports.GetAsync(User.Actor(), id, ct) is not { } import) return NotFound();
        Import = import;
        Notes = (TempData["ImportNotes"] as string)?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return Page();
    }
}
