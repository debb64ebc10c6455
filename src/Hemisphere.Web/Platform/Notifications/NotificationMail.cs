using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Localization;
using Hemisphere.Platform.Mail;
using Hemisphere.Platform.Outbox;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Hemisphere.Platform.Notifications;

public sealed class NotificationOptions
{
    /// <summary>The hour (UTC, 0–23) from which the day's digests go out; weekly digests on Mondays.</summary>
    public int DigestHourUtc { get; set; } = 6;
    /// <summary>Whether this node runs the digest loop (each run is safe with several nodes).</summary>
    public bool RunDigests { get; set; } = true;
    /// <summary>How often the digest loop looks for due digests.</summary>
    public TimeSpan DigestPollInterval { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>How long an unsubscribe link works.</summary>
    public int UnsubscribeLinkDays { get; set; } = 60;
    /// <summary>Notifications created this long before the previous digest (committed late) still go in the next one.</summary>
    public TimeSpan DigestGrace { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>The site's public address for links in mail written outside a request.</summary>
public sealed class PublicAddress(IConfiguration config, IServiceProvider services)
{
    public string Base()
    {
        var configured = config["Hemisphere:PublicUrl"];
        if (!string.IsNullOrWhiteSpace(configured)) return configured.TrimEnd('/');
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return "http://localhost";
        return address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }
}

/// <summary>Renders a notification's text in the current UI culture.</summary>
public static class NotificationText
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Plain(IStringLocalizer l, Notification n) => Format(l[n.Key].Value, n.ArgumentList());

    public static string HtmlText(IStringLocalizer l, Notification n) =>
        Format(Html.Encode(l[n.Key].Value), n.ArgumentList().Select(a => Html.Encode(a)).ToArray());

    public static string Encode(string text) => Html.Encode(text);

    private static string Format(string template, string[] args)
    {
        try { return string.Format(CultureInfo.CurrentCulture, template, args); }
        catch (FormatException) { return template; }
    }
}

/// <summary>Signed, time-limited, single-use unsubscribe links that work without signing in.</summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection, IOptions<NotificationOptions> options, TimeProvider clock)
{
    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Hemisphere.Notifications.Unsubscribe.v1").ToTimeLimitedDataProtector();

    /// <summary>A token for one kind, or <see cref="NotificationKinds.AllKinds"/> for every notification e-mail.</summary>
    public string Create(Guid userId, string kind)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{userId:N}|{kind}|{nonce}"),
            clock.GetUtcNow().AddDays(options.Value.UnsubscribeLinkDays));
    }

    /// <summary>Reads a token; null when it is forged, altered or expired.</summary>
    public UnsubscribeRequest? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000) return null;
        string text;
        try { text = _protector.Unprotect(token, out _); }
        catch (CryptographicException) { return null; }
        catch (FormatException) { return null; }
        var parts = text.Split('|');
        if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out var user)) return null;
        if (parts[1] != NotificationKinds.AllKinds && !NotificationKinds.IsKnown(parts[1])) return null;
        return new UnsubscribeRequest(user, parts[1], parts[2]);
    }

    /// <summary>
    /// Loads (or creates) the data-protection key ring now: with SQLite, creating it later, while a
    /// digest transaction holds the write lock, would wait for that very lock.
    /// </summary>
    public void EnsureKeys() => _protector.Protect("warm-up", clock.GetUtcNow().AddMinutes(1));

    public string Url(string baseUrl, Guid userId, string kind) =>
        baseUrl + "/notifications/unsubscribe?token=" + Uri.EscapeDataString(Create(userId, kind));
}

public sealed record UnsubscribeRequest(Guid UserId, string Kind, string Nonce);

/// <summary>The recipient of a notification mail.</summary>
public sealed record NotificationRecipient(Guid Id, string Email, string DisplayName, string Language);

