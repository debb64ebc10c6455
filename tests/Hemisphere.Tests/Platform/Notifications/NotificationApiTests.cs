using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Notifications;
using Hemisphere.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hemisphere.Tests.Platform.Notifications;

/// <summary>The bell, the list, marking read, preferences; each user only ever reaches their own.</summary>
[Collection(AppsCollection.Name)]
public sealed partial class NotificationApiTests(Apps apps)
{
    private static Task<Guid> NotifyAsync(HemisphereApp app, Guid user, string title) =>
        NotificationMailTests.NotifyAsync(app, user, NotificationKinds.LibraryReview, "Notification.LibraryReview", null, title);

    private static async Task<int> BellAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/library");
        var match = BellCount().Match(html);
        Assert.Contains("href=\"/notifications\" class=\"bell\"", html, StringComparison.Ordinal);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    [Theory, BothProviders]
    public async Task The_bell_the_list_and_marking_read_concern_only_the_callers_own(DatabaseProvider provider)
    {
        var app = apps[provider];
        var alice = await app.CreateUserAsync(HemisphereRole.Learner);
        var bob = await app.CreateUserAsync(HemisphereRole.Learner);
        var a = await app.ClientForAsync(alice);
        var b = await app.ClientForAsync(bob);
        var first = await NotifyAsync(app, alice.Id, "Manual A1");
        var second = await NotifyAsync(app, alice.Id, "Manual A2");
        var third = await NotifyAsync(app, alice.Id, "Manual A3");
        var bobs = await NotifyAsync(app, bob.Id, "Manual B1");

        var list = await (await a.GetAsync("/api/v1/notifications")).JsonAsync();
        Assert.Equal(3, list.GetProperty("total").GetInt32());
        Assert.Equal(3, list.GetProperty("unread").GetInt32());
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([third, second, first], items.Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal("“Manual A3” awaits your review", items[0].GetProperty("text").GetString());
        Assert.Equal("library.review", items[0].GetProperty("kind").GetString());
        Assert.True(items[0].GetProperty("unread").GetBoolean());
        var spanish = await (await a.GetAsync("/api/v1/notifications?lang=es&pageSize=1&page=2")).JsonAsync();
        Assert.Equal("«Manual A2» espera su revisión", Assert.Single(spanish.GetProperty("items").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(3, await BellAsync(a));

        // Another user's notification: not found, and untouched.
        await (await a.PostAsync($"/api/v1/notifications/{bobs}/read", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await a.PostAsync($"/api/v1/notifications/{Guid.NewGuid()}/read", null)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/notifications/{bobs}/open")).StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == bobs).Select(n => n.ReadAt).SingleAsync()));
        var bobsList = await (await b.GetAsync("/api/v1/notifications")).JsonAsync();
        Assert.Equal([bobs], bobsList.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/notifications")).StatusCode);

        var read = await (await a.PostAsync($"/api/v1/notifications/{first}/read", null)).JsonAsync();
        Assert.False(read.GetProperty("unread").GetBoolean());
        Assert.Equal(2, (await (await a.GetAsync("/api/v1/notifications")).JsonAsync()).GetProperty("unread").GetInt32());
        Assert.Equal(2, await BellAsync(a));

        // Opening one from the page marks it read and goes where it leads, on this site.
        var noRedirect = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        noRedirect.DefaultRequestHeaders.Authorization = a.DefaultRequestHeaders.Authorization;
        var open = await noRedirect.GetAsync($"/notifications/{second}/open");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal("/library/some-item", open.Headers.Location?.OriginalString);
        var page = await a.GetStringAsync("/notifications");
        Assert.Contains("Manual A3", page, StringComparison.Ordinal);
        Assert.Contains($"/notifications/{third:D}/open", page, StringComparison.Ordinal);
        Assert.Equal(1, await BellAsync(a));

        // Mark all read from the page; Bob's stay unread.
        var readAll = await a.PostFormAsync("/notifications?handler=ReadAll", new(), "/notifications");
        Assert.True(readAll.IsSuccessStatusCode, readAll.StatusCode.ToString());
        Assert.Equal(0, await BellAsync(a));
        Assert.Equal(1, await BellAsync(b));
        var viaApi = await (await b.PostAsync("/api/v1/notifications/read-all", null)).JsonAsync();
        Assert.Equal(1, viaApi.GetProperty("marked").GetInt32());
        Assert.Equal(0, await BellAsync(b));
    }

    [Theory, BothProviders]
    public async Task Preferences_accept_known_kinds_and_deliveries_only(DatabaseProvider provider)
    {
        var app = apps[provider];
        var user = await app.CreateUserAsync(HemisphereRole.Learner);
        var client = await app.ClientForAsync(user);
        var defaults = await (await client.GetAsync("/api/v1/notifications/preferences")).JsonAsync();
        var byKind = defaults.GetProperty("preferences").EnumerateArray().ToDictionary(p => p.GetProperty("kind").GetString()!);
        Assert.Equal("immediately", byKind["forum.mention"].GetProperty("delivery").GetString());
        Assert.Equal("daily", byKind["forum.reply"].GetProperty("delivery").GetString());
        Assert.Equal("weekly", byKind["library.review"].GetProperty("delivery").GetString());

        await (await client.PutAsJsonAsync("/api/v1/notifications/preferences", new { preferences = new[] { new { kind = "forum.unknown", delivery = "daily" } } }))
            .ValidationProblemAsync("preferences[0].kind");
        await (await client.PutAsJsonAsync("/api/v1/notifications/preferences", new { preferences = new[] { new { kind = "forum.reply", delivery = "never" }, new { kind = "forum.post", delivery = "hourly" } } }))
            .ValidationProblemAsync("preferences[1].delivery");
        await (await client.PutAsJsonAsync("/api/v1/notifications/preferences", new { preferences = Array.Empty<object>() })).ValidationProblemAsync("preferences");
        Assert.Equal(0, await app.WithDbAsync(db => db.NotificationPreferences.CountAsync(p => p.UserId == user.Id)));

        var saved = await client.PutAsJsonAsync("/api/v1/notifications/preferences", new { preferences = new[] { new { kind = "forum.reply", delivery = "Weekly" } } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("weekly", (await saved.JsonAsync()).GetProperty("preferences").EnumerateArray().Single(p => p.GetProperty("kind").GetString() == "forum.reply").GetProperty("delivery").GetString());

        // The page: a select per kind; a bad value is refused with 400 and nothing changes.
        var html = await client.GetStringAsync("/notifications/preferences");
        Assert.Contains("name=\"delivery[forum.mention]\"", html, StringComparison.Ordinal);
        var bad = await client.PostFormAsync("/notifications/preferences", new() { ["delivery[forum.mention]"] = "sometimes" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var ok = await client.PostFormAsync("/notifications/preferences", new() { ["delivery[forum.mention]"] = "never", ["delivery[forum.reply]"] = "daily" });
        Assert.True(ok.IsSuccessStatusCode, ok.StatusCode.ToString());
        var after = (await (await client.GetAsync("/api/v1/notifications/preferences")).JsonAsync()).GetProperty("preferences").EnumerateArray()
            .ToDictionary(p => p.GetProperty("kind").GetString()!, p => p.GetProperty("delivery").GetString());
        Assert.Equal("never", after["forum.mention"]);
        Assert.Equal("daily", after["forum.reply"]);

        // Another user is unaffected.
        var other = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var theirs = (await (await other.GetAsync("/api/v1/notifications/preferences")).JsonAsync()).GetProperty("preferences").EnumerateArray()
            .Single(p => p.GetProperty("kind").GetString() == "forum.mention");
        Assert.Equal("immediately", theirs.GetProperty("delivery").GetString());
    }

    [Theory, BothProviders]
    public async Task The_notifier_refuses_addresses_off_this_site_and_writes_nothing_without_the_callers_save(DatabaseProvider provider)
    {
        var app = apps[provider];
        var user = await app.CreateUserAsync(HemisphereRole.Learner);
        await using var scope = app.Services.CreateAsyncScope();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        foreach (var url in new[] { "//evil.example/x", "/\\evil.example", "https://evil.example/", "library", "" })
            Assert.Throws<ArgumentException>(() => notifier.Notify(user.Id, NotificationKinds.ForumReply, url, "Notification.ForumReply", "a", "b"));
        Assert.Throws<ArgumentException>(() => notifier.Notify(user.Id, "Not a kind", "/x", "Notification.ForumReply"));
        var many = notifier.NotifyMany([user.Id, user.Id], NotificationKinds.ForumReply, "/x", "Notification.ForumReply", "a", "b");
        Assert.Single(many);
        // Not saved by the caller: nothing is written.
        Assert.Equal(0, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == user.Id)));
        await scope.ServiceProvider.GetRequiredService<HemisphereDb>().SaveChangesAsync();
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == user.Id)));
    }

    [GeneratedRegex("class=\"bell\">[^<]*<span class=\"count\">(\\d+)")]
    private static partial Regex BellCount();
}
