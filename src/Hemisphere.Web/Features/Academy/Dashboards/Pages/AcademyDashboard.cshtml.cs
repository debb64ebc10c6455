using Hemisphere.Features.Directory;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Dashboards.Pages;

/// <summary>The academy's figures as a table, with links to change the dimension and a filter form (GET).</summary>
[Authorize]
public sealed class AcademyDashboardModel(AcademyDashboardService dashboards, DirectoryService directory, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? By { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Course { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Institution { get; set; }

    public AcademyDashboard? Data { get; private set; }
    public IReadOnlyList<MemberStateDto> States { get; private set; } = [];
    public IReadOnlyList<(string Value, string Label)> Dimensions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = User.Actor();
        if (!AcademyDashboardService.CanSee(actor)) return Forbid();
        var outcome = await dashboards.GetAsync(actor, new DashboardQuery(By, Year, Country, Course, Institution), ct);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
        if (!outcome.IsOk)
        {
            By = null;
            outcome = await dashboards.GetAsync(actor, new DashboardQuery(null, Year, Country, Course, Institution), ct);
        }
        Data = outcome.Value;
        States = await directory.MemberStatesAsync(null, false, ct);
        Dimensions =
        [
            ("country", l["Academy.Dashboard.ByCountry"]), ("institution", l["Academy.Dashboard.ByInstitution"]), ("course", l["Academy.Dashboard.ByCourse"]),
            ("edition", l["Academy.Dashboard.ByEdition"]), ("year", l["Academy.Dashboard.ByYear"]),
        ];
        return Page();
    }

    /// <summary>This page's query with one parameter changed (null removes it).</summary>
    public string Link(string path, string? by)
    {
        var q = new List<string>();
        if (by is not null) q.Add("by=" + Uri.EscapeDataString(by));
        if (Year is { } y) q.Add("year=" + y.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrWhiteSpace(Country)) q.Add("country=" + Uri.EscapeDataString(Country));
        if (Course is { } c) q.Add("course=" + c);
        if (Institution is { } i) q.Add("institution=" + i);
        return q.Count == 0 ? path : path + "?" + string.Join("&", q);
    }
}
