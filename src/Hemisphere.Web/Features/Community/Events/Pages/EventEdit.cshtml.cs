using Hemisphere.Features.Directory;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Community.Events.Pages;

/// <summary>Writes a new event (/events/new) or edits one. Times are typed as local times of the event's zone.</summary>
[Authorize]
public sealed class EventEditModel(EventsService events, DirectoryService directory, HemisphereDb db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Slug { get; set; }
    [BindProperty] public EventForm Form { get; set; } = new();

    public EventDto? Existing { get; private set; }
    public IReadOnlyList<MemberStateDto> States { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Institutions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = User.Actor();
        if (Slug is null)
        {
            if (!EventsPolicy.CanCreate(actor)) return Forbid();
            await LoadListsAsync(ct);
            return Page();
        }
        var entity = await events.FindAsync(Slug, ct);
        if (entity is null || !EventsPolicy.CanSee(actor, entity)) return NotFound();
        if (!EventsPolicy.CanEdit(actor, entity)) return Forbid();
        Existing = await events.ToDtoAsync(actor, entity, null, ct);
        Form = EventForm.From(entity);
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = User.Actor();
        var input = Form.ToInput();
        Outcome<EventDto> outcome;
        if (Slug is null) outcome = await events.CreateAsync(actor, input, ct);
        else
        {
            var entity = await events.FindAsync(Slug, ct);
            if (entity is null || !EventsPolicy.CanSee(actor, entity)) return NotFound();
            Existing = await events.ToDtoAsync(actor, entity, null, ct);
            outcome = await events.UpdateAsync(actor, entity.Id, input, ct);
        }
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Message"] = (string)l["Common.Saved"];
                return Redirect("/events/" + outcome.Value!.Slug);
            case OutcomeKind.NotFound: return NotFound();
            case OutcomeKind.Forbidden: return Forbid();
            default:
                foreach (var (field, messages) in outcome.Errors)
                    foreach (var m in messages) ModelState.AddModelError(FieldOf(field), m);
                if (outcome.Detail is not null) ModelState.AddModelError("", outcome.Detail);
                await LoadListsAsync(ct);
                return Page();
        }
    }

    private static string FieldOf(string field) => field switch
    {
        "title" or "title.en" => "Form.TitleEn",
        "title.es" => "Form.TitleEs",
        "title.pt" => "Form.TitlePt",
        "title.fr" => "Form.TitleFr",
        "description.en" => "Form.DescriptionEn",
        "description.es" => "Form.DescriptionEs",
        "description.pt" => "Form.DescriptionPt",
        "description.fr" => "Form.DescriptionFr",
        "kind" => "Form.Kind",
        "startsAt" => "Form.Starts",
        "endsAt" => "Form.Ends",
        "timeZone" => "Form.TimeZone",
        "venue" => "Form.Venue",
        "address" => "Form.Address",
        "city" => "Form.City",
        "countryCode" => "Form.CountryCode",
        "onlineUrl" => "Form.OnlineUrl",
        "organiserInstitutionId" => "Form.OrganiserInstitutionId",
        "capacity" => "Form.Capacity",
        "registrationOpensAt" => "Form.RegistrationOpens",
        "registrationClosesAt" => "Form.RegistrationCloses",
        "visibility" => "Form.Visibility",
        _ => "",
    };

    private async Task LoadListsAsync(CancellationToken ct)
    {
        var actor = User.Actor();
        States = await directory.MemberStatesAsync(null, false, ct);
        var all = await db.Institutions.AsNoTracking().OrderBy(i => i.Name).Select(i => new { i.Id, i.Name }).Take(2000).ToListAsync(ct);
        Institutions = all.Where(i => EventsPolicy.CanOrganiseFor(actor, i.Id) || i.Id == Form.OrganiserInstitutionId).Select(i => (i.Id, i.Name)).ToList();
    }

    public sealed class EventForm
    {
        public string? TitleEn { get; set; }
        public string? TitleEs { get; set; }
        public string? TitlePt { get; set; }
        public string? TitleFr { get; set; }
        public string? DescriptionEn { get; set; }
        public string? DescriptionEs { get; set; }
        public string? DescriptionPt { get; set; }
        public string? DescriptionFr { get; set; }
        public string? Kind { get; set; } = "in-person";
        public DateTime? Starts { get; set; }
        public DateTime? Ends { get; set; }
        public string? TimeZone { get; set; } = "America/Tegucigalpa";
        public string? Venue { get; set; }
        public string? Address { get; set; }
        public string? City { get; set; }
        public string? CountryCode { get; set; }
        public string? OnlineUrl { get; set; }
        public Guid? OrganiserInstitutionId { get; set; }
        public int? Capacity { get; set; }
        public DateTime? RegistrationOpens { get; set; }
        public DateTime? RegistrationCloses { get; set; }
        public string? Visibility { get; set; } = "public";

        private DateTimeOffset? Utc(DateTime? local) => local is { } l ? EventTime.FromLocal(l, TimeZone) : null;

        public EventInput ToInput() => new(
            new EventText(TitleEn, TitleEs, TitlePt, TitleFr), new EventText(DescriptionEn, DescriptionEs, DescriptionPt, DescriptionFr),
            Kind, Utc(Starts), Utc(Ends), TimeZone, Venue, Address, City, CountryCode, OnlineUrl, OrganiserInstitutionId, Capacity,
            Utc(RegistrationOpens), Utc(RegistrationCloses), Visibility);

        public static EventForm From(Event e)
        {
            DateTime? Local(DateTimeOffset? at) => at is { } a ? EventTime.Local(a, e.TimeZone).DateTime : null;
            return new EventForm
            {
                TitleEn = e.Title.Exactly("en"),
                TitleEs = e.Title.Exactly("es"),
                TitlePt = e.Title.Exactly("pt"),
                TitleFr = e.Title.Exactly("fr"),
                DescriptionEn = e.Description.Exactly("en"),
                DescriptionEs = e.Description.Exactly("es"),
                DescriptionPt = e.Description.Exactly("pt"),
                DescriptionFr = e.Description.Exactly("fr"),
                Kind = e.Kind.Slug(),
                Starts = Local(e.StartsAt),
                Ends = Local(e.EndsAt),
                TimeZone = e.TimeZone,
                Venue = e.Venue,
                Address = e.Address,
                City = e.City,
                CountryCode = e.CountryCode,
                OnlineUrl = e.OnlineUrl,
                OrganiserInstitutionId = e.OrganiserInstitutionId,
                Capacity = e.Capacity,
                RegistrationOpens = Local(e.RegistrationOpensAt),
                RegistrationCloses = Local(e.RegistrationClosesAt),
                Visibility = e.Visibility.Slug(),
            };
        }
    }
}
