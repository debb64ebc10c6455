using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Hemisphere.Tests.Platform.Files;
using Microsoft.EntityFrameworkCore;
using static Hemisphere.Tests.Features.Community.Chat.ChatClients;

namespace Hemisphere.Tests.Features.Community.Chat;

[Collection(AppsCollection.Name)]
public sealed class ChatApiTests(Apps apps)
{
    [Theory, BothProviders]
    public async Task A_public_room_pages_its_history_and_counts_what_is_unread(DatabaseProvider provider)
    {
        var app = apps[provider];
        var ana = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var ben = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var room = await CreateRoomAsync(ana);
        var id = room.GetProperty("id").GetString()!;
        Assert.Equal("owner", room.GetProperty("role").GetString());

        // Ben sees it among the public rooms he has not joined; posting joins him.
        var listed = (await (await ben.GetAsync("/api/v1/chat/rooms")).JsonAsync()).GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);
        Assert.False(listed.GetProperty("isMember").GetBoolean());
        var ids = new List<string>();
        foreach (var (client, text) in new[] { (ana, "uno"), (ben, "dos"), (ana, "tres"), (ben, "cuatro"), (ana, "**cinco**") })
        {
            var response = await PostAsync(client, id, text);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.JsonAsync()).GetProperty("id").GetString()!);
        }

        var newest = await (await ana.GetAsync($"/api/v1/chat/rooms/{id}/messages?limit=2")).JsonAsync();
        Assert.Equal(["cuatro", "**cinco**"], newest.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("body").GetString()));
        Assert.Contains("<strong>cinco</strong>", newest.GetProperty("items")[1].GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.True(newest.GetProperty("hasMore").GetBoolean());
        var older = await (await ana.GetAsync($"/api/v1/chat/rooms/{id}/messages?limit=2&before={ids[3]}")).JsonAsync();
        Assert.Equal(["dos", "tres"], older.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("body").GetString()));
        Assert.True(older.GetProperty("hasMore").GetBoolean());
        var oldest = await (await ana.GetAsync($"/api/v1/chat/rooms/{id}/messages?limit=2&before={ids[1]}")).JsonAsync();
        Assert.Equal(["uno"], oldest.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("body").GetString()));
        Assert.False(oldest.GetProperty("hasMore").GetBoolean());
        var since = await (await ben.GetAsync($"/api/v1/chat/rooms/{id}/messages?after={ids[1]}")).JsonAsync();
        Assert.Equal(["tres", "cuatro", "**cinco**"], since.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("body").GetString()));
        Assert.False(since.GetProperty("hasMore").GetBoolean());

        // Ana read up to her own last message: none of Ben's after it. Ben has Ana's last message unread.
        async Task<int> UnreadAsync(HttpClient c) =>
            (await (await c.GetAsync("/api/v1/chat/unread")).JsonAsync()).GetProperty("items").EnumerateArray()
                .Single(u => u.GetProperty("roomId").GetString() == id).GetProperty("unread").GetInt32();
        Assert.Equal(0, await UnreadAsync(ana));
        Assert.Equal(1, await UnreadAsync(ben));
        var marked = await (await ben.PutAsJsonAsync($"/api/v1/chat/rooms/{id}/read", new { messageId = (string?)null })).JsonAsync();
        Assert.Equal(0, marked.GetProperty("unread").GetInt32());
        Assert.Equal(0, await UnreadAsync(ben));
        await (await ben.PutAsJsonAsync($"/api/v1/chat/rooms/{id}/read", new { messageId = Guid.NewGuid() })).ValidationProblemAsync("messageId");
    }

    [Theory, BothProviders]
    public async Task A_private_room_does_not_exist_for_those_outside_it(DatabaseProvider provider)
    {
        var app = apps[provider];
        var owner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var benUser = await app.CreateUserAsync();
        var ben = await app.ClientForAsync(benUser);
        var outsider = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        var room = await CreateRoomAsync(owner, "private", benUser.Id);
        var id = room.GetProperty("id").GetString()!;
        var slug = room.GetProperty("slug").GetString()!;
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(ben, id, "hola")).StatusCode);
        var message = (await (await ben.GetAsync($"/api/v1/chat/rooms/{id}/messages")).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetString();

        await (await outsider.GetAsync($"/api/v1/chat/rooms/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.GetAsync($"/api/v1/chat/rooms/{slug}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.GetAsync($"/api/v1/chat/rooms/{id}/messages")).ProblemAsync(HttpStatusCode.NotFound);
        await (await PostAsync(outsider, id, "¿puedo?")).ProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.PostAsync($"/api/v1/chat/rooms/{id}/join", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.PutAsJsonAsync($"/api/v1/chat/messages/{message}", new { body = "x" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.DeleteAsync($"/api/v1/chat/messages/{message}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.PostAsJsonAsync($"/api/v1/chat/rooms/{id}/members", new { userId = Guid.NewGuid() })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/chat/{slug}")).StatusCode);
        var rooms = (await (await outsider.GetAsync("/api/v1/chat/rooms")).JsonAsync()).GetProperty("items");
        Assert.DoesNotContain(rooms.EnumerateArray(), r => r.GetProperty("id").GetString() == id);

        // A member who is not the owner may not invite; the owner may remove, and then the room is gone for them too.
        await (await ben.PostAsJsonAsync($"/api/v1/chat/rooms/{id}/members", new { userId = Guid.NewGuid() })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await owner.PostAsJsonAsync($"/api/v1/chat/rooms/{id}/members", new { userId = Guid.NewGuid() })).ValidationProblemAsync("userId");
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/v1/chat/rooms/{id}/members/{benUser.Id}")).StatusCode);
        await (await ben.GetAsync($"/api/v1/chat/rooms/{id}/messages")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/chat/rooms")).StatusCode);
    }

    [Theory, BothProviders]
    public async Task Members_edit_and_delete_their_own_messages_and_moderators_delete_any(DatabaseProvider provider)
    {
        var app = apps[provider];
        var ana = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var ben = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var moderator = await app.ClientForRoleAsync(HemisphereRole.Moderator);
        var id = (await CreateRoomAsync(ana)).GetProperty("id").GetString()!;
        var first = (await (await PostAsync(ana, id, "primero")).JsonAsync()).GetProperty("id").GetString()!;
        var second = (await (await PostAsync(ana, id, "segundo")).JsonAsync()).GetProperty("id").GetString()!;

        await (await ben.PutAsJsonAsync($"/api/v1/chat/messages/{first}", new { body = "mío" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await ben.DeleteAsync($"/api/v1/chat/messages/{first}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await ana.PutAsJsonAsync($"/api/v1/chat/messages/{first}", new { body = " " })).ValidationProblemAsync("body");
        var edited = await (await ana.PutAsJsonAsync($"/api/v1/chat/messages/{first}", new { body = "primero, corregido" })).JsonAsync();
        Assert.Equal("primero, corregido", edited.GetProperty("body").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, JsonValueKind(edited, "editedAt"));

        Assert.Equal(HttpStatusCode.NoContent, (await ana.DeleteAsync($"/api/v1/chat/messages/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await moderator.DeleteAsync($"/api/v1/chat/messages/{second}")).StatusCode);
        await (await ana.PutAsJsonAsync($"/api/v1/chat/messages/{second}", new { body = "otra vez" })).ProblemAsync(HttpStatusCode.Conflict);
        var history = (await (await ben.GetAsync($"/api/v1/chat/rooms/{id}/messages")).JsonAsync()).GetProperty("items");
        Assert.All(history.EnumerateArray(), m =>
        {
            Assert.True(m.GetProperty("deleted").GetBoolean());
            Assert.Equal("", m.GetProperty("body").GetString());
        });
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "chat.message.delete" && e.EntityId == second)));
    }

    private static System.Text.Json.JsonValueKind JsonValueKind(System.Text.Json.JsonElement e, string property) => e.GetProperty(property).ValueKind;

    [Theory, BothProviders]
    public async Task Bad_input_is_refused_with_a_clear_message_and_nothing_saved(DatabaseProvider provider)
    {
        var app = apps[provider];
        var ana = await app.ClientForRoleAsync(HemisphereRole.Learner);
        await (await ana.PostAsJsonAsync("/api/v1/chat/rooms", new { name = " " })).ValidationProblemAsync("name");
        await (await ana.PostAsJsonAsync("/api/v1/chat/rooms", new { name = "Sala", kind = "direct" })).ValidationProblemAsync("kind");
        await (await ana.PostAsJsonAsync("/api/v1/chat/rooms", new { name = "Sala", members = new[] { Guid.NewGuid() } })).ValidationProblemAsync("members");
        var id = (await CreateRoomAsync(ana)).GetProperty("id").GetString()!;

        await (await PostAsync(ana, id, "")).ValidationProblemAsync("body");
        var tooLong = await (await PostAsync(ana, id, new string('a', 4001))).ValidationProblemAsync("body");
        Assert.Contains("4000", tooLong.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        await (await ana.PostAsync($"/api/v1/chat/rooms/{id}/messages", new StringContent("{\"body\":", System.Text.Encoding.UTF8, "application/json"))).ValidationProblemAsync("body");
        await (await ana.PostAsync($"/api/v1/chat/rooms/{id}/messages", new StringContent("hola", System.Text.Encoding.UTF8, "text/plain"))).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await ana.GetAsync($"/api/v1/chat/rooms/{id}/messages?limit=101")).ValidationProblemAsync("limit");
        await (await ana.GetAsync($"/api/v1/chat/rooms/{id}/messages?before={Guid.NewGuid()}&after={Guid.NewGuid()}")).ValidationProblemAsync("after");
        await (await ana.GetAsync($"/api/v1/chat/rooms/{id}/messages?before=nope")).ValidationProblemAsync("before");

        // Flooding: five messages within the window pass, the sixth is refused with 429 and saying how long to wait.
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Created, (await PostAsync(ana, id, "m" + i)).StatusCode);
        var flood = await (await PostAsync(ana, id, "demasiado")).ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("too fast", flood.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var roomId = Guid.Parse(id);
        Assert.Equal(5, await app.WithDbAsync(db => db.ChatMessages.CountAsync(m => m.RoomId == roomId)));
    }

    [Theory, BothProviders]
    public async Task A_direct_conversation_is_one_room_per_pair(DatabaseProvider provider)
    {
        var app = apps[provider];
        var anaUser = await app.CreateUserAsync();
        var benUser = await app.CreateUserAsync();
        var ana = await app.ClientForAsync(anaUser);
        var ben = await app.ClientForAsync(benUser);
        var third = await app.ClientForRoleAsync(HemisphereRole.Moderator);
        var fromAna = await (await ana.PostAsync($"/api/v1/chat/direct/{benUser.Id}", null)).JsonAsync();
        var fromBen = await (await ben.PostAsync($"/api/v1/chat/direct/{anaUser.Id}", null)).JsonAsync();
        Assert.Equal(fromAna.GetProperty("id").GetString(), fromBen.GetProperty("id").GetString());
        Assert.Equal("direct", fromAna.GetProperty("kind").GetString());
        Assert.Equal("Test Learner", fromAna.GetProperty("name").GetString());
        var id = fromAna.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(ben, id, "hola Ana")).StatusCode);
        await (await third.GetAsync($"/api/v1/chat/rooms/{id}/messages")).ProblemAsync(HttpStatusCode.NotFound);
        await (await ana.PostAsync($"/api/v1/chat/rooms/{id}/leave", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await ana.PostAsync($"/api/v1/chat/direct/{anaUser.Id}", null)).ValidationProblemAsync("userId");
        await (await ana.PostAsync($"/api/v1/chat/direct/{Guid.NewGuid()}", null)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, BothProviders]
    public async Task A_message_carries_a_file_that_only_those_in_the_room_download(DatabaseProvider provider)
    {
        var app = apps[provider];
        var ana = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var outsider = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var id = (await CreateRoomAsync(ana, "private")).GetProperty("id").GetString()!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("el plano"), "body");
        var file = new ByteArrayContent(FileSamples.Png());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "plano.png");
        var response = await ana.PostAsync($"/api/v1/chat/rooms/{id}/messages", form);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var url = (await response.JsonAsync()).GetProperty("attachment").GetProperty("url").GetString()!;
        var download = await ana.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(FileSamples.Png(), await download.Content.ReadAsByteArrayAsync());
        await (await outsider.GetAsync(url)).ProblemAsync(HttpStatusCode.NotFound);

        using var bad = new MultipartFormDataContent();
        bad.Add(new ByteArrayContent(FileSamples.Exe()), "file", "setup.exe");
        await (await ana.PostAsync($"/api/v1/chat/rooms/{id}/messages", bad)).ValidationProblemAsync("file");
    }

    [Theory, BothProviders]
    public async Task The_room_page_works_without_javascript(DatabaseProvider provider)
    {
        var app = apps[provider];
        var user = await app.CreateUserAsync();
        var api = await app.ClientForAsync(user);
        var room = await CreateRoomAsync(api);
        var slug = room.GetProperty("slug").GetString()!;
        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/chat")).StatusCode);
        var login = await browser.PostFormAsync("/account/login", new Dictionary<string, string> { ["Email"] = user.Email, ["Password"] = user.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var posted = await browser.PostFormAsync($"/chat/{slug}", new Dictionary<string, string> { ["Body"] = "Desde *el formulario*" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var html = await browser.GetStringAsync($"/chat/{slug}");
        Assert.Contains("<em>el formulario</em>", html, StringComparison.Ordinal);
        Assert.Contains("/js/chat.js", html, StringComparison.Ordinal);
        var index = await browser.GetStringAsync("/chat");
        Assert.Contains($"/chat/{slug}", index, StringComparison.Ordinal);

        var empty = await browser.PostFormAsync($"/chat/{slug}", new Dictionary<string, string> { ["Body"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Write a message before sending.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
