using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Community.Events;

public sealed record EventsQuery(string? Kind, string? Country, bool? Past, bool? IncludeDrafts, string? Lang, int? Page, int? PageSize)
{
    public EventFilter Filter => new(Kind, Country, Past ?? false, IncludeDrafts ?? false);
}

public sealed record MyEventDto(EventSummaryDto Event, MyRegistrationDto Registration);

public static class EventsApi
{
    public static void MapEventsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/events").WithTags("Events").RequireRateLimiting(ApiSetup.ApiPolicy);

        api.MapGet("", async ([AsParameters] EventsQuery query, HttpContext http, EventsService events, CancellationToken ct) =>
            TypedResults.Ok(await events.ListAsync(http.User.Actor(), query.Filter, query.Lang, PageRequest.From(query.Page, query.PageSize), ct)))
            .WithSummary("Upcoming events, soonest first (past=true: past events, latest first), filtered by kind (in-person, webinar, hybrid) and country. " +
                "Members-only events are listed for signed-in users; organisers may add includeDrafts=true.");

        api.MapGet("/mine", async (string? lang, HttpContext http, EventsService events, CancellationToken ct) =>
        {
            var mine = await events.MineAsync(http.User.Actor(), lang, ct);
            return TypedResults.Ok(mine.Select(x => new MyEventDto(x.Event, x.Registration)).ToList());
        }).RequireAuthorization().WithSummary("The caller's registrations (registered or on a waiting list), soonest first.");

        api.MapGet("/calendar-feed", async (HttpContext http, EventsCalendar calendar, CancellationToken ct) =>
            TypedResults.Ok(await calendar.FeedAddressAsync(http.User.Actor(), AccountApi.BaseUrl(http), ct)))
            .RequireAuthorization().WithSummary("The address of the caller's calendar feed (iCalendar, subscribable without cookies).");

        api.MapPost("/calendar-feed", async (HttpContext http, EventsCalendar calendar, CancellationToken ct) =>
            TypedResults.Ok(await calendar.RegenerateAsync(http.User.Actor(), AccountApi.BaseUrl(http), ct)))
            .RequireAuthorization().WithSummary("A new address for the caller's calendar feed; the previous one answers 404 from now on.");

