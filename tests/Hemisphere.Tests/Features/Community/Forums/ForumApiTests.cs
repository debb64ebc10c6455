using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Tests.Features.Community.Forums;

[Collection(AppsCollection.Name)]
public sealed class ForumApiTests(Apps apps)
{
    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<string> CategoryAsync(HemisphereApp app, string access = "members")
    {
        var admin = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        var slug = Unique("cat");
        var response = await admin.PostAsJsonAsync("/api/v1/forums/categories", new { slug, name = new { en = "Category " + slug, es = "Categoría " + slug }, access });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return slug;
    }

    private static async Task<JsonElement> TopicAsync(HttpClient client, string slug, string title = "A topic", string body = "First post.")
    {
        var response = await client.PostAsJsonAsync($"/api/v1/forums/categories/{slug}/topics", new { title, body });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<JsonElement> ReplyAsync(HttpClient client, string topicId, string body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/forums/topics/{topicId}/posts", new { body });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<int> UnreadTopicsAsync(HttpClient client, string slug)
    {
        var list = await (await client.GetAsync("/api/v1/forums/categories")).JsonAsync();
        return list.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("slug").GetString() == slug).GetProperty("unreadTopics").GetInt32();
    }

    [Theory, BothProviders]
    public async Task A_private_category_does_not_exist_for_non_members(DatabaseProvider provider)
    {
        var app = apps[provider];
        var slug = await CategoryAsync(app, "private");
        var member = await app.CreateUserAsync(HemisphereRole.Learner);
        var moderator = await app.ClientForRoleAsync(HemisphereRole.Moderator);
        Assert.Equal(HttpStatusCode.NoContent, (await moderator.PutAsync($"/api/v1/forums/categories/{slug}/members/{member.Id}", null)).StatusCode);
        var memberClient = await app.ClientForAsync(member);
        var topic = await TopicAsync(memberClient, slug, "Cohort 2026: where do we meet?");
        var topicId = topic.GetProperty("id").GetString();

        var outsider = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var categoryAnswer = await outsider.GetAsync($"/api/v1/forums/categories/{slug}");
        await categoryAnswer.ProblemAsync(HttpStatusCode.NotFound);
        var topicAnswer = await outsider.GetAsync($"/api/v1/forums/topics/{topicId}");
        var body = await topicAnswer.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, topicAnswer.StatusCode);
        Assert.DoesNotContain("Cohort 2026", body, StringComparison.Ordinal);
        Assert.DoesNotContain((await (await outsider.GetAsync("/api/v1/forums/categories")).JsonAsync()).GetProperty("items").EnumerateArray(), c => c.GetProperty("slug").GetString() == slug);
        await (await outsider.PostAsJsonAsync($"/api/v1/forums/topics/{topicId}/posts", new { body = "let me in" })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync($"/api/v1/forums/topics/{topicId}")).StatusCode);
        await (await app.CreateClient().GetAsync($"/api/v1/forums/categories/{slug}")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, BothProviders]
    public async Task Unread_counts_follow_reading(DatabaseProvider provider)
    {
        var app = apps[provider];
        var slug = await CategoryAsync(app);
        var alice = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var bob = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var topic = await TopicAsync(alice, slug);
        var topicId = topic.GetProperty("id").GetString()!;
        Assert.Equal(0, await UnreadTopicsAsync(alice, slug));
        Assert.Equal(1, await UnreadTopicsAsync(bob, slug));

        var read = await (await bob.GetAsync($"/api/v1/forums/topics/{topicId}")).JsonAsync();
        Assert.True(read.GetProperty("posts").GetProperty("items")[0].GetProperty("unread").GetBoolean());
        Assert.Equal(0, await UnreadTopicsAsync(bob, slug));

        await ReplyAsync(alice, topicId, "Second post.");
        await ReplyAsync(alice, topicId, "Third post.");
        Assert.Equal(1, await UnreadTopicsAsync(bob, slug));
        var page = await (await bob.GetAsync($"/api/v1/forums/categories/{slug}")).JsonAsync();
        Assert.Equal(2, page.GetProperty("topics").GetProperty("items")[0].GetProperty("unread").GetInt32());
        var again = await (await bob.GetAsync($"/api/v1/forums/topics/{topicId}")).JsonAsync();
        Assert.Equal([false, true, true], again.GetProperty("posts").GetProperty("items").EnumerateArray().Select(p => p.GetProperty("unread").GetBoolean()));
        Assert.Equal(0, await UnreadTopicsAsync(bob, slug));
    }

