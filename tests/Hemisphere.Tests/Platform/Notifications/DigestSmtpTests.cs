using System.Net;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Notifications;
using Hemisphere.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Tests.Platform.Notifications;

/// <summary>The digest through the real SMTP path (MailKit) into a local sink, with the configured public address in its links.</summary>
public sealed class DigestSmtpTests
{
    [Fact]
    public async Task A_daily_digest_reaches_an_SMTP_server_in_the_users_language_with_a_working_unsubscribe_link()
    {
        await using var sink = new SmtpSink();
        var file = Path.Combine(Path.GetTempPath(), "hemisphere-smtp-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        await using var app = new HemisphereApp(DatabaseProvider.Sqlite, Apps.SqliteConnectionString(file), new Dictionary<string, string?>
        {
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:SmtpSecurity"] = "none",
            ["Mail:From"] = "Hemisphere <no-reply@hemisphere.example>",
            ["Hemisphere:PublicUrl"] = "https://hemisphere.example/",
            ["Notifications:DigestHourUtc"] = "7",
        });
        await app.InitializeAsync();
        var user = await app.CreateUserAsync(HemisphereRole.Learner, language: "pt");
        var day = new DateTimeOffset(DateTimeOffset.UtcNow.Date.AddDays(20), TimeSpan.Zero).AddHours(7);
        if (day.DayOfWeek == DayOfWeek.Monday) day = day.AddDays(1);
        await NotificationMailTests.NotifyAsync(app, user.Id, NotificationKinds.ForumPost, "Notification.ForumPost", day.AddHours(-5), "João", "Policiamento comunitário");
        await NotificationMailTests.NotifyAsync(app, user.Id, NotificationKinds.ForumReply, "Notification.ForumReply", day.AddHours(-4), "Ana", "Prevenção");

        Assert.Equal(0, await NotificationMailTests.SendDigestsAsync(app, day.AddMinutes(-1))); // before the configured hour
        Assert.Equal(1, await NotificationMailTests.SendDigestsAsync(app, day.AddMinutes(1)));
        var mail = await sink.WaitForAsync(user.Email);

        Assert.Equal("Hemisphere: 2 novas notificações", mail.Subject);
        Assert.Contains("Nova mensagem de João em “Policiamento comunitário”", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Ana respondeu em “Prevenção”", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Nova mensagem de João em “Policiamento comunitário”", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://hemisphere.example/notifications/", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var link = new Uri(mail.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        Assert.Equal("hemisphere.example", link.Host);
        Assert.Single(sink.Received);

        // One-click, as a mail client does it: every kind off; the same link again is refused as used.
        var anonymous = app.CreateClient();
        var body = new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" };
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync(link.PathAndQuery, new FormUrlEncodedContent(body))).StatusCode);
        Assert.Contains("já foi usado", await (await anonymous.PostAsync(link.PathAndQuery + "&lang=pt", new FormUrlEncodedContent(body))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var prefs = await app.WithDbAsync(db => db.NotificationPreferences.Where(p => p.UserId == user.Id).ToListAsync());
        Assert.All(prefs, p => Assert.Equal(NotificationDelivery.Never, p.Delivery));
        Assert.Contains(prefs, p => p.Kind == NotificationKinds.AllKinds);
        try { File.Delete(file); } catch (IOException) { }
    }
}
