using System.Globalization;
using Hemisphere.Features.Directory;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Features.Library.Pages;

/// <summary>Browsing the library by kind, theme, country, year and language.</summary>
public sealed class IndexModel(LibraryService library, DirectoryService directory) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty(SupportsGet = true)] public bool Drafts { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Page<LibraryItemSummaryDto> Result { get; private set; } = new([], 0, 1, 20);
    public IReadOnlyList<MemberStateDto> States { get; private set; } = [];
    public bool CanWrite { get; private set; }

    public string StateName(string code) => States.FirstOrDefault(s => s.Code == code)?.Name ?? code;

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanWrite = LibraryPolicy.CanCreate(User.Actor());
        var filter = new LibraryFilter(Kind, Theme, Country, Year, Language, null, Drafts && CanWrite);
        Result = await library.ListAsync(User.Actor(), filter, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, PageRequest.From(PageNumber, 20), ct);
        States = await directory.MemberStatesAsync(null, false, ct);
    }
}