    [Theory, BothProviders]
    public async Task Moderators_hide_lock_pin_move_and_merge_and_every_action_is_audited(DatabaseProvider provider)
    {
        var app = apps[provider];
        var slug = await CategoryAsync(app);
        var other = await CategoryAsync(app);
        var author = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var reader = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var moderator = await app.ClientForRoleAsync(HemisphereRole.Moderator);
        var topicId = (await TopicAsync(author, slug, "Spam or not?")).GetProperty("id").GetString()!;
        var post = await ReplyAsync(author, topicId, "Buy cheap things here.");
        var postId = post.GetProperty("id").GetString()!;

        // A member flags; the moderator sees it in the queue and hides the post.
        await (await reader.PostAsJsonAsync($"/api/v1/forums/posts/{postId}/flags", new { reason = "" })).ValidationProblemAsync("reason");
        Assert.Equal(HttpStatusCode.NoContent, (await reader.PostAsJsonAsync($"/api/v1/forums/posts/{postId}/flags", new { reason = "Advertising" })).StatusCode);
        await (await reader.PostAsJsonAsync($"/api/v1/forums/posts/{postId}/flags", new { reason = "Again" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await reader.GetAsync("/api/v1/forums/moderation")).ProblemAsync(HttpStatusCode.Forbidden);
        var queue = await (await moderator.GetAsync("/api/v1/forums/moderation")).JsonAsync();
        Assert.Contains(queue.GetProperty("flags").EnumerateArray(), f => f.GetProperty("postId").GetString() == postId);
        await (await reader.PostAsync($"/api/v1/forums/posts/{postId}/hide", null)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await moderator.PostAsync($"/api/v1/forums/posts/{postId}/hide", null)).StatusCode);
        var seen = await (await reader.GetAsync($"/api/v1/forums/topics/{topicId}")).JsonAsync();
        Assert.DoesNotContain(seen.GetProperty("posts").GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetString() == postId);
        Assert.Equal(HttpStatusCode.NoContent, (await moderator.PostAsync($"/api/v1/forums/posts/{postId}/restore", null)).StatusCode);

        // Locked: members cannot reply, moderators can.
        Assert.Equal(HttpStatusCode.NoContent, (await moderator.PostAsync($"/api/v1/forums/topics/{topicId}/lock", null)).StatusCode);
        await (await reader.PostAsJsonAsync($"/api/v1/forums/topics/{topicId}/posts", new { body = "late" })).ProblemAsync(HttpStatusCode.Conflict);
        await ReplyAsync(moderator, topicId, "Locked: see the new topic.");
        Assert.Equal(HttpStatusCode.NoContent, (await moderator.PostAsync($"/api/v1/forums/topics/{topicId}/pin", null)).StatusCode);
        var moved = await moderator.PostAsJsonAsync($"/api/v1/forums/topics/{topicId}/move", new { categoryId = (await (await moderator.GetAsync($"/api/v1/forums/categories/{other}")).JsonAsync()).GetProperty("category").GetProperty("id").GetString() });
        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        var inOther = await (await reader.GetAsync($"/api/v1/forums/categories/{other}")).JsonAsync();
        var first = inOther.GetProperty("topics").GetProperty("items")[0];
        Assert.Equal(topicId, first.GetProperty("id").GetString());
        Assert.True(first.GetProperty("pinned").GetBoolean());

        // Merge: the posts go to the target topic.
        var targetId = (await TopicAsync(author, other, "The real topic")).GetProperty("id").GetString()!;
        await (await moderator.PostAsJsonAsync($"/api/v1/forums/topics/{topicId}/merge", new { targetTopicId = Guid.NewGuid() })).ValidationProblemAsync("targetTopicId");
        Assert.Equal(HttpStatusCode.NoContent, (await moderator.PostAsJsonAsync($"/api/v1/forums/topics/{topicId}/merge", new { targetTopicId = targetId })).StatusCode);
        var merged = await (await reader.GetAsync($"/api/v1/forums/topics/{targetId}")).JsonAsync();
        Assert.Equal(4, merged.GetProperty("posts").GetProperty("total").GetInt32());

        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(e => EF.Functions.Like(e.Action, "forum.%") && (e.EntityId == topicId || e.EntityId == postId)).Select(e => e.Action).ToListAsync());
        foreach (var action in new[] { "forum.hide", "forum.restore", "forum.lock", "forum.pin", "forum.move", "forum.merge" }) Assert.Contains(action, actions);
    }

