using System.Net;
using System.Net.Http.Json;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static Hemisphere.Tests.Features.Community.Chat.ChatClients;

namespace Hemisphere.Tests.Features.Community.Chat;

[Collection(AppsCollection.Name)]
public sealed class ChatHubTests(Apps apps)
{
    [Theory, BothProviders]
    public async Task Two_clients_in_one_room_receive_each_others_messages_in_order(DatabaseProvider provider)
    {
        var app = apps[provider];
        var ana = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var ben = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var id = Guid.Parse((await CreateRoomAsync(ana)).GetProperty("id").GetString()!);
        // Ana on long polling with the token in the header; Ben on WebSockets with access_token in the query string.
        await using var anaHub = await ConnectAsync(app, TokenOf(ana));
        await using var benHub = await ConnectAsync(app, TokenOf(ben), webSockets: true);
        var anaInbox = Listen(anaHub);
        var benInbox = Listen(benHub);
        await anaHub.InvokeAsync<object>("Join", id);
        await benHub.InvokeAsync<object>("Join", id);

        var expected = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await anaHub.InvokeAsync<object>("Send", id, $"ana {i}");
            expected.Add($"ana {i}");
            await benHub.InvokeAsync<object>("Send", id, $"ben {i}");
            expected.Add($"ben {i}");
        }
        // A message posted through the REST API reaches the hub clients too.
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(ben, id.ToString(), "por la API")).StatusCode);
        expected.Add("por la API");

        Assert.Equal(expected, await anaInbox.WaitForAsync(expected.Count));
        Assert.Equal(expected, await benInbox.WaitForAsync(expected.Count));
        // What arrived live is what the history holds, in the same order.
        var history = (await (await ana.GetAsync($"/api/v1/chat/rooms/{id}/messages")).JsonAsync()).GetProperty("items");
        Assert.Equal(expected, history.EnumerateArray().Select(m => m.GetProperty("body").GetString()));

        // The hub applies the same rules: too long, empty.
        var tooLong = await Assert.ThrowsAsync<HubException>(() => benHub.InvokeAsync<object>("Send", id, new string('x', 4001)));
        Assert.Contains("4000", tooLong.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => benHub.InvokeAsync<object>("Send", id, "  "));
    }

    [Theory, BothProviders]
    public async Task A_client_not_in_a_private_room_receives_nothing_and_cannot_join(DatabaseProvider provider)
    {
        var app = apps[provider];
        var ana = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var benUser = await app.CreateUserAsync();
        var ben = await app.ClientForAsync(benUser);
        var eve = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        var id = Guid.Parse((await CreateRoomAsync(ana, "private", benUser.Id)).GetProperty("id").GetString()!);
        await using var benHub = await ConnectAsync(app, TokenOf(ben));
        await using var eveHub = await ConnectAsync(app, TokenOf(eve), webSockets: true);
        var benInbox = Listen(benHub);
        var eveInbox = Listen(eveHub);
        var eveTyping = 0;
        eveHub.On<object>("typing", _ => Interlocked.Increment(ref eveTyping));
        await benHub.InvokeAsync<object>("Join", id);
        var refused = await Assert.ThrowsAsync<HubException>(() => eveHub.InvokeAsync<object>("Join", id));
        Assert.Contains("does not exist", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => eveHub.InvokeAsync<object>("Send", id, "¿hola?"));

        Assert.Equal(HttpStatusCode.Created, (await PostAsync(ana, id.ToString(), "secreto")).StatusCode);
        await benHub.InvokeAsync("Typing", id);
        await benHub.InvokeAsync<object>("Send", id, "otro secreto");
        await benInbox.WaitForAsync(2);
        await Task.Delay(500);
        Assert.Empty(eveInbox.Messages);
        Assert.Equal(0, eveTyping);

        // Once removed, a member receives nothing more, though still connected.
        Assert.Equal(HttpStatusCode.NoContent, (await ana.DeleteAsync($"/api/v1/chat/rooms/{id}/members/{benUser.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(ana, id.ToString(), "ya no")).StatusCode);
        await Task.Delay(500);
        Assert.Equal(2, benInbox.Messages.Count);
    }

    [Theory, BothProviders]
    public async Task A_reconnecting_client_fetches_what_it_missed(DatabaseProvider provider)
    {
        var app = apps[provider];
        var ana = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var ben = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var id = Guid.Parse((await CreateRoomAsync(ana)).GetProperty("id").GetString()!);
        var benHub = await ConnectAsync(app, TokenOf(ben));
        var inbox = Listen(benHub);
        await benHub.InvokeAsync<object>("Join", id);
        await PostAsync(ana, id.ToString(), "antes");
        await inbox.WaitForAsync(1);
        var last = inbox.Messages[^1].GetProperty("id").GetString();
        await benHub.DisposeAsync();

        foreach (var text in new[] { "durante 1", "durante 2", "durante 3" }) await PostAsync(ana, id.ToString(), text);

        await using var again = await ConnectAsync(app, TokenOf(ben), webSockets: true);
        var live = Listen(again);
        await again.InvokeAsync<object>("Join", id);
        var missed = await (await ben.GetAsync($"/api/v1/chat/rooms/{id}/messages?after={last}&limit=2")).JsonAsync();
        Assert.Equal(["durante 1", "durante 2"], missed.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("body").GetString()));
        Assert.True(missed.GetProperty("hasMore").GetBoolean());
        var rest = await (await ben.GetAsync($"/api/v1/chat/rooms/{id}/messages?after={missed.GetProperty("items")[1].GetProperty("id").GetString()}&limit=2")).JsonAsync();
        Assert.Equal(["durante 3"], rest.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("body").GetString()));
        Assert.False(rest.GetProperty("hasMore").GetBoolean());
        await PostAsync(ana, id.ToString(), "después");
        Assert.Equal(["después"], await live.WaitForAsync(1));
    }

    [Theory, BothProviders]
    public async Task Edits_deletions_and_presence_reach_the_room(DatabaseProvider provider)
    {
        var app = apps[provider];
        var ana = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var ben = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var id = Guid.Parse((await CreateRoomAsync(ana)).GetProperty("id").GetString()!);
        await using var anaHub = await ConnectAsync(app, TokenOf(ana));
        var events = new System.Collections.Concurrent.ConcurrentQueue<string>();
        anaHub.On<System.Text.Json.JsonElement>("edited", m => events.Enqueue("edited:" + m.GetProperty("body").GetString()));
        anaHub.On<System.Text.Json.JsonElement>("deleted", m => events.Enqueue("deleted:" + m.GetProperty("deleted").GetBoolean()));
        anaHub.On<System.Text.Json.JsonElement>("presence", p => events.Enqueue("presence:" + p.GetProperty("online").GetBoolean()));
        await anaHub.InvokeAsync<object>("Join", id);
        var benHub = await ConnectAsync(app, TokenOf(ben));
        var present = await benHub.InvokeAsync<List<System.Text.Json.JsonElement>>("Join", id);
        Assert.Equal(2, present.Count);
        var sent = await benHub.InvokeAsync<System.Text.Json.JsonElement>("Send", id, "borrador");
        var messageId = Guid.Parse(sent.GetProperty("id").GetString()!);
        await benHub.InvokeAsync<object>("Edit", messageId, "final");
        await Assert.ThrowsAsync<HubException>(() => anaHub.InvokeAsync<object>("Edit", messageId, "de Ana"));
        await benHub.InvokeAsync<object>("Delete", messageId);
        await benHub.DisposeAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (events.Count < 5 && DateTime.UtcNow < deadline) await Task.Delay(50);
        // Ana's own arrival, Ben's, his edit and deletion, his departure.
        Assert.Equal(["presence:True", "presence:True", "edited:final", "deleted:True", "presence:False"], events.ToArray());
    }
}
