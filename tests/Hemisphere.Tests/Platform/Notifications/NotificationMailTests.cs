using System.Net;
using System.Net.Http.Json;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Notifications;
using Hemisphere.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Hemisphere.Tests.Platform.Notifications;

/// <summary>Immediate mail, daily and weekly digests, and one-click unsubscribe.</summary>
[Collection(AppsCollection.Name)]
public sealed class NotificationMailTests(Apps apps)
{
    /// <summary>Notifies through the public C# API, as a feature would, optionally back-dating the notification.</summary>
    public static async Task<Guid> NotifyAsync(HemisphereApp app, Guid userId, string kind, string key, DateTimeOffset? createdAt = null, params string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HemisphereDb>();
        var n = scope.ServiceProvider.GetRequiredService<Notifier>().Notify(userId, kind, "/library/some-item", key, args);
        n.ActorName = args.FirstOrDefault();
        if (createdAt is { } at) n.CreatedAt = at;
        await db.SaveChangesAsync();
        return n.Id;
    }

    public static async Task<int> SendDigestsAsync(HemisphereApp app, DateTimeOffset now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DigestService>().SendDueAsync(now);
    }

    public static async Task<List<MimeMessage>> MailsToAsync(HemisphereApp app, string to)
    {
        var result = new List<(DateTime, MimeMessage)>();
        if (!Directory.Exists(app.MailFolder)) return [];
        foreach (var file in Directory.GetFiles(app.MailFolder, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
                result.Add((File.GetLastWriteTimeUtc(file), message));
        }
        return result.OrderBy(r => r.Item1).Select(r => r.Item2).ToList();
    }

    /// <summary>Waits until exactly <paramref name="count"/> mails reached the address (and no more arrive for a moment).</summary>
    public static async Task<List<MimeMessage>> WaitForMailsAsync(HemisphereApp app, string to, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline && (await MailsToAsync(app, to)).Count < count) await Task.Delay(100);
        await app.WaitForOutboxDrainedAsync();
        var mails = await MailsToAsync(app, to);
        Assert.True(mails.Count == count, $"Expected {count} mails to {to}, got {mails.Count}: " + string.Join(" | ", mails.Select(m => m.Subject)));
        return mails;
    }

    /// <summary>A Tuesday at the digest hour, comfortably in the future and distinct per test.</summary>
    private static DateTimeOffset Tuesday(int weeksAhead)
    {
        var day = DateTimeOffset.UtcNow.Date.AddDays(7 * weeksAhead);
        while (day.DayOfWeek != DayOfWeek.Tuesday) day = day.AddDays(1);
        return new DateTimeOffset(day, TimeSpan.Zero).AddHours(6);
    }

    private static string UnsubscribePath(MimeMessage mail)
    {
        var header = mail.Headers["List-Unsubscribe"];
        Assert.False(string.IsNullOrEmpty(header), "no List-Unsubscribe header");
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var url = new Uri(header.Trim('<', '>'));
        Assert.Equal("/notifications/unsubscribe", url.AbsolutePath);
        return url.PathAndQuery;
    }

