using System.Globalization;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Library.Pages;

[Authorize]
public sealed class ReviewModel(LibraryService library) : PageModel
{
    public IReadOnlyList<LibraryItemSummaryDto> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!LibraryPolicy.SeesReviewQueue(User.Actor())) return Forbid();
        Items = await library.ReviewQueueAsync(User.Actor(), CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct);
        return Page();
    }
}
