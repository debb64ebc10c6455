using System.Security.Cryptography;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Mail;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hemisphere.Features.Community.Events;

/// <summary>
/// iCalendar (RFC 5545) files with Ical.Net: one per event, and a feed per user of the events
/// they registered for. The feed address carries a Data Protection–signed pair (user id, stamp);
/// regenerating the stamp makes every earlier address answer 404.
/// </summary>
public sealed class EventsCalendar(HemisphereDb db, TimeProvider clock, IDataProtectionProvider protection, IOptions<MailOptions> mail)
{
    public const string ContentType = "text/calendar; charset=utf-8";
    private IDataProtector Protector => protection.CreateProtector("Hemisphere.Events.CalendarFeed.v1");

    /// <summary>The site's public address (Hemisphere:PublicUrl), for links in mail and calendars written outside a request.</summary>
    public static string PublicBaseUrl(IConfiguration config) =>
        string.IsNullOrWhiteSpace(config["Hemisphere:PublicUrl"]) ? "http://localhost" : config["Hemisphere:PublicUrl"]!.TrimEnd('/');

    /// <summary>The .ics of one event as the actor may see it, in their language; null when they may not see it.</summary>
    public async Task<string?> EventFileAsync(Actor actor, string slug, string? language, string baseUrl, CancellationToken ct)
    {
        var e = await db.Set<Event>().AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug.ToLowerInvariant(), ct);
        if (e is null || !EventsPolicy.CanSee(actor, e)) return null;
        RegistrationStatus? mine = null;
        if (actor.UserId is { } me)
            mine = await db.Set<EventRegistration>().AsNoTracking().Where(r => r.EventId == e.Id && r.UserId == me).Select(r => (RegistrationStatus?)r.Status).FirstOrDefaultAsync(ct);
        return await WriteAsync([(e, EventsPolicy.SeesOnlineLink(actor, e, mine), mine == RegistrationStatus.Waitlisted)], EventsService.Language(language), baseUrl, null, ct);
    }

    /// <summary>The feed behind a token: the events its user is registered or waiting for, in their language; null for a wrong or old token.</summary>
    public async Task<string?> FeedAsync(string token, string baseUrl, CancellationToken ct)
    {
        if (await UserOfAsync(token, ct) is not { } userId) return null;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return null;
        var rows = await (from r in db.Set<EventRegistration>().AsNoTracking()
                          join e in db.Set<Event>().AsNoTracking() on r.EventId equals e.Id
                          where r.UserId == userId && r.Status != RegistrationStatus.Cancelled && e.Status != EventStatus.Draft
                          orderby e.StartsAt
                          select new { e, r.Status }).Take(1000).ToListAsync(ct);
        return await WriteAsync(rows.Select(x => (x.e, x.Status == RegistrationStatus.Registered, x.Status == RegistrationStatus.Waitlisted)).ToList(),
            Languages(user.PreferredLanguage), baseUrl, user.DisplayName, ct);
    }

    private static string Languages(string language) => Platform.Localization.Languages.Normalize(language);

    /// <summary>The caller's feed address, created on first use.</summary>
    public async Task<CalendarFeedDto?> FeedAddressAsync(Actor actor, string baseUrl, CancellationToken ct)
    {
        if (actor.UserId is not { } me) return null;
        var row = await db.Set<EventCalendarToken>().FirstOrDefaultAsync(t => t.UserId == me, ct);
        if (row is null)
        {
            row = new EventCalendarToken { UserId = me, Stamp = NewStamp(), CreatedAt = clock.GetUtcNow() };
            db.Add(row);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException)
            {
                // Created by a parallel request: use that one.
                db.ChangeTracker.Clear();
                row = await db.Set<EventCalendarToken>().AsNoTracking().FirstAsync(t => t.UserId == me, ct);
            }
        }
        return new CalendarFeedDto($"{baseUrl}/calendar/{Protector.Protect($"{me:N}.{row.Stamp}")}.ics", row.CreatedAt);
    }

    /// <summary>A new address for the caller's feed; the previous one stops working.</summary>
    public async Task<CalendarFeedDto?> RegenerateAsync(Actor actor, string baseUrl, CancellationToken ct)
    {
        if (actor.UserId is not { } me) return null;
        var row = await db.Set<EventCalendarToken>().FirstOrDefaultAsync(t => t.UserId == me, ct);
        if (row is null) return await FeedAddressAsync(actor, baseUrl, ct);
        row.Stamp = NewStamp();
        row.CreatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await FeedAddressAsync(actor, baseUrl, ct);
    }

    private async Task<Guid?> UserOfAsync(string token, CancellationToken ct)
    {
        if (token.Length is 0 or > 1000) return null;
        string payload;
        try { payload = Protector.Unprotect(token); }
        catch (CryptographicException) { return null; }
        var parts = payload.Split('.');
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var userId)) return null;
        var stamp = await db.Set<EventCalendarToken>().AsNoTracking().Where(t => t.UserId == userId).Select(t => t.Stamp).FirstOrDefaultAsync(ct);
        return stamp is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(stamp), System.Text.Encoding.ASCII.GetBytes(parts[1])) ? userId : null;
    }

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private async Task<string> WriteAsync(IReadOnlyList<(Event Event, bool ShowLink, bool Waitlisted)> events, string language, string baseUrl, string? calendarName, CancellationToken ct)
    {
        var host = Uri.TryCreate(baseUrl, UriKind.Absolute, out var u) ? u.Host : "hemisphere";
        var institutionIds = events.Where(x => x.Event.OrganiserInstitutionId is not null).Select(x => x.Event.OrganiserInstitutionId!.Value).Distinct().ToList();
        var institutions = institutionIds.Count == 0 ? [] : await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        var userIds = events.Where(x => x.Event.OrganiserUserId is not null).Select(x => x.Event.OrganiserUserId!.Value).Distinct().ToList();
        var organisers = userIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(x => userIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.DisplayName, ct);
        var organiserAddress = MimeKit.MailboxAddress.TryParse(mail.Value.From, out var from) ? from.Address : "no-reply@hemisphere.local";

        var calendar = new Calendar { ProductId = "-//Hemisphere//Events//EN", Method = "PUBLISH" };
        if (calendarName is not null) calendar.AddProperty("X-WR-CALNAME", "Hemisphere – " + calendarName);
        foreach (var zone in events.Select(x => x.Event.TimeZone).Distinct(StringComparer.Ordinal))
        {
            var earliest = events.Where(x => x.Event.TimeZone == zone).Min(x => x.Event.StartsAt);
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone, EventTime.Local(earliest, zone).DateTime.AddYears(-1), includeHistoricalData: false));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (e, showLink, waitlisted) in events)
        {
            var (title, titleLanguage) = EventsService.Pick(e.Title, language);
            var description = e.Description.Exactly(titleLanguage) ?? EventsService.Pick(e.Description, language).Text;
            var page = $"{baseUrl}/events/{e.Slug}";
            var link = showLink ? e.OnlineUrl : null;
            var text = string.Join("\n\n", new[] { description, link, page }.Where(s => !string.IsNullOrWhiteSpace(s)));
            var place = string.Join(", ", new[] { e.Venue, e.Address, e.City, e.CountryCode }.Where(s => !string.IsNullOrWhiteSpace(s)));
            var name = e.OrganiserInstitutionId is { } i && institutions.TryGetValue(i, out var iname) ? iname
                : e.OrganiserUserId is { } o && organisers.TryGetValue(o, out var oname) ? oname : "Hemisphere";
            var vevent = new CalendarEvent
            {
                Uid = $"{e.Id:D}@{host}",
                DtStamp = new CalDateTime(now, true),
                Created = new CalDateTime(e.CreatedAt.UtcDateTime, true),
                LastModified = new CalDateTime(e.UpdatedAt.UtcDateTime, true),
                DtStart = new CalDateTime(EventTime.Local(e.StartsAt, e.TimeZone).DateTime, e.TimeZone),
                DtEnd = new CalDateTime(EventTime.Local(e.EndsAt, e.TimeZone).DateTime, e.TimeZone),
                Summary = title,
                Description = text,
                Sequence = e.Sequence,
                Status = e.Status == EventStatus.Cancelled ? "CANCELLED" : waitlisted || e.Status == EventStatus.Draft ? "TENTATIVE" : "CONFIRMED",
                Url = new Uri(link ?? page),
                Organizer = new Organizer("mailto:" + organiserAddress) { CommonName = name },
                Class = e.Visibility == EventVisibility.Public ? "PUBLIC" : "PRIVATE",
            };
            if (place.Length > 0) vevent.Location = place;
            else if (link is not null) vevent.Location = link;
            calendar.Events.Add(vevent);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
