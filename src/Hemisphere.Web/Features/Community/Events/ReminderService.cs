using System.Globalization;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Localization;
using Hemisphere.Platform.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Hemisphere.Features.Community.Events;

/// <summary>
/// Sends each registered participant one reminder, Events:ReminderLeadHours before the start, in
/// their language, with the time in the event's zone, the place or the link, and the .ics link.
/// Each reminder is claimed with a conditional update (ReminderSentAt still null) in the same
/// transaction as its mail in the outbox, so several nodes never send the same reminder twice.
/// </summary>
public sealed class ReminderService(HemisphereDb db, Mailer mailer, IConfiguration config, IOptions<EventsOptions> options, IStringLocalizer<SharedResource> l)
{
    /// <summary>Queues the reminders due at this time and answers how many.</summary>
    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var horizon = now + TimeSpan.FromHours(options.Value.ReminderLeadHours);
        var due = await (from r in db.Set<EventRegistration>().AsNoTracking()
                         join e in db.Set<Event>().AsNoTracking() on r.EventId equals e.Id
                         where r.Status == RegistrationStatus.Registered && r.ReminderSentAt == null
                               && e.Status == EventStatus.Published && e.StartsAt > now && e.StartsAt <= horizon
                         orderby e.StartsAt
                         select r.Id).Take(500).ToListAsync(ct);
        var sent = 0;
        var baseUrl = EventsCalendar.PublicBaseUrl(config);
        foreach (var id in due)
        {
            // One unit per reminder: the claim and the mail commit together or not at all.
            var strategy = db.Database.CreateExecutionStrategy();
            if (await strategy.ExecuteAsync(() => SendOneAsync(id, now, baseUrl, ct))) sent++;
        }
        return sent;
    }

    private async Task<bool> SendOneAsync(Guid id, DateTimeOffset now, string baseUrl, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Set<EventRegistration>()
            .Where(r => r.Id == id && r.ReminderSentAt == null && r.Status == RegistrationStatus.Registered)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReminderSentAt, now), ct);
        if (claimed == 0) return false;
        var registration = await db.Set<EventRegistration>().AsNoTracking().FirstAsync(r => r.Id == id, ct);
        var e = await db.Set<Event>().AsNoTracking().FirstAsync(x => x.Id == registration.EventId, ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == registration.UserId, ct);
        if (user?.Email is { Length: > 0 } email)
        {
            using (CultureScope.Use(user.PreferredLanguage))
            {
                var language = Languages.Normalize(user.PreferredLanguage);
                var (title, _) = EventsService.Pick(e.Title, language);
                var local = EventTime.Local(e.StartsAt, e.TimeZone);
                var where = new List<string>();
                var place = string.Join(", ", new[] { e.Venue, e.Address, e.City }.Where(s => !string.IsNullOrWhiteSpace(s)));
                if (place.Length > 0) where.Add(l["Events.Mail.Place", place]);
                if (e.OnlineUrl is not null) where.Add(l["Events.Mail.Link", e.OnlineUrl]);
                var body = l["Events.Mail.Reminder.Body", user.DisplayName, title, EventTime.Describe(e, CultureInfo.CurrentCulture),
                    string.Join("\n", where), $"{baseUrl}/events/{e.Slug}.ics?lang={language}", $"{baseUrl}/events/{e.Slug}"];
                mailer.Enqueue(new MailMessage(email, l["Events.Mail.Reminder.Subject", title, local.ToString("g", CultureInfo.CurrentCulture)], body));
            }
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return true;
    }
}

/// <summary>Runs <see cref="ReminderService"/> every Events:ReminderInterval.</summary>
public sealed class EventReminderWorker(IServiceScopeFactory scopes, TimeProvider clock, IOptions<EventsOptions> options, ILogger<EventReminderWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReminderInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var sent = await scope.ServiceProvider.GetRequiredService<ReminderService>().SendDueAsync(clock.GetUtcNow(), stoppingToken);
                    if (sent > 0) log.LogInformation("Queued {Count} event reminders", sent);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Event reminder pass failed; trying again later");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
