using System.Globalization;
using System.Text;
using Hemisphere.Features.Directory;
using Hemisphere.Features.Library;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Localization;
using Hemisphere.Platform.Mail;
using Hemisphere.Platform.Search;
using Hemisphere.Platform.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Hemisphere.Features.Community.Events;

public sealed class EventsOptions
{
    /// <summary>How long before the start participants get their reminder.</summary>
    public double ReminderLeadHours { get; set; } = 24;

    /// <summary>How often the reminder job looks for due reminders.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest an event may last.</summary>
    public int MaxDurationDays { get; set; } = 31;
}

/// <summary>
/// The rules of events: writing and publishing them, registration with a seat limit and a waiting
/// list, attendance and materials. Registrations are safe under concurrency: each change to an
/// event's registrations increments <see cref="Event.RegistrationVersion"/>, a concurrency token, so
/// two requests that counted the same free seat cannot both commit; the one that loses retries.
/// </summary>
public sealed class EventsService(
    HemisphereDb db,
    AuditLog audit,
    Mailer mailer,
    TimeProvider clock,
    IConfiguration config,
    IOptions<EventsOptions> options,
    IStringLocalizer<SharedResource> l)
{
    private DbSet<Event> Events => db.Set<Event>();
    private DbSet<EventRegistration> Registrations => db.Set<EventRegistration>();

    private static readonly string[] ReservedSlugs = ["new", "mine", "calendar-feed"];

    // ---------- reading ----------

    public async Task<Event?> FindAsync(string idOrSlug, CancellationToken ct)
    {
        var q = Events.Include(e => e.Materials);
        return Guid.TryParse(idOrSlug, out var id)
            ? await q.FirstOrDefaultAsync(e => e.Id == id, ct)
            : await q.FirstOrDefaultAsync(e => e.Slug == idOrSlug.ToLowerInvariant(), ct);
    }

    /// <summary>The event as this actor may see it (in their language), or null when they may not see it.</summary>
    public async Task<EventDto?> GetAsync(Actor actor, string idOrSlug, string? language, CancellationToken ct)
    {
        var e = await FindAsync(idOrSlug, ct);
        return e is null || !EventsPolicy.CanSee(actor, e) ? null : await ToDtoAsync(actor, e, language, ct);
    }

    public async Task<Page<EventSummaryDto>> ListAsync(Actor actor, EventFilter filter, string? language, PageRequest page, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var q = Visible(actor, filter.IncludeDrafts);
        if (EventNames.TryParse<EventKind>(filter.Kind, out var kind)) q = q.Where(e => e.Kind == kind);
        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var c = filter.Country.Trim().ToUpperInvariant();
            q = q.Where(e => e.CountryCode == c);
        }
        q = filter.Past ? q.Where(e => e.EndsAt < now) : q.Where(e => e.EndsAt >= now);
        var total = await q.CountAsync(ct);
        var ordered = filter.Past ? q.OrderByDescending(e => e.StartsAt) : q.OrderBy(e => e.StartsAt);
        var events = await ordered.ThenBy(e => e.Id).Skip(page.Skip).Take(page.Size).Include(e => e.Materials).AsSplitQuery().ToListAsync(ct);
        var counts = await CountsAsync(events.Select(e => e.Id).ToList(), ct);
        return new Page<EventSummaryDto>(events.Select(e => ToSummary(e, language, counts)).ToList(), total, page.Number, page.Size);
    }

    /// <summary>Published and cancelled events the actor may see; with drafts, also the drafts they manage.</summary>
    private IQueryable<Event> Visible(Actor actor, bool includeDrafts)
    {
        var q = Events.AsNoTracking();
        if (!actor.IsSignedIn) q = q.Where(e => e.Visibility == EventVisibility.Public);
        if (!includeDrafts || !EventsPolicy.CanCreate(actor)) return q.Where(e => e.Status != EventStatus.Draft);
        if (actor.IsAdministrator || actor.HasGlobalRole(HemisphereRole.Editor)) return q;
        // Other organisers see their own drafts; the policy is checked again on each event.
        var me = actor.UserId;
        var institutions = actor.InstitutionsWhere(HemisphereRole.InstitutionManager).Cast<Guid?>().ToList();
        return q.Where(e => e.Status != EventStatus.Draft || e.OrganiserUserId == me || institutions.Contains(e.OrganiserInstitutionId));
    }

    /// <summary>The caller's registrations (not cancelled ones), soonest first, with their event.</summary>
    public async Task<IReadOnlyList<(EventSummaryDto Event, MyRegistrationDto Registration)>> MineAsync(Actor actor, string? language, CancellationToken ct)
    {
        if (actor.UserId is not { } me) return [];
        var mine = await Registrations.AsNoTracking().Where(r => r.UserId == me && r.Status != RegistrationStatus.Cancelled).ToListAsync(ct);
        var ids = mine.Select(r => r.EventId).ToList();
        var events = await Events.AsNoTracking().Include(e => e.Materials).Where(e => ids.Contains(e.Id)).ToListAsync(ct);
        var counts = await CountsAsync(ids, ct);
        var result = new List<(EventSummaryDto, MyRegistrationDto)>();
        foreach (var e in events.Where(e => EventsPolicy.CanSee(actor, e)).OrderBy(e => e.StartsAt))
            result.Add((ToSummary(e, language, counts), await MyRegistrationAsync(e.Id, mine.First(r => r.EventId == e.Id), ct)));
        return result;
    }

    // ---------- writing ----------

    public async Task<Outcome<EventDto>> CreateAsync(Actor actor, EventInput input, CancellationToken ct)
    {
        if (!EventsPolicy.CanCreate(actor)) return Outcome<EventDto>.Forbidden();
        var v = new Validation(l);
        var e = new Event { OrganiserUserId = actor.UserId, Status = EventStatus.Draft, CreatedAt = clock.GetUtcNow() };
        await ApplyAsync(actor, v, e, input, ct);
        string? slug = null;
        if (!string.IsNullOrWhiteSpace(input.Slug))
        {
            slug = input.Slug.Trim().ToLowerInvariant();
            if (slug.Length > EventLimits.Slug || !IsSlug(slug)) v.Add("slug", "Events.InvalidSlug");
            else if (await Events.AnyAsync(x => x.Slug == slug, ct)) v.Add("slug", "Events.SlugTaken");
        }
        if (!v.IsValid) return Outcome<EventDto>.Invalid(v.Errors);
        e.Slug = slug ?? await UniqueSlugAsync(e.Title.For("en"), ct);
        e.UpdatedAt = clock.GetUtcNow();
        Events.Add(e);
        await db.SaveChangesAsync(ct);
        return Outcome<EventDto>.Ok(await ToDtoAsync(actor, e, null, ct));
    }

    /// <summary>Replaces the event's details. Raising the capacity promotes people from the waiting list;
    /// lowering it below the registrations keeps everyone registered (nobody is demoted).</summary>
    public Task<Outcome<EventDto>> UpdateAsync(Actor actor, Guid id, EventInput input, CancellationToken ct) =>
        ChangeAsync(actor, id, "event.update", async (e, v) =>
        {
            var startsAt = e.StartsAt;
            await ApplyAsync(actor, v, e, input, ct);
            if (!v.IsValid) return Outcome<EventDto>.Invalid(v.Errors);
            if (e.StartsAt != startsAt)
            {
                // A new date: participants get a reminder for it.
                foreach (var r in await Registrations.Where(r => r.EventId == e.Id && r.ReminderSentAt != null).ToListAsync(ct)) r.ReminderSentAt = null;
            }
            var promoted = await PromoteAsync(e, null, ct);
            if (promoted.Count > 0)
            {
                e.RegistrationVersion++;
                await MailAsync(e, promoted, "Events.Mail.Promoted.Subject", "Events.Mail.Promoted.Body", ct);
            }
            return null;
        }, ct);

    public Task<Outcome<EventDto>> PublishAsync(Actor actor, Guid id, CancellationToken ct) =>
        ChangeAsync(actor, id, "event.publish", (e, v) =>
        {
            if (e.Status != EventStatus.Draft) return Task.FromResult<Outcome<EventDto>?>(Outcome<EventDto>.Conflict(l["Events.WrongStatus", l["Events.Status." + e.Status.Slug()]]));
            e.Status = EventStatus.Published;
            return Task.FromResult<Outcome<EventDto>?>(null);
        }, ct);

    /// <summary>Cancels the event; those registered or waiting are told by e-mail. Calendars show it as cancelled.</summary>
    public Task<Outcome<EventDto>> CancelAsync(Actor actor, Guid id, CancellationToken ct) =>
        ChangeAsync(actor, id, "event.cancel", async (e, v) =>
        {
            if (e.Status == EventStatus.Cancelled) return Outcome<EventDto>.Conflict(l["Events.WrongStatus", l["Events.Status.cancelled"]]);
            var wasPublished = e.Status == EventStatus.Published;
            e.Status = EventStatus.Cancelled;
            if (wasPublished)
            {
                var people = await Registrations.AsNoTracking().Where(r => r.EventId == e.Id && r.Status != RegistrationStatus.Cancelled).Select(r => r.UserId).ToListAsync(ct);
                await MailAsync(e, people, "Events.Mail.Cancelled.Subject", "Events.Mail.Cancelled.Body", ct);
            }
            return null;
        }, ct);

    private async Task<Outcome<EventDto>> ChangeAsync(Actor actor, Guid id, string action, Func<Event, Validation, Task<Outcome<EventDto>?>> change, CancellationToken ct)
    {
        var e = await Events.Include(x => x.Materials).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null || !EventsPolicy.CanSee(actor, e)) return Outcome<EventDto>.NotFound();
        if (!EventsPolicy.CanEdit(actor, e)) return Outcome<EventDto>.Forbidden();
        var from = e.Status;
        var refused = await change(e, new Validation(l));
        if (refused is not null) return refused;
        e.Sequence++;
        e.UpdatedAt = clock.GetUtcNow();
        if (action != "event.update") audit.Record(action, nameof(Event), e.Id.ToString(), new { from = from.Slug(), to = e.Status.Slug() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<EventDto>.Conflict(l["Events.ChangedMeanwhile"]);
        }
        return Outcome<EventDto>.Ok(await ToDtoAsync(actor, e, null, ct));
    }

    private async Task ApplyAsync(Actor actor, Validation v, Event e, EventInput input, CancellationToken ct)
    {
        e.Title = Texts(v, "title", input.Title, EventLimits.Title, required: true);
        e.Description = Texts(v, "description", input.Description, EventLimits.Description);

        if (!EventNames.TryParse<EventKind>(input.Kind, out var kind)) v.Add("kind", string.IsNullOrWhiteSpace(input.Kind) ? "Validation.Required" : "Validation.InvalidValue");
        e.Kind = kind;

        var visibility = EventVisibility.Public;
        if (!string.IsNullOrWhiteSpace(input.Visibility) && !EventNames.TryParse(input.Visibility, out visibility)) v.Add("visibility", "Validation.InvalidValue");
        e.Visibility = visibility;

        var zone = (input.TimeZone ?? "").Trim();
        if (zone.Length == 0) v.Add("timeZone", "Validation.Required");
        else if (EventTime.Normalise(zone) is { } iana) e.TimeZone = iana;
        else v.Add("timeZone", "Events.UnknownTimeZone", zone.Length > 64 ? zone[..64] : zone);

        if (input.StartsAt is not { } starts) v.Add("startsAt", "Validation.Required");
        else e.StartsAt = starts.ToUniversalTime();
        if (input.EndsAt is not { } ends) v.Add("endsAt", "Validation.Required");
        else e.EndsAt = ends.ToUniversalTime();
        if (input.StartsAt is not null && input.EndsAt is not null)
        {
            if (e.EndsAt <= e.StartsAt) v.Add("endsAt", "Events.EndBeforeStart");
            else if (e.EndsAt - e.StartsAt > TimeSpan.FromDays(options.Value.MaxDurationDays)) v.Add("endsAt", "Events.TooLongEvent", options.Value.MaxDurationDays);
        }

        if (e.Kind is EventKind.InPerson or EventKind.Hybrid || !string.IsNullOrWhiteSpace(input.CountryCode))
        {
            e.Venue = v.Text("venue", input.Venue, EventLimits.Place);
            e.Address = v.Text("address", input.Address, EventLimits.Place);
            e.City = v.Text("city", input.City, EventLimits.Place, required: e.Kind != EventKind.Webinar);
            var country = (input.CountryCode ?? "").Trim().ToUpperInvariant();
            if (country.Length == 0)
            {
                if (e.Kind != EventKind.Webinar) v.Add("countryCode", "Validation.Required");
                e.CountryCode = null;
            }
            else if (!MemberStateCatalogue.IsCode(country)) v.Add("countryCode", "Validation.UnknownCountry", country.Length > 8 ? country[..8] : country);
            else e.CountryCode = country;
        }
        else
        {
            e.Venue = e.Address = e.City = e.CountryCode = null;
        }
        e.OnlineUrl = e.Kind == EventKind.InPerson ? null : v.Url("onlineUrl", input.OnlineUrl, EventLimits.Url);
        if (e.Kind == EventKind.InPerson && !string.IsNullOrWhiteSpace(input.OnlineUrl) && !Validation.IsWebAddress(input.OnlineUrl.Trim()))
            v.Add("onlineUrl", "Validation.InvalidUrl");

        if (input.Capacity is { } capacity && capacity < 1) v.Add("capacity", "Events.CapacityPositive");
        else if (input.Capacity > EventLimits.MaxCapacity) v.Add("capacity", "Events.CapacityTooLarge", EventLimits.MaxCapacity);
        e.Capacity = input.Capacity;

        e.RegistrationOpensAt = input.RegistrationOpensAt?.ToUniversalTime();
        e.RegistrationClosesAt = input.RegistrationClosesAt?.ToUniversalTime();
        if (e.RegistrationOpensAt is { } o && e.RegistrationClosesAt is { } c && c <= o) v.Add("registrationClosesAt", "Events.ClosesBeforeOpens");
        if (e.RegistrationClosesAt is { } closes && input.EndsAt is not null && closes > e.EndsAt) v.Add("registrationClosesAt", "Events.ClosesAfterEnd");

        if (input.OrganiserInstitutionId is { } institution)
        {
            if (!await db.Institutions.AnyAsync(i => i.Id == institution, ct)) v.Add("organiserInstitutionId", "Validation.UnknownInstitution");
            else if (institution != e.OrganiserInstitutionId && !EventsPolicy.CanOrganiseFor(actor, institution)) v.Add("organiserInstitutionId", "Events.NotYourInstitution");
        }
        else if (!EventsPolicy.MayOmitInstitution(actor) && e.OrganiserInstitutionId is null) v.Add("organiserInstitutionId", "Validation.Required");
        if (input.OrganiserInstitutionId is not null || EventsPolicy.MayOmitInstitution(actor)) e.OrganiserInstitutionId = input.OrganiserInstitutionId;
    }

    private static LocalizedText Texts(Validation v, string field, EventText? t, int max, bool required = false) =>
        v.Localized(field, t?.En, t?.Es, t?.Pt, t?.Fr, max, required);

    // ---------- registration ----------

    /// <summary>
    /// Registers the caller: a seat while there are seats and nobody waits, else a place on the
    /// waiting list. Registering again answers the existing place.
    /// </summary>
    public async Task<Outcome<MyRegistrationDto>> RegisterAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.UserId is not { } me) return Outcome<MyRegistrationDto>.Forbidden();
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var e = await Events.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (e is null || !EventsPolicy.CanSee(actor, e)) return Outcome<MyRegistrationDto>.NotFound();
            var now = clock.GetUtcNow();
            var mine = await Registrations.FirstOrDefaultAsync(r => r.EventId == id && r.UserId == me, ct);
            if (mine is { Status: not RegistrationStatus.Cancelled }) return Outcome<MyRegistrationDto>.Ok(await MyRegistrationAsync(id, mine, ct));
            if (!EventsPolicy.RegistrationOpen(e, now)) return Outcome<MyRegistrationDto>.Conflict(l["Events.RegistrationClosed"]);
            var registered = await Registrations.CountAsync(r => r.EventId == id && r.Status == RegistrationStatus.Registered, ct);
            var waiting = await Registrations.AnyAsync(r => r.EventId == id && r.Status == RegistrationStatus.Waitlisted, ct);
            var status = e.Capacity is not { } capacity || (registered < capacity && !waiting) ? RegistrationStatus.Registered : RegistrationStatus.Waitlisted;
            if (mine is null)
            {
                mine = new EventRegistration { EventId = id, UserId = me };
                db.Add(mine);
            }
            mine.Status = status;
            mine.RegisteredAt = now;
            mine.CancelledAt = null;
            mine.Attendance = null;
            mine.ReminderSentAt = null;
            e.RegistrationVersion++;
            if (await TrySaveAsync(attempt, ct)) return Outcome<MyRegistrationDto>.Ok(await MyRegistrationAsync(id, mine, ct));
        }
    }

    /// <summary>Cancels the caller's place; a freed seat goes to the first on the waiting list.</summary>
    public async Task<Outcome<MyRegistrationDto>> CancelRegistrationAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.UserId is not { } me) return Outcome<MyRegistrationDto>.Forbidden();
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var e = await Events.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (e is null || !EventsPolicy.CanSee(actor, e)) return Outcome<MyRegistrationDto>.NotFound();
            var mine = await Registrations.FirstOrDefaultAsync(r => r.EventId == id && r.UserId == me && r.Status != RegistrationStatus.Cancelled, ct);
            if (mine is null) return Outcome<MyRegistrationDto>.NotFound();
            var now = clock.GetUtcNow();
            if (now >= e.StartsAt) return Outcome<MyRegistrationDto>.Conflict(l["Events.AlreadyStarted"]);
            mine.Status = RegistrationStatus.Cancelled;
            mine.CancelledAt = now;
            e.RegistrationVersion++;
            // The mail to those promoted is queued in the outbox with the change: both commit or neither.
            await MailAsync(e, await PromoteAsync(e, mine.Id, ct), "Events.Mail.Promoted.Subject", "Events.Mail.Promoted.Body", ct);
            if (await TrySaveAsync(attempt, ct)) return Outcome<MyRegistrationDto>.Ok(await MyRegistrationAsync(id, mine, ct));
        }
    }

    /// <summary>Moves people from the waiting list to free seats, first come first served; answers who moved.</summary>
    private async Task<List<Guid>> PromoteAsync(Event e, Guid? cancelling, CancellationToken ct)
    {
        var registered = await Registrations.CountAsync(r => r.EventId == e.Id && r.Status == RegistrationStatus.Registered && r.Id != cancelling, ct);
        var free = e.Capacity is { } capacity ? capacity - registered : int.MaxValue;
        if (free <= 0) return [];
        var next = await Registrations.Where(r => r.EventId == e.Id && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id).Take(Math.Min(free, 10_000)).ToListAsync(ct);
        foreach (var r in next) r.Status = RegistrationStatus.Registered;
        return next.Select(r => r.UserId).ToList();
    }


    /// <summary>Saves; on a lost race (another registration changed the event first) answers false to retry.</summary>
    private async Task<bool> TrySaveAsync(int attempt, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException) when (attempt < MaxAttempts)
        {
            // DbUpdateConcurrencyException (the version moved), or the unique (event, user) index when
            // the same person registered twice at once. Wait a little, with jitter, and read again.
            await Task.Delay(Random.Shared.Next(2, 10 + 10 * Math.Min(attempt, 20)), ct);
            return false;
        }
    }

    private const int MaxAttempts = 100;

    // ---------- organisers: registrations, attendance, materials ----------

    public async Task<Outcome<IReadOnlyList<RegistrationDto>>> RegistrationsAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var e = await Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null || !EventsPolicy.CanSee(actor, e)) return Outcome<IReadOnlyList<RegistrationDto>>.NotFound();
        if (!EventsPolicy.CanEdit(actor, e)) return Outcome<IReadOnlyList<RegistrationDto>>.Forbidden();
        var rows = await (from r in Registrations.AsNoTracking()
                          join u in db.Users.AsNoTracking() on r.UserId equals u.Id
                          where r.EventId == id
                          orderby r.RegisteredAt, r.Id
                          select new { r, u.DisplayName, u.Email }).ToListAsync(ct);
        var position = 0;
        return Outcome<IReadOnlyList<RegistrationDto>>.Ok(rows
            .Select(x => new RegistrationDto(x.r.Id, x.r.UserId, x.DisplayName, x.Email, x.r.Status.Slug(),
                x.r.Status == RegistrationStatus.Waitlisted ? ++position : null, x.r.RegisteredAt, x.r.Attendance?.Slug(), x.r.ReminderSentAt))
            .OrderBy(x => x.Status == "registered" ? 0 : x.Status == "waitlisted" ? 1 : 2).ThenBy(x => x.RegisteredAt).ToList());
    }

    /// <summary>Marks a registered participant present, absent or excused ("none" clears), once the event has started.</summary>
    public async Task<Outcome<RegistrationDto>> MarkAttendanceAsync(Actor actor, Guid id, AttendanceInput input, CancellationToken ct)
    {
        var e = await Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null || !EventsPolicy.CanSee(actor, e)) return Outcome<RegistrationDto>.NotFound();
        if (!EventsPolicy.CanEdit(actor, e)) return Outcome<RegistrationDto>.Forbidden();
        var v = new Validation(l);
        if (input.UserId is null) v.Add("userId", "Validation.Required");
        Attendance? attendance = null;
        var text = (input.Attendance ?? "").Trim();
        if (text.Length == 0) v.Add("attendance", "Validation.Required");
        else if (!string.Equals(text, "none", StringComparison.OrdinalIgnoreCase))
        {
            if (EventNames.TryParse<Attendance>(text, out var a)) attendance = a;
            else v.Add("attendance", "Validation.InvalidValue");
        }
        if (!v.IsValid) return Outcome<RegistrationDto>.Invalid(v.Errors);
        if (!EventsPolicy.AttendanceOpen(e, clock.GetUtcNow())) return Outcome<RegistrationDto>.Conflict(l["Events.NotStartedYet"]);
        var r = await Registrations.FirstOrDefaultAsync(x => x.EventId == id && x.UserId == input.UserId && x.Status == RegistrationStatus.Registered, ct);
        if (r is null) return Outcome<RegistrationDto>.NotFound();
        r.Attendance = attendance;
        await db.SaveChangesAsync(ct);
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == r.UserId, ct);
        return Outcome<RegistrationDto>.Ok(new RegistrationDto(r.Id, r.UserId, user.DisplayName, user.Email, r.Status.Slug(), null, r.RegisteredAt, r.Attendance?.Slug(), r.ReminderSentAt));
    }

    /// <summary>Adds a material: a web address, or a published library item (by slug or id).</summary>
    public async Task<Outcome<EventMaterialDto>> AddMaterialAsync(Actor actor, Guid id, MaterialInput input, CancellationToken ct)
    {
        var e = await Events.Include(x => x.Materials).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null || !EventsPolicy.CanSee(actor, e)) return Outcome<EventMaterialDto>.NotFound();
        if (!EventsPolicy.CanEdit(actor, e)) return Outcome<EventMaterialDto>.Forbidden();
        var v = new Validation(l);
        var title = v.Text("title", input.Title, EventLimits.Title);
        var url = v.Url("url", input.Url, EventLimits.Url);
        LibraryItem? item = null;
        var reference = string.IsNullOrWhiteSpace(input.LibraryItem) ? null : input.LibraryItem.Trim();
        if (reference is not null)
        {
            var lower = reference.ToLowerInvariant();
            item = Guid.TryParse(reference, out var itemId)
                ? await db.LibraryItems.Include(i => i.Versions).FirstOrDefaultAsync(i => i.Id == itemId, ct)
                : await db.LibraryItems.Include(i => i.Versions).FirstOrDefaultAsync(i => i.Slug == lower, ct);
            if (item is null || !item.IsPublicAt(clock.GetUtcNow())) v.Add("libraryItem", "Events.UnknownLibraryItem");
        }
        if (url is null && reference is null) v.Add("url", "Events.UrlOrLibraryItem");
        if (url is not null && reference is not null) v.Add("libraryItem", "Events.UrlOrLibraryItem");
        if (title is null && item is null) v.Add("title", "Validation.Required");
        if (e.Materials.Count >= EventLimits.Materials) v.Add("url", "Validation.TooMany", EventLimits.Materials);
        if (!v.IsValid) return Outcome<EventMaterialDto>.Invalid(v.Errors);
        var material = new EventMaterial
        {
            EventId = e.Id,
            Title = title ?? LibraryService.Pick(item!, null).Title,
            Url = item is null ? url : null,
            LibraryItemId = item?.Id,
            Order = e.Materials.Count == 0 ? 1 : e.Materials.Max(m => m.Order) + 1,
            AddedAt = clock.GetUtcNow(),
        };
        db.Add(material);
        e.Materials.Add(material);
        e.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome<EventMaterialDto>.Ok(ToDto(material, item?.Slug));
    }

    public async Task<Outcome<bool>> RemoveMaterialAsync(Actor actor, Guid id, Guid materialId, CancellationToken ct)
    {
        var e = await Events.Include(x => x.Materials).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null || !EventsPolicy.CanSee(actor, e)) return Outcome<bool>.NotFound();
        var material = e.Materials.FirstOrDefault(m => m.Id == materialId);
        if (material is null) return Outcome<bool>.NotFound();
        if (!EventsPolicy.CanEdit(actor, e)) return Outcome<bool>.Forbidden();
        e.Materials.Remove(material);
        db.Remove(material);
        e.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    // ---------- mail ----------

    /// <summary>Queues one mail per person, in their language, with the time in the event's zone.</summary>
    private async Task MailAsync(Event e, IReadOnlyCollection<Guid> userIds, string subjectKey, string bodyKey, CancellationToken ct)
    {
        if (userIds.Count == 0) return;
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToListAsync(ct);
        var baseUrl = EventsCalendar.PublicBaseUrl(config);
        foreach (var user in users.Where(u => !string.IsNullOrWhiteSpace(u.Email)))
        {
            using (CultureScope.Use(user.PreferredLanguage))
            {
                var title = e.Title.For(user.PreferredLanguage);
                mailer.Enqueue(new MailMessage(user.Email!, l[subjectKey, title],
                    l[bodyKey, user.DisplayName, title, EventTime.Describe(e, CultureInfo.CurrentCulture), $"{baseUrl}/events/{e.Slug}"]));
            }
        }
    }

    // ---------- shapes ----------

    private sealed record Counts(int Registered, int Waitlisted);

    private async Task<Dictionary<Guid, Counts>> CountsAsync(List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await Registrations.AsNoTracking().Where(r => ids.Contains(r.EventId) && r.Status != RegistrationStatus.Cancelled)
            .GroupBy(r => new { r.EventId, r.Status }).Select(g => new { g.Key.EventId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        return ids.ToDictionary(id => id, id => new Counts(
            rows.Where(r => r.EventId == id && r.Status == RegistrationStatus.Registered).Sum(r => r.Count),
            rows.Where(r => r.EventId == id && r.Status == RegistrationStatus.Waitlisted).Sum(r => r.Count)));
    }

    private async Task<MyRegistrationDto> MyRegistrationAsync(Guid eventId, EventRegistration mine, CancellationToken ct)
    {
        int? position = null;
        if (mine.Status == RegistrationStatus.Waitlisted)
        {
            var queue = await Registrations.AsNoTracking().Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Waitlisted)
                .OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
            position = queue.IndexOf(mine.Id) + 1;
        }
        return new MyRegistrationDto(mine.Status.Slug(), position, mine.RegisteredAt, mine.Attendance?.Slug());
    }

    public static string Language(string? language) =>
        Languages.Normalize(string.IsNullOrWhiteSpace(language) ? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName : language);

    /// <summary>The text in the reader's language when it exists, else English, else any; and which language that is.</summary>
    public static (string Text, string Language) Pick(LocalizedText text, string language) =>
        text.Exactly(language) is { } exact ? (exact, language)
        : text.Exactly("en") is { } en ? (en, "en")
        : text.Languages().FirstOrDefault() is { } any ? (text.Exactly(any)!, any)
        : ("", language);

    public async Task<EventDto> ToDtoAsync(Actor actor, Event e, string? language, CancellationToken ct)
    {
        var lang = Language(language);
        var (title, titleLanguage) = Pick(e.Title, lang);
        var description = e.Description.Exactly(titleLanguage) ?? Pick(e.Description, lang).Text;
        var counts = (await CountsAsync([e.Id], ct))[e.Id];
        MyRegistrationDto? my = null;
        RegistrationStatus? myStatus = null;
        if (actor.UserId is { } me && await Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.EventId == e.Id && r.UserId == me, ct) is { } mine)
        {
            my = await MyRegistrationAsync(e.Id, mine, ct);
            myStatus = mine.Status;
        }
        var canEdit = EventsPolicy.CanEdit(actor, e);
        string? institution = null, organiser = null;
        if (e.OrganiserInstitutionId is { } i) institution = await db.Institutions.AsNoTracking().Where(x => x.Id == i).Select(x => x.Name).FirstOrDefaultAsync(ct);
        if (e.OrganiserUserId is { } u) organiser = await db.Users.AsNoTracking().Where(x => x.Id == u).Select(x => x.DisplayName).FirstOrDefaultAsync(ct);
        var itemIds = e.Materials.Where(m => m.LibraryItemId is not null).Select(m => m.LibraryItemId!.Value).ToList();
        var slugs = itemIds.Count == 0 ? [] : await db.LibraryItems.AsNoTracking().Where(x => itemIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Slug, ct);
        return new EventDto(e.Id, e.Slug, titleLanguage, title, description,
            canEdit ? new EventText(e.Title.Exactly("en"), e.Title.Exactly("es"), e.Title.Exactly("pt"), e.Title.Exactly("fr")) : null,
            e.Kind.Slug(), e.Status.Slug(), e.Visibility.Slug(), e.StartsAt, e.EndsAt, e.TimeZone,
            EventTime.Iso(e.StartsAt, e.TimeZone), EventTime.Iso(e.EndsAt, e.TimeZone),
            e.IsInPerson || e.CountryCode is not null ? new EventPlaceDto(e.Venue, e.Address, e.City, e.CountryCode) : null,
            EventsPolicy.SeesOnlineLink(actor, e, myStatus) ? e.OnlineUrl : null,
            e.OrganiserInstitutionId, institution, e.OrganiserUserId, organiser,
            e.Capacity, counts.Registered, counts.Waitlisted, e.Capacity is { } c ? Math.Max(0, c - counts.Registered) : null,
            e.RegistrationOpensAt, e.RegistrationClosesAt, EventsPolicy.RegistrationOpen(e, clock.GetUtcNow()),
            e.Sequence, my, canEdit,
            e.Materials.OrderBy(m => m.Order).Select(m => ToDto(m, m.LibraryItemId is { } li ? slugs.GetValueOrDefault(li) : null)).ToList(),
            "/events/" + e.Slug, "/events/" + e.Slug + ".ics");
    }

    private static EventSummaryDto ToSummary(Event e, string? language, Dictionary<Guid, Counts> counts)
    {
        var (title, lang) = Pick(e.Title, Language(language));
        return new EventSummaryDto(e.Id, e.Slug, lang, title, e.Kind.Slug(), e.Status.Slug(), e.Visibility.Slug(), e.StartsAt, e.EndsAt, e.TimeZone,
            EventTime.Iso(e.StartsAt, e.TimeZone), e.City, e.CountryCode, e.Capacity, counts.GetValueOrDefault(e.Id)?.Registered ?? 0, e.Materials.Count, "/events/" + e.Slug);
    }

    private static EventMaterialDto ToDto(EventMaterial m, string? librarySlug) =>
        new(m.Id, m.Title, m.LibraryItemId is not null ? "/library/" + librarySlug : m.Url ?? "", m.LibraryItemId, m.Order);

    private async Task<string> UniqueSlugAsync(string title, CancellationToken ct)
    {
        var stem = Slugs.From(title);
        if (stem.Length < 2 || ReservedSlugs.Contains(stem)) stem = ("event-" + stem).Trim('-');
        return await Slugs.UniqueAsync(stem, s => Events.AnyAsync(x => x.Slug == s, ct));
    }

    private static bool IsSlug(string s) => s.Length >= 2 && !ReservedSlugs.Contains(s) && !Guid.TryParse(s, out _) && Slugs.IsValid(s);
}
