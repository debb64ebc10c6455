using Hemisphere.Features.Academy.Pages;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Academy.Records.Pages;

/// <summary>The academy staff's list of LRS client applications: create one (its secret shown once), revoke one.</summary>
public sealed class ClientsModel(XapiClientService clients, IStringLocalizer<SharedResource> l) : AcademyPage
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public List<string> Scopes { get; set; } = [];
    [BindProperty] public Guid Id { get; set; }
    public IReadOnlyList<XapiClientDto> Clients { get; private set; } = [];
    public XapiCredentialsDto? Created { get; private set; }
    public string Endpoint => AccountApi.BaseUrl(HttpContext) + "/xapi/";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Actor.IsSignedIn) return Challenge();
        if (!XapiClientService.CanManage(Actor)) return NotFound();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!Actor.IsSignedIn) return Challenge();
        if (!XapiClientService.CanManage(Actor)) return NotFound();
        var outcome = await clients.CreateAsync(Actor, new XapiClientInput(Name, Scopes), ct);
        if (outcome.IsOk)
        {
            // The secret is shown on this response only: no redirect that would lose it.
            Created = outcome.Value;
            Name = null;
            Scopes = [];
        }
        else Handle(outcome, "", _ => Page());
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        if (!Actor.IsSignedIn) return Challenge();
        if (!XapiClientService.CanManage(Actor)) return NotFound();
        return Handle(await clients.RevokeAsync(Actor, Id, ct), l["Records.RevokedMessage"], _ => Redirect("/academy/records/clients")) ?? Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var list = await clients.ListAsync(Actor, ct);
        Clients = list.Value ?? [];
    }
}