/// <summary>Writes notification mail (one notification, or a digest) in the recipient's language.</summary>
public sealed class NotificationMails(IStringLocalizer<SharedResource> l, UnsubscribeTokens tokens, PublicAddress address)
{
    public MailMessage Immediate(NotificationRecipient to, Notification n)
    {
        using var _ = CultureScope.Use(to.Language);
        var baseUrl = address.Base();
        var open = baseUrl + OpenPath(n);
        var unsubscribe = tokens.Url(baseUrl, to.Id, n.Kind);
        var settings = baseUrl + "/notifications/preferences";
        var plain = NotificationText.Plain(l, n);
        var text = new StringBuilder()
            .AppendLine(plain).AppendLine()
            .AppendLine(l["Notifications.Mail.Open", open]).AppendLine()
            .AppendLine("-- ")
            .AppendLine(l["Notifications.Mail.Why", NotificationKindLabel(n.Kind)])
            .AppendLine(l["Notifications.Mail.Settings", settings])
            .AppendLine(l["Notifications.Mail.Unsubscribe", unsubscribe]);
        var html = new StringBuilder()
            .Append("<p>").Append(NotificationText.HtmlText(l, n)).Append("</p>")
            .Append("<p><a href=\"").Append(Attr(open)).Append("\">").Append(E(l["Notifications.Mail.OpenLink"])).Append("</a></p>")
            .Append("<hr><p><small>").Append(E(l["Notifications.Mail.Why", NotificationKindLabel(n.Kind)]))
            .Append(" <a href=\"").Append(Attr(settings)).Append("\">").Append(E(l["Notifications.Mail.SettingsLink"])).Append("</a>")
            .Append(" · <a href=\"").Append(Attr(unsubscribe)).Append("\">").Append(E(l["Notifications.Mail.UnsubscribeLink"])).Append("</a></small></p>");
        return new MailMessage(to.Email, l["Notifications.Mail.Subject", plain], text.ToString(), Page(html.ToString(), to.Language), UnsubscribeHeaders(unsubscribe));
    }

    public MailMessage Digest(NotificationRecipient to, IReadOnlyList<Notification> items)
    {
        using var _ = CultureScope.Use(to.Language);
        var baseUrl = address.Base();
        var settings = baseUrl + "/notifications/preferences";
        var unsubscribeAll = tokens.Url(baseUrl, to.Id, NotificationKinds.AllKinds);
        var text = new StringBuilder().AppendLine(l["Notifications.Digest.Intro", to.DisplayName]).AppendLine();
        var html = new StringBuilder().Append("<p>").Append(E(l["Notifications.Digest.Intro", to.DisplayName])).Append("</p>");
        foreach (var group in items.GroupBy(n => n.Kind, StringComparer.Ordinal).OrderBy(g => Order(g.Key)))
        {
            var label = NotificationKindLabel(group.Key);
            var unsubscribe = tokens.Url(baseUrl, to.Id, group.Key);
            text.AppendLine(label).AppendLine(new string('=', Math.Min(60, label.Length)));
            html.Append("<h2>").Append(E(label)).Append("</h2><ul>");
            foreach (var n in group.OrderBy(n => n.CreatedAt))
            {
                var open = baseUrl + OpenPath(n);
                text.Append("- ").AppendLine(NotificationText.Plain(l, n)).Append("  ").AppendLine(open);
                html.Append("<li><a href=\"").Append(Attr(open)).Append("\">").Append(NotificationText.HtmlText(l, n)).Append("</a></li>");
            }
            text.AppendLine(l["Notifications.Digest.UnsubscribeKind", label, unsubscribe]).AppendLine();
            html.Append("</ul><p><small><a href=\"").Append(Attr(unsubscribe)).Append("\">")
                .Append(E(l["Notifications.Digest.UnsubscribeKindLink", label])).Append("</a></small></p>");
        }
        text.AppendLine("-- ")
            .AppendLine(l["Notifications.Mail.Settings", settings])
            .AppendLine(l["Notifications.Digest.UnsubscribeAll", unsubscribeAll]);
        html.Append("<hr><p><small><a href=\"").Append(Attr(settings)).Append("\">").Append(E(l["Notifications.Mail.SettingsLink"])).Append("</a>")
            .Append(" · <a href=\"").Append(Attr(unsubscribeAll)).Append("\">").Append(E(l["Notifications.Digest.UnsubscribeAllLink"])).Append("</a></small></p>");
        var subject = l["Notifications.Digest.Subject", items.Count.ToString("N0", CultureInfo.CurrentCulture)];
        return new MailMessage(to.Email, subject, text.ToString(), Page(html.ToString(), to.Language), UnsubscribeHeaders(unsubscribeAll));
    }