    private static Task<HttpResponseMessage> OneClickAsync(HttpClient anonymous, string path) =>
        anonymous.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));

    private static async Task<Dictionary<string, string>> PreferencesAsync(HttpClient client)
    {
        var json = await (await client.GetAsync("/api/v1/notifications/preferences")).JsonAsync();
        return json.GetProperty("preferences").EnumerateArray().ToDictionary(p => p.GetProperty("kind").GetString()!, p => p.GetProperty("delivery").GetString()!);
    }

    [Theory, BothProviders]
    public async Task A_mention_is_mailed_at_once_in_the_recipients_language(DatabaseProvider provider)
    {
        var app = apps[provider];
        var user = await app.CreateUserAsync(HemisphereRole.Learner, language: "es");
        var topic = "Patrullaje " + Guid.NewGuid().ToString("N")[..6];
        await NotifyAsync(app, user.Id, NotificationKinds.ForumMention, "Notification.ForumMention", null, "Rosa", topic);

        var mail = Assert.Single(await WaitForMailsAsync(app, user.Email, 1));
        Assert.Equal($"Hemisphere: Rosa le mencionó en «{topic}»", mail.Subject);
        Assert.Contains("/open", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Dejar de recibir estos correos", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Rosa le mencionó en «{topic}»", mail.HtmlBody, StringComparison.Ordinal);
        UnsubscribePath(mail);
        var stored = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.UserId == user.Id));
        Assert.NotNull(stored.EmailedAt);
        Assert.Null(stored.DigestedAt);

        // A digest does not repeat what was mailed already.
        await SendDigestsAsync(app, Tuesday(30).AddMinutes(30));
        await WaitForMailsAsync(app, user.Email, 1);
    }

    [Theory, BothProviders]
    public async Task A_daily_digest_lists_exactly_the_new_notifications_once_in_Spanish(DatabaseProvider provider)
    {
        var app = apps[provider];
        var user = await app.CreateUserAsync(HemisphereRole.Learner, language: "es");
        var client = await app.ClientForAsync(user);
        var put = await client.PutAsJsonAsync("/api/v1/notifications/preferences", new
        {
            preferences = new[] { new { kind = "library.review", delivery = "never" }, new { kind = "forum.reply", delivery = "daily" } },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var day = Tuesday(40);

        // The first digest (Monday) carries what came before it.
        await NotifyAsync(app, user.Id, NotificationKinds.ForumPost, "Notification.ForumPost", day.AddDays(-2), "Ana", "Tema cero " + tag);
        await SendDigestsAsync(app, day.AddDays(-1).AddMinutes(30));
        var first = Assert.Single(await WaitForMailsAsync(app, user.Email, 1));
        Assert.Contains("Tema cero " + tag, first.TextBody, StringComparison.Ordinal);

        // Undigested but older than that digest (e.g. from when the kind was off): not in the next one.
        await NotifyAsync(app, user.Id, NotificationKinds.ForumReply, "Notification.ForumReply", day.AddDays(-1), "Viejo", "Tema rancio " + tag);
        var one = await NotifyAsync(app, user.Id, NotificationKinds.ForumPost, "Notification.ForumPost", day.AddHours(-6), "Luis", "Tema uno " + tag);
        var two = await NotifyAsync(app, user.Id, NotificationKinds.ForumReply, "Notification.ForumReply", day.AddHours(-3), "Eva", "Tema dos " + tag);
        var never = await NotifyAsync(app, user.Id, NotificationKinds.LibraryReview, "Notification.LibraryReview", day.AddHours(-2), "Manual " + tag);
        await NotifyAsync(app, user.Id, NotificationKinds.ForumMention, "Notification.ForumMention", day.AddHours(-1), "Rosa", "Tema tres " + tag);
        var late = await NotifyAsync(app, user.Id, NotificationKinds.ForumPost, "Notification.ForumPost", day.AddHours(1), "Tarde", "Tema tardío " + tag);
        await WaitForMailsAsync(app, user.Email, 2); // the first digest and the immediate mention

        await SendDigestsAsync(app, day.AddMinutes(30));
        var mails = await WaitForMailsAsync(app, user.Email, 3);
        var digest = mails.Single(m => m.Subject!.Contains("notificaciones nuevas", StringComparison.Ordinal) && (m.TextBody ?? "").Contains("Tema uno", StringComparison.Ordinal));
        Assert.Equal("Hemisphere: 2 notificaciones nuevas", digest.Subject);
        Assert.Contains($"Nuevo mensaje de Luis en «Tema uno {tag}»", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Eva respondió en «Tema dos {tag}»", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Nuevos mensajes en los temas que sigue", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Respuestas a sus mensajes", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hola, Test Learner", digest.TextBody, StringComparison.Ordinal);
        foreach (var absent in new[] { "Tema cero", "Tema rancio", "Manual", "Tema tres", "Tema tardío" })
            Assert.DoesNotContain(absent, digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("<h2>Nuevos mensajes en los temas que sigue</h2>", digest.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost/notifications/" + one.ToString("D"), digest.TextBody, StringComparison.Ordinal);

        var stored = await app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == user.Id).ToDictionaryAsync(n => n.Id));
        Assert.NotNull(stored[one].DigestedAt);
        Assert.NotNull(stored[two].DigestedAt);
        Assert.Null(stored[never].DigestedAt);
        Assert.Null(stored[late].DigestedAt);

        // Again the same day: nothing. The next day: what came after.
        await SendDigestsAsync(app, day.AddHours(2));
        await WaitForMailsAsync(app, user.Email, 3);
        await SendDigestsAsync(app, day.AddDays(1).AddMinutes(5));
        var next = (await WaitForMailsAsync(app, user.Email, 4)).Last();
        Assert.Equal("Hemisphere: 1 notificaciones nuevas", next.Subject);
        Assert.Contains("Tema tardío " + tag, next.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Tema uno", next.TextBody, StringComparison.Ordinal);

        // The digest's one-click unsubscribe turns every kind off.
        var anonymous = app.CreateClient();
        var response = await OneClickAsync(anonymous, UnsubscribePath(next));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All((await PreferencesAsync(client)).Values, d => Assert.Equal("never", d));
    }

    [Theory, BothProviders]
    public async Task A_weekly_digest_goes_out_on_Mondays_only(DatabaseProvider provider)
    {
        var app = apps[provider];
        var user = await app.CreateUserAsync(HemisphereRole.Editor, language: "fr");
        var tuesday = Tuesday(50);
        var title = "Guide " + Guid.NewGuid().ToString("N")[..6];
        await NotifyAsync(app, user.Id, NotificationKinds.LibraryReview, "Notification.LibraryReview", tuesday.AddHours(-1), title);

        await SendDigestsAsync(app, tuesday.AddMinutes(30));
        await SendDigestsAsync(app, tuesday.AddDays(3).AddMinutes(30));
        Assert.Empty(await MailsToAsync(app, user.Email));

        var monday = tuesday.AddDays(6);
        Assert.Equal(DayOfWeek.Monday, monday.DayOfWeek);
        await SendDigestsAsync(app, monday.AddMinutes(-30)); // before the hour
        await SendDigestsAsync(app, monday.AddMinutes(30));
        var mail = Assert.Single(await WaitForMailsAsync(app, user.Email, 1));
        Assert.Equal("Hemisphere : 1 nouvelles notifications", mail.Subject);
        Assert.Contains($"« {title} » attend votre relecture", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Documents de la bibliothèque en attente de votre relecture", mail.TextBody, StringComparison.Ordinal);
        await SendDigestsAsync(app, monday.AddHours(3));
        await WaitForMailsAsync(app, user.Email, 1);
    }

    [Theory, BothProviders]
    public async Task An_unsubscribe_link_works_once_without_signing_in_and_cannot_be_forged(DatabaseProvider provider)
    {
        var app = apps[provider];
        var user = await app.CreateUserAsync(HemisphereRole.Learner);
        var client = await app.ClientForAsync(user);
        await NotifyAsync(app, user.Id, NotificationKinds.ForumMention, "Notification.ForumMention", null, "Rosa", "Topic");
        var mail = Assert.Single(await WaitForMailsAsync(app, user.Email, 1));
        var path = UnsubscribePath(mail);
        var token = Uri.UnescapeDataString(path[(path.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        var anonymous = app.CreateClient();

        // Tampered or forged tokens: a clear 400 page, nothing changed.
        var tampered = token[..^6] + (token[^6] == 'A' ? 'B' : 'A') + token[^5..];
        foreach (var bad in new[] { tampered, "forged-" + Guid.NewGuid().ToString("N"), "" })
        {
            var get = await anonymous.GetAsync("/notifications/unsubscribe?token=" + Uri.EscapeDataString(bad));
            Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
            Assert.Contains("not valid", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var post = await OneClickAsync(anonymous, "/notifications/unsubscribe?token=" + Uri.EscapeDataString(bad));
            Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        }
        Assert.Equal("immediately", (await PreferencesAsync(client))["forum.mention"]);

        // The confirmation page, then the form's POST (no sign-in, no antiforgery token: the link is the credential).
        var page = await anonymous.GetStringAsync(path);
        Assert.Contains("Stop receiving e-mails about Mentions of you in the forums?", page, StringComparison.Ordinal);
        Assert.Equal("immediately", (await PreferencesAsync(client))["forum.mention"]);
        var done = await anonymous.PostAsync("/notifications/unsubscribe", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("you will no longer receive e-mails about Mentions of you in the forums", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var prefs = await PreferencesAsync(client);
        Assert.Equal("never", prefs["forum.mention"]);
        Assert.Equal("daily", prefs["forum.reply"]);

        // Used once: a second use (page or one-click) says so and changes nothing.
        Assert.Contains("already been used", await anonymous.GetStringAsync(path), StringComparison.Ordinal);
        await client.PutAsJsonAsync("/api/v1/notifications/preferences", new { preferences = new[] { new { kind = "forum.mention", delivery = "immediately" } } });
        var again = await OneClickAsync(anonymous, path);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already been used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("immediately", (await PreferencesAsync(client))["forum.mention"]);

        // A mention now that the user is back to "immediately" is mailed; with "never" it is not.
        await NotifyAsync(app, user.Id, NotificationKinds.ForumMention, "Notification.ForumMention", null, "Rosa", "Topic 2");
        await WaitForMailsAsync(app, user.Email, 2);
    }
}
