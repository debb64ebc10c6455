using System.Globalization;
using Hemisphere.Features.Directory;
using Hemisphere.Features.Portfolio.Import;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Portfolio.Pages;

/// <summary>Upload a sheet, correct what was read, save: the same import as the API and the verb.</summary>
[Authorize]
[RequestSizeLimit(SheetFile.MaxBytes + 1024 * 1024)]
public sealed class ImportModel(PortfolioService portfolio, DirectoryService directory, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Country { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public List<ImportRow> Rows { get; set; } = [];
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public IReadOnlyList<MemberStateDto> States { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!PortfolioPolicy.CanImport(User.Actor())) return Forbid();
        States = await directory.MemberStatesAsync(null, false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (!PortfolioPolicy.CanImport(User.Actor())) return Forbid();
        States = await directory.MemberStatesAsync(null, false, ct);
        Rows = [];
        byte[] bytes;
        if (file is { Length: > 0 })
        {
            if (file.Length > SheetFile.MaxBytes) return Fail("Portfolio.Import.TooLarge");
            using var ms = new MemoryStream();
            await file.CopyToAsync(ms, ct);
            bytes = ms.ToArray();
            Source = Path.GetFileName(file.FileName);
        }
        else
        {
            bytes = System.Text.Encoding.UTF8.GetBytes(Text ?? "");
            Source = null;
        }
        var (text, error) = SheetFile.Read(bytes);
        if (error is not null) return Fail(error);
        var country = string.IsNullOrWhiteSpace(Country) ? null : Country.Trim().ToUpperInvariant();
        if (country is not null && !MemberStateCatalogue.IsCode(country)) return Fail("Validation.UnknownCountry");
        var result = SheetParser.Parse(text!, country);
        if (result.Activities.Count == 0) return Fail("Portfolio.Import.NoActivity");
        Rows = result.Activities.Select(ImportRow.From).ToList();
        Warnings = result.Warnings;
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!PortfolioPolicy.CanImport(User.Actor())) return Forbid();
        States = await directory.MemberStatesAsync(null, false, ct);
        var chosen = Rows.Where(r => r.Include).Select(r => r.ToImported()).ToList();
        var outcome = await portfolio.ImportAsync(User.Actor(), chosen, Source, publish: true, ct);
        if (!outcome.IsOk)
        {
            ModelState.AddOutcomeErrors(outcome, null);
            if (outcome.Kind == Platform.Api.OutcomeKind.Forbidden) return Forbid();
            return Page();
        }
        TempData["Message"] = (string)l["Portfolio.ImportSaved", outcome.Value!.Created, outcome.Value.Updated];
        return Redirect("/portfolio");
    }

    private PageResult Fail(string key)
    {
        ModelState.AddModelError("", l[key, Country ?? ""]);
        return Page();
    }

    /// <summary>One activity of the preview, as editable form fields (lists one per line or comma-separated).</summary>
    public sealed class ImportRow
    {
        public bool Include { get; set; } = true;
        public string? Name { get; set; }
        public string? Pillar { get; set; }
        public string? Programme { get; set; }
        public string? Countries { get; set; }
        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
        public string? TargetBeneficiaries { get; set; }
        public string? Donors { get; set; }
        public string? Partners { get; set; }
        public string? Summary { get; set; }
        public string? Objectives { get; set; }
        public string? Results { get; set; }
        public string? Links { get; set; }

        public static ImportRow From(ImportedActivity a) => new()
        {
            Name = a.Name,
            Pillar = a.Pillar,
            Programme = a.Programme,
            Countries = string.Join(", ", a.Countries),
            StartDate = a.StartDate,
            EndDate = a.EndDate,
            TargetBeneficiaries = a.TargetBeneficiaries,
            Donors = string.Join("\n", a.Donors),
            Partners = string.Join("\n", a.Partners),
            Summary = a.Summary,
            Objectives = a.Objectives,
            Results = a.Results,
            Links = string.Join("\n", a.Links),
        };

        public ImportedActivity ToImported() => new(
            Name, Pillar, Programme, FormLists.Split(Countries, ',').Select(c => c.ToUpper(CultureInfo.InvariantCulture)).ToList(), StartDate, EndDate, TargetBeneficiaries,
            FormLists.Split(Donors, '\n'), FormLists.Split(Partners, '\n'), Summary, Objectives, Results, FormLists.Split(Links, '\n'));
    }
}