    public static string OpenPath(Notification n) => $"/notifications/{n.Id:D}/open";

    private string NotificationKindLabel(string kind)
    {
        var label = l[NotificationKinds.LabelKey(kind)];
        return label.ResourceNotFound ? kind : label.Value;
    }

    private static int Order(string kind)
    {
        var i = NotificationKinds.All.ToList().IndexOf(kind);
        return i < 0 ? int.MaxValue : i;
    }

    /// <summary>RFC 2369 and RFC 8058: mail clients offer a one-click unsubscribe that POSTs to the link.</summary>
    private static Dictionary<string, string> UnsubscribeHeaders(string url) => new(StringComparer.Ordinal)
    {
        ["List-Unsubscribe"] = "<" + url + ">",
        ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
    };

    private static string E(string text) => NotificationText.Encode(text);

    private static string Attr(string url) => WebUtility.HtmlEncode(url);

    private static string Page(string body, string language) =>
        $"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"></head><body>{body}</body></html>";
}

/// <summary>
/// After a notification commits, mails it to recipients who want its kind immediately (their
/// preference as it is then). Idempotent: a notification already mailed or digested is skipped.
/// </summary>
public sealed class ImmediateMailHandler(HemisphereDb db, NotificationMails mails, Mailer mailer, TimeProvider clock) : IOutboxHandler
{
    public const string Kind = "notifications.immediate";

    public sealed record Payload(Guid[] Ids);

    string IOutboxHandler.Kind => Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var ids = System.Text.Json.JsonSerializer.Deserialize<Payload>(message.Payload)?.Ids ?? [];
        if (ids.Length == 0) return;
        var items = await db.Notifications.Where(n => ids.Contains(n.Id) && n.EmailedAt == null && n.DigestedAt == null).ToListAsync(ct);
        if (items.Count == 0) return;
        var userIds = items.Select(n => n.UserId).Distinct().ToList();
        var prefs = (await db.NotificationPreferences.AsNoTracking().Where(p => userIds.Contains(p.UserId)).ToListAsync(ct))
            .GroupBy(p => p.UserId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, NotificationDelivery>)g.ToDictionary(p => p.Kind, p => p.Delivery, StringComparer.Ordinal));
        var recipients = await NotificationRecipients.LoadAsync(db, userIds, ct);
        var now = clock.GetUtcNow();
        var empty = new Dictionary<string, NotificationDelivery>();
        foreach (var n in items)
        {
            if (NotificationKinds.Effective(prefs.GetValueOrDefault(n.UserId, empty), n.Kind) != NotificationDelivery.Immediately) continue;
            if (!recipients.TryGetValue(n.UserId, out var to)) continue;
            n.EmailedAt = now;
            mailer.Enqueue(mails.Immediate(to, n));
        }
        await db.SaveChangesAsync(ct);
    }
}

internal static class NotificationRecipients
{
    /// <summary>Users who can receive mail: a confirmed address.</summary>
    public static async Task<Dictionary<Guid, NotificationRecipient>> LoadAsync(HemisphereDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.EmailConfirmed && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredLanguage }).ToListAsync(ct))
        .ToDictionary(u => u.Id, u => new NotificationRecipient(u.Id, u.Email!, u.DisplayName, u.PreferredLanguage));
}