    [Theory, BothProviders]
    public async Task A_silenced_member_reads_but_cannot_post(DatabaseProvider provider)
    {
        var app = apps[provider];
        var slug = await CategoryAsync(app);
        var member = await app.CreateUserAsync(HemisphereRole.Learner);
        var client = await app.ClientForAsync(member);
        var topicId = (await TopicAsync(client, slug)).GetProperty("id").GetString()!;
        var moderator = await app.ClientForRoleAsync(HemisphereRole.Moderator);
        await (await moderator.PostAsJsonAsync("/api/v1/forums/silences", new { userId = member.Id, until = DateTimeOffset.UtcNow.AddMinutes(-5), reason = "x" })).ValidationProblemAsync("until");
        await (await client.PostAsJsonAsync("/api/v1/forums/silences", new { userId = member.Id, until = DateTimeOffset.UtcNow.AddDays(1), reason = "x" })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await moderator.PostAsJsonAsync("/api/v1/forums/silences", new { userId = member.Id, until = DateTimeOffset.UtcNow.AddDays(1), reason = "Insults" })).StatusCode);

        var refused = await (await client.PostAsJsonAsync($"/api/v1/forums/topics/{topicId}/posts", new { body = "I am back" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("silenced", refused.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        await (await client.PostAsJsonAsync($"/api/v1/forums/categories/{slug}/topics", new { title = "New", body = "x" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/forums/topics/{topicId}")).StatusCode);
        Assert.Contains("forum.silence", await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == member.Id.ToString()).Select(e => e.Action).ToListAsync()));
    }

    [Theory, BothProviders]
    public async Task Bad_posts_are_refused_and_nothing_is_saved(DatabaseProvider provider)
    {
        var app = apps[provider];
        var slug = await CategoryAsync(app);
        var member = await app.CreateUserAsync(HemisphereRole.Learner);
        var client = await app.ClientForAsync(member);
        var topicId = (await TopicAsync(client, slug)).GetProperty("id").GetString()!;
        var before = await app.WithDbAsync(db => db.ForumPosts.CountAsync());

        await (await client.PostAsJsonAsync($"/api/v1/forums/topics/{topicId}/posts", new { body = "   " })).ValidationProblemAsync("body");
        await (await client.PostAsJsonAsync($"/api/v1/forums/topics/{topicId}/posts", new { body = new string('x', 1024 * 1024) })).ValidationProblemAsync("body");
        var mention = await (await client.PostAsJsonAsync($"/api/v1/forums/topics/{topicId}/posts", new { body = "Hello @[Nobody Withthisname]" })).ValidationProblemAsync("body");
        Assert.Contains("Nobody Withthisname", mention.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        await (await client.PostAsJsonAsync($"/api/v1/forums/categories/{slug}/topics", new { title = "", body = "x" })).ValidationProblemAsync("title");
        await (await client.PostAsJsonAsync($"/api/v1/forums/posts/{Guid.NewGuid()}/reactions", new { kind = "like" })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, await app.WithDbAsync(db => db.ForumPosts.CountAsync()));

        // An e-mail address is not a mention; script in Markdown is shown as text.
        var ok = await ReplyAsync(client, topicId, "Write to focal.point@example.org <script>alert(1)</script> [x](javascript:alert(2))");
        var html = ok.GetProperty("html").GetString()!;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);

        // Flooding: the limit per minute holds across requests.
        HttpResponseMessage? last = null;
        for (var i = 0; i < 8; i++) last = await client.PostAsJsonAsync($"/api/v1/forums/topics/{topicId}/posts", new { body = "flood " + i });
        var flood = await last!.ValidationProblemAsync("body");
        Assert.Contains("too fast", flood.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory, BothProviders]
    public async Task Edits_keep_their_history_reactions_toggle_and_the_author_accepts_an_answer(DatabaseProvider provider)
    {
        var app = apps[provider];
        var slug = await CategoryAsync(app);
        var asker = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var helper = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var topicId = (await TopicAsync(asker, slug, "How do we mark firearms?")).GetProperty("id").GetString()!;
        var answer = await ReplyAsync(helper, topicId, "With a laser at import.");
        var answerId = answer.GetProperty("id").GetString()!;

        await (await asker.PutAsJsonAsync($"/api/v1/forums/posts/{answerId}", new { body = "Hijacked" })).ProblemAsync(HttpStatusCode.Forbidden);
        var edited = await (await helper.PutAsJsonAsync($"/api/v1/forums/posts/{answerId}", new { body = "With a laser at import, as the model law says." })).JsonAsync();
        Assert.NotNull(edited.GetProperty("editedAt").GetString());
        var history = await (await asker.GetAsync($"/api/v1/forums/posts/{answerId}/revisions")).JsonAsync();
        Assert.Equal("With a laser at import.", history[0].GetProperty("body").GetString());

        var liked = await (await asker.PostAsJsonAsync($"/api/v1/forums/posts/{answerId}/reactions", new { kind = "thanks" })).JsonAsync();
        Assert.Equal(1, liked.GetProperty("reactions").GetProperty("thanks").GetInt32());
        var unliked = await (await asker.PostAsJsonAsync($"/api/v1/forums/posts/{answerId}/reactions", new { kind = "thanks" })).JsonAsync();
        Assert.False(unliked.GetProperty("reactions").TryGetProperty("thanks", out _));
        await (await asker.PostAsJsonAsync($"/api/v1/forums/posts/{answerId}/reactions", new { kind = "angry" })).ValidationProblemAsync("kind");

        await (await helper.PutAsJsonAsync($"/api/v1/forums/topics/{topicId}/accepted", new { postId = answerId })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await asker.PutAsJsonAsync($"/api/v1/forums/topics/{topicId}/accepted", new { postId = answerId })).StatusCode);
        var topic = await (await helper.GetAsync($"/api/v1/forums/topics/{topicId}")).JsonAsync();
        Assert.Equal(answerId, topic.GetProperty("acceptedPostId").GetString());
    }
}

[Collection(AppsCollection.Name)]
public sealed class ForumSearchTests(Apps apps)
{
    [Theory, BothProviders]
    public async Task Members_find_topics_of_open_categories_and_nobody_finds_private_ones(DatabaseProvider provider)
    {
        var app = apps[provider];
        var admin = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        var open = "open-" + Guid.NewGuid().ToString("N")[..8];
        var closed = "closed-" + Guid.NewGuid().ToString("N")[..8];
        await admin.PostAsJsonAsync("/api/v1/forums/categories", new { slug = open, name = new { en = "Open" } });
        await admin.PostAsJsonAsync("/api/v1/forums/categories", new { slug = closed, name = new { en = "Closed" }, access = "private" });
        var word = "zorzal" + new string(Enumerable.Range(0, 6).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());
        var member = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var created = await member.PostAsJsonAsync($"/api/v1/forums/categories/{open}/topics", new { title = "Capacitaciones de la policía " + word, body = "¿Quién organiza las capacitaciones de este año?" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await admin.PostAsJsonAsync($"/api/v1/forums/categories/{closed}/topics", new { title = "Secreto " + word, body = "Solo para el grupo." });

        async Task<int> TotalAsync(HttpClient client, string q) =>
            (await (await client.GetAsync("/api/v1/search?source=forum&q=" + Uri.EscapeDataString(q))).JsonAsync()).GetProperty("total").GetInt32();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await TotalAsync(member, "capacitacion " + word) == 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(1, await TotalAsync(member, "capacitacion " + word));
        Assert.Equal(0, await TotalAsync(app.CreateClient(), word));
        Assert.Equal(0, await TotalAsync(admin, "secreto " + word));
    }
}

[Collection(AppsCollection.Name)]
public sealed class ForumNotificationTests(Apps apps)
{
    private static async Task<JsonElement> NotificationsAsync(HttpClient client) => await (await client.GetAsync("/api/v1/notifications")).JsonAsync();

    [Theory, BothProviders]
    public async Task Mentions_and_followed_topics_notify_members_once_and_never_outsiders_of_a_private_group(DatabaseProvider provider)
    {
        var app = apps[provider];
        var admin = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        var open = "n-" + Guid.NewGuid().ToString("N")[..8];
        var closed = "p-" + Guid.NewGuid().ToString("N")[..8];
        await admin.PostAsJsonAsync("/api/v1/forums/categories", new { slug = open, name = new { en = "Open" } });
        await admin.PostAsJsonAsync("/api/v1/forums/categories", new { slug = closed, name = new { en = "Closed" }, access = "private" });
        var asker = await app.CreateUserAsync(HemisphereRole.Learner);
        var expert = await app.CreateUserAsync(HemisphereRole.Learner);
        var outsider = await app.CreateUserAsync(HemisphereRole.Learner);
        var expertName = "Experta " + Guid.NewGuid().ToString("N")[..6];
        var outsiderName = "Ajeno " + Guid.NewGuid().ToString("N")[..6];
        await app.WithDbAsync(async db =>
        {
            (await db.Users.FindAsync(expert.Id))!.DisplayName = expertName;
            (await db.Users.FindAsync(outsider.Id))!.DisplayName = outsiderName;
            return await db.SaveChangesAsync();
        });
        var askerClient = await app.ClientForAsync(asker);
        var expertClient = await app.ClientForAsync(expert);
        var outsiderClient = await app.ClientForAsync(outsider);

        var topic = await (await askerClient.PostAsJsonAsync($"/api/v1/forums/categories/{open}/topics", new { title = "Marking firearms", body = $"@[{expertName}] what does the model law say?" })).JsonAsync();
        var topicId = topic.GetProperty("id").GetString();
        var mention = (await NotificationsAsync(expertClient)).GetProperty("items").EnumerateArray().Single();
        Assert.Equal("forum.mention", mention.GetProperty("kind").GetString());
        Assert.StartsWith($"/forums/topics/{topicId}", mention.GetProperty("url").GetString(), StringComparison.Ordinal);

        // The expert replies; the asker follows their own topic and hears of it, the expert does not hear of their own post.
        await expertClient.PostAsJsonAsync($"/api/v1/forums/topics/{topicId}/posts", new { body = "Marking at import and at manufacture." });
        var replies = (await NotificationsAsync(askerClient)).GetProperty("items").EnumerateArray().ToList();
        Assert.Single(replies);
        Assert.Equal("forum.reply", replies[0].GetProperty("kind").GetString());
        Assert.Single((await NotificationsAsync(expertClient)).GetProperty("items").EnumerateArray());

        // A mention in a private group does not reach a member outside it.
        var moderator = await app.ClientForRoleAsync(HemisphereRole.Moderator);
        await moderator.PutAsync($"/api/v1/forums/categories/{closed}/members/{asker.Id}", null);
        Assert.Equal(HttpStatusCode.Created, (await askerClient.PostAsJsonAsync($"/api/v1/forums/categories/{closed}/topics", new { title = "Group only", body = $"@[{outsiderName}] look" })).StatusCode);
        Assert.Empty((await NotificationsAsync(outsiderClient)).GetProperty("items").EnumerateArray());
    }
}
