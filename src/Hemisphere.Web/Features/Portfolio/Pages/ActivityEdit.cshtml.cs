using System.Globalization;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Localization;
using Hemisphere.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Portfolio.Pages;

/// <summary>
/// Creates and edits an activity. Texts are edited one language at a time (?in=es): the other
/// languages' versions are kept as they are.
/// </summary>
[Authorize]
public sealed class ActivityEditModel(PortfolioService portfolio, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string In { get; set; } = "";
    [BindProperty] public ActivityForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        In = Languages.IsSupported(In) ? In : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (Id is not { } id) return PortfolioPolicy.CanCreate(User.Actor()) ? Page() : Forbid();
        var a = await portfolio.GetAsync(User.Actor(), id, ct);
        if (a is null) return NotFound();
        if (!PortfolioPolicy.CanEdit(User.Actor(), a.Countries)) return Forbid();
        Form = ActivityForm.From(a, In);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        In = Languages.Normalize(In);
        ActivityDto? current = Id is { } id ? await portfolio.GetAsync(User.Actor(), id, ct) : null;
        if (Id is not null && current is null) return NotFound();
        var input = Form.ToInput(In, current);
        var outcome = current is null ? await portfolio.CreateAsync(User.Actor(), input, ct) : await portfolio.UpdateAsync(User.Actor(), current.Id, input, ct);
        // Texts are edited one language at a time, so errors such as "name.es" go to the summary, named.
        return await this.SaveResultAsync(outcome, l["Common.Saved"], a => "/portfolio/activities/" + a.Id, null, () => Task.CompletedTask);
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (Id is not { } id) return NotFound();
        var outcome = await portfolio.DeleteAsync(User.Actor(), id, ct);
        if (outcome.IsOk)
        {
            TempData["Message"] = (string)l["Common.Deleted"];
            return Redirect("/portfolio");
        }
        return outcome.Kind == OutcomeKind.NotFound ? NotFound() : Forbid();
    }

    public sealed class ActivityForm
    {
        public string? Name { get; set; }
        public string? Pillar { get; set; }
        public string? Programme { get; set; }
        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
        public string? Status { get; set; }
        public string? Countries { get; set; }
        public string? Donors { get; set; }
        public string? Partners { get; set; }
        public string? TargetBeneficiaries { get; set; }
        public string? Summary { get; set; }
        public string? Objectives { get; set; }
        public string? ExpectedResults { get; set; }
        public string? AchievedResults { get; set; }
        public string? Links { get; set; }
        public decimal? FundingAmount { get; set; }
        public string? FundingCurrency { get; set; }
        public bool Published { get; set; }

        public static ActivityForm From(ActivityDto a, string lang)
        {
            string? T(string field) => a.Translations is { } t && t.TryGetValue(field, out var x) ? Pick(x, lang) : null;
            return new ActivityForm
            {
                Name = T("name"),
                Pillar = a.Pillar,
                Programme = a.Programme,
                StartDate = a.StartDate,
                EndDate = a.EndDate,
                Countries = string.Join(", ", a.Countries),
                Donors = string.Join("\n", a.Donors),
                Partners = string.Join("\n", a.Partners),
                TargetBeneficiaries = T("targetBeneficiaries"),
                Summary = T("summary"),
                Objectives = T("objectives"),
                ExpectedResults = T("expectedResults"),
                AchievedResults = T("achievedResults"),
                Links = string.Join("\n", a.Links),
                FundingAmount = a.FundingAmount,
                FundingCurrency = a.FundingCurrency,
                Published = a.Published,
            };
        }

        public ActivityInput ToInput(string lang, ActivityDto? current)
        {
            Translations Put(string field, string? value)
            {
                var t = current?.Translations is { } all && all.TryGetValue(field, out var x) ? x : new Translations(null, null, null, null);
                return lang switch
                {
                    "es" => t with { Es = value },
                    "pt" => t with { Pt = value },
                    "fr" => t with { Fr = value },
                    _ => t with { En = value },
                };
            }
            return new ActivityInput(
                Put("name", Name), Pillar, null, Programme, StartDate, EndDate, Status,
                FormLists.Split(Countries, ','), FormLists.Split(Donors, '\n'), FormLists.Split(Partners, '\n'),
                FormLists.Split(Links, '\n'), Put("targetBeneficiaries", TargetBeneficiaries), Put("summary", Summary), Put("objectives", Objectives),
                Put("expectedResults", ExpectedResults), Put("achievedResults", AchievedResults), FundingAmount, FundingCurrency, Published);
        }

        private static string? Pick(Translations t, string lang) => lang switch { "es" => t.Es, "pt" => t.Pt, "fr" => t.Fr, _ => t.En };
    }
}