/// <summary>
/// Sends digests: each day from <see cref="NotificationOptions.DigestHourUtc"/>, one mail per user with
/// the undigested notifications of the kinds they want daily (and on Mondays weekly), created since
/// their previous digest of that cadence. A per-user row is claimed with a conditional update in the
/// same transaction that marks the notifications digested and queues the mail, so two nodes never
/// send the same digest and a notification goes out at most once.
/// </summary>
public sealed class DigestService(HemisphereDb db, NotificationMails mails, UnsubscribeTokens tokens, Mailer mailer, IOptions<NotificationOptions> options, ILogger<DigestService> log)
{
    /// <summary>Sends the digests due at <paramref name="now"/>; answers how many mails were queued.</summary>
    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var now0 = now.ToUniversalTime();
        var slot = new DateTimeOffset(now0.UtcDateTime.Date, TimeSpan.Zero).AddHours(Math.Clamp(options.Value.DigestHourUtc, 0, 23));
        if (now0 < slot) return 0;
        var mondays = slot.DayOfWeek == DayOfWeek.Monday;
        var users = await db.Notifications.AsNoTracking()
            .Where(n => n.DigestedAt == null && n.EmailedAt == null && n.CreatedAt <= now0)
            .Select(n => n.UserId).Distinct().ToListAsync(ct);
        var sent = 0;
        foreach (var user in users)
        {
            try
            {
                if (await SendToAsync(user, slot, mondays, now0, ct)) sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogWarning(e, "Digest for user {User} failed; it will be tried again on the next run", user);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return sent;
    }

    private async Task<bool> SendToAsync(Guid userId, DateTimeOffset slot, bool mondays, DateTimeOffset now, CancellationToken ct)
    {
        var state = await db.NotificationDigestStates.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, ct);
        if (state is null)
        {
            try
            {
                db.NotificationDigestStates.Add(new NotificationDigestState { UserId = userId });
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node added it first.
            }
            db.ChangeTracker.Clear();
            state = await db.NotificationDigestStates.AsNoTracking().FirstAsync(s => s.UserId == userId, ct);
        }
        var prevDaily = state.LastDailyAt;
        var prevWeekly = state.LastWeeklyAt;
        var dailyDue = prevDaily is null || prevDaily < slot;
        var weeklyDue = mondays && (prevWeekly is null || prevWeekly < slot);
        if (!dailyDue && !weeklyDue) return false;

        tokens.EnsureKeys();
        // PostgreSQL retries transient failures: the whole transaction is the unit to retry.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            DateTimeOffset? newDaily = dailyDue ? now : prevDaily;
            DateTimeOffset? newWeekly = weeklyDue ? now : prevWeekly;
            var claimed = await db.NotificationDigestStates
                .Where(s => s.UserId == userId && s.LastDailyAt == prevDaily && s.LastWeeklyAt == prevWeekly)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastDailyAt, newDaily).SetProperty(x => x.LastWeeklyAt, newWeekly), token);
            if (claimed == 0) return false;

            var prefs = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId)
                .ToDictionaryAsync(p => p.Kind, p => p.Delivery, StringComparer.Ordinal, token);
            var pending = await db.Notifications
                .Where(n => n.UserId == userId && n.DigestedAt == null && n.EmailedAt == null && n.CreatedAt <= now)
                .OrderBy(n => n.CreatedAt).ToListAsync(token);
            var grace = options.Value.DigestGrace;
            var items = pending.Where(n => NotificationKinds.Effective(prefs, n.Kind) switch
            {
                NotificationDelivery.Daily => dailyDue && (prevDaily is null || n.CreatedAt > prevDaily.Value - grace),
                NotificationDelivery.Weekly => weeklyDue && (prevWeekly is null || n.CreatedAt > prevWeekly.Value - grace),
                _ => false,
            }).ToList();
            var recipients = await NotificationRecipients.LoadAsync(db, [userId], token);
            var send = items.Count > 0 && recipients.ContainsKey(userId);
            if (send)
            {
                foreach (var n in items) n.DigestedAt = now;
                mailer.Enqueue(mails.Digest(recipients[userId], items));
                await db.SaveChangesAsync(token);
            }
            await tx.CommitAsync(token);
            return send;
        }, ct);
    }
}

/// <summary>Runs <see cref="DigestService.SendDueAsync"/> every few minutes.</summary>
public sealed class DigestWorker(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<DigestWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunDigests) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DigestService>().SendDueAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Digest run failed; trying again later");
            }
            try { await Task.Delay(options.Value.DigestPollInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