        api.MapGet("/{idOrSlug}", async (string idOrSlug, string? lang, HttpContext http, EventsService events, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await events.GetAsync(http.User.Actor(), idOrSlug, lang, ct) is { } e ? Results.Ok(e) : l.Problem(404, "Problem.NotFound"))
            .WithSummary("One event by id or slug in the language asked (lang). The online link is given only to registered participants and organisers.")
            .Produces<EventDto>().ProducesProblem(404);

        api.MapPost("", async (EventInput input, HttpContext http, EventsService events, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await events.CreateAsync(http.User.Actor(), input, ct)).ToResult(l, e => TypedResults.Created($"/api/v1/events/{e.Id}", e)))
            .RequireAuthorization().WithSummary("Creates a draft event (administrators, editors, institution managers for their institution). " +
                "Times are UTC instants (ISO 8601 with offset); timeZone is the IANA zone where it happens.")
            .Produces<EventDto>(201).ProducesValidationProblem().ProducesProblem(403);

        api.MapPut("/{id:guid}", async (Guid id, EventInput input, HttpContext http, EventsService events, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await events.UpdateAsync(http.User.Actor(), id, input, ct)).ToResult(l, e => TypedResults.Ok(e)))
            .RequireAuthorization().WithSummary("Replaces the event's details (increments its iCalendar SEQUENCE). A larger capacity promotes people from the waiting list.")
            .Produces<EventDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        api.MapPost("/{id:guid}/publish", async (Guid id, HttpContext http, EventsService events, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await events.PublishAsync(http.User.Actor(), id, ct)).ToResult(l, e => TypedResults.Ok(e)))
            .RequireAuthorization().WithSummary("Publishes a draft: it becomes visible and open for registration.")
            .Produces<EventDto>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        api.MapPost("/{id:guid}/cancel", async (Guid id, HttpContext http, EventsService events, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await events.CancelAsync(http.User.Actor(), id, ct)).ToResult(l, e => TypedResults.Ok(e)))
            .RequireAuthorization().WithSummary("Cancels the event; participants are told by e-mail and calendars show it as cancelled.")
            .Produces<EventDto>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        api.MapGet("/{id:guid}/registration", async (Guid id, HttpContext http, EventsService events, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await events.GetAsync(http.User.Actor(), id.ToString(), null, ct) is { MyRegistration: { } mine } ? Results.Ok(mine) : l.Problem(404, "Problem.NotFound"))
            .RequireAuthorization().WithSummary("The caller's registration: registered, waitlisted (with position) or cancelled.")
            .Produces<MyRegistrationDto>().ProducesProblem(404);

        api.MapPost("/{id:guid}/registration", async (Guid id, HttpContext http, EventsService events, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await events.RegisterAsync(http.User.Actor(), id, ct)).ToResult(l, r => TypedResults.Ok(r)))
            .RequireAuthorization().WithSummary("Registers the caller: a seat while seats are left, else a place on the waiting list. Idempotent.")
            .Produces<MyRegistrationDto>().ProducesProblem(404).ProducesProblem(409);

        api.MapDelete("/{id:guid}/registration", async (Guid id, HttpContext http, EventsService events, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await events.CancelRegistrationAsync(http.User.Actor(), id, ct)).ToResult(l, r => TypedResults.Ok(r)))
            .RequireAuthorization().WithSummary("Cancels the caller's registration before the start; the first person waiting gets the seat.")
            .Produces<MyRegistrationDto>().ProducesProblem(404).ProducesProblem(409);

        api.MapGet("/{id:guid}/registrations", async (Guid id, HttpContext http, EventsService events, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await events.RegistrationsAsync(http.User.Actor(), id, ct)).ToResult(l, r => TypedResults.Ok(r)))
            .RequireAuthorization().WithSummary("Participants and the waiting list (organisers).")
            .Produces<IReadOnlyList<RegistrationDto>>().ProducesProblem(403).ProducesProblem(404);

        api.MapPut("/{id:guid}/attendance", async (Guid id, AttendanceInput input, HttpContext http, EventsService events, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await events.MarkAttendanceAsync(http.User.Actor(), id, input, ct)).ToResult(l, r => TypedResults.Ok(r)))
            .RequireAuthorization().WithSummary("Marks a registered participant present, absent or excused (none clears); organisers, once the event has started (409 before).")
            .Produces<RegistrationDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        api.MapPost("/{id:guid}/materials", async (Guid id, MaterialInput input, HttpContext http, EventsService events, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await events.AddMaterialAsync(http.User.Actor(), id, input, ct)).ToResult(l, m => TypedResults.Created($"/api/v1/events/{id}/materials/{m.Id}", m)))
            .RequireAuthorization().WithSummary("Adds a material: a web address (url) or a published library item (libraryItem: slug or id).")
            .Produces<EventMaterialDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

        api.MapDelete("/{id:guid}/materials/{materialId:guid}", async (Guid id, Guid materialId, HttpContext http, EventsService events, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await events.RemoveMaterialAsync(http.User.Actor(), id, materialId, ct)).ToResult(l, _ => TypedResults.NoContent()))
            .RequireAuthorization().Produces(204).ProducesProblem(403).ProducesProblem(404);

        routes.MapGet("/events/{slug}.ics", async (string slug, string? lang, HttpContext http, EventsCalendar calendar, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var text = await calendar.EventFileAsync(http.User.Actor(), slug, lang, AccountApi.BaseUrl(http), ct);
            if (text is null) return l.Problem(404, "Problem.NotFound");
            http.Response.Headers.CacheControl = "private, no-cache";
            return Results.Text(text, EventsCalendar.ContentType);
        }).WithTags("Events").RequireRateLimiting(ApiSetup.ApiPolicy)
          .WithSummary("The event as an iCalendar file (RFC 5545), in the reader's language; the online link only for registered participants.");

        routes.MapGet("/calendar/{token}.ics", async (string token, HttpContext http, EventsCalendar calendar, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var text = await calendar.FeedAsync(token, AccountApi.BaseUrl(http), ct);
            if (text is null) return l.Problem(404, "Problem.NotFound");
            http.Response.Headers.CacheControl = "private, no-cache";
            return Results.Text(text, EventsCalendar.ContentType);
        }).WithTags("Events").RequireRateLimiting(ApiSetup.ApiPolicy)
          .WithSummary("A user's calendar feed: the events they are registered or waiting for. The token is the secret; a regenerated one replaces it.");
    }
}
