using Hemisphere.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hemisphere.Platform.Search.Pages;

/// <summary>The one search box of the site, with facets to narrow the result.</summary>
public sealed class SearchModel(SearchService search) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public SearchResults? Results { get; private set; }

    public Page<SearchResultItem> AsPage => new(Results?.Items ?? [], Results?.Total ?? 0, Results?.Page ?? 1, Results?.PageSize ?? 20);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Q) && Kind is null && Country is null && Theme is null && Year is null) return;
        Results = await search.SearchAsync(new SearchRequest(Q, Language, Kind, Country, Theme, Year), PageRequest.From(PageNumber, 20, 20), User.Identity?.IsAuthenticated == true, ct);
    }

    /// <summary>This page's address with one filter set (or cleared with null), back on page 1.</summary>
    public string With(string name, string? value)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["q"] = Q,
            ["kind"] = Kind,
            ["language"] = Language,
            ["country"] = Country,
            ["theme"] = Theme,
            ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        query[name] = value;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/search", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
