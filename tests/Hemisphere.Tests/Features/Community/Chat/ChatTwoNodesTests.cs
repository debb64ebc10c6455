using System.Net;
using Hemisphere.Platform.Data;
using Hemisphere.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using static Hemisphere.Tests.Features.Community.Chat.ChatClients;

namespace Hemisphere.Tests.Features.Community.Chat;

/// <summary>
/// Two copies of Hemisphere on one database and one Redis (started here): a message sent to a client of one
/// node reaches the clients of the other through the SignalR Redis backplane.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class ChatTwoNodesTests(Apps apps)
{
    [Theory, BothProviders]
    public async Task A_third_client_on_a_second_node_receives_the_rooms_messages(DatabaseProvider provider)
    {
        await using var redis = await RedisServer.StartAsync();
        var connection = provider == DatabaseProvider.Sqlite
            ? Apps.SqliteConnectionString(Path.Combine(Path.GetTempPath(), "hemisphere-chat-" + Guid.NewGuid().ToString("N")[..8] + ".db"))
            : await apps.Cluster.CreateDatabaseAsync("chat");
        var settings = new Dictionary<string, string?> { ["Redis:Configuration"] = redis.Configuration, ["Redis:ChannelPrefix"] = "test-" + Guid.NewGuid().ToString("N")[..6] };
        await using var nodeA = new HemisphereApp(provider, connection, settings);
        await nodeA.InitializeAsync();
        await using var nodeB = new HemisphereApp(provider, connection, settings);
        await nodeB.InitializeAsync();

        var ana = await nodeA.ClientForAsync(await nodeA.CreateUserAsync());
        var ben = await nodeA.ClientForAsync(await nodeA.CreateUserAsync());
        var carla = await nodeB.ClientForAsync(await nodeB.CreateUserAsync());
        var id = Guid.Parse((await CreateRoomAsync(ana)).GetProperty("id").GetString()!);
        var privateRoom = Guid.Parse((await CreateRoomAsync(ana, "private")).GetProperty("id").GetString()!);

        await using var anaHub = await ConnectAsync(nodeA, TokenOf(ana));
        await using var benHub = await ConnectAsync(nodeA, TokenOf(ben), webSockets: true);
        await using var carlaHub = await ConnectAsync(nodeB, TokenOf(carla), webSockets: true);
        var anaInbox = Listen(anaHub);
        var benInbox = Listen(benHub);
        var carlaInbox = Listen(carlaHub);
        foreach (var hub in new[] { anaHub, benHub, carlaHub }) await hub.InvokeAsync<object>("Join", id);

        var expected = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            await anaHub.InvokeAsync<object>("Send", id, $"A{i}");
            await benHub.InvokeAsync<object>("Send", id, $"B{i}");
            await carlaHub.InvokeAsync<object>("Send", id, $"C{i}");
            expected.AddRange([$"A{i}", $"B{i}", $"C{i}"]);
        }
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(ana, privateRoom.ToString(), "solo Ana")).StatusCode);
        Assert.Equal(expected, await carlaInbox.WaitForAsync(expected.Count));
        Assert.Equal([.. expected, "solo Ana"], await anaInbox.WaitForAsync(expected.Count + 1));
        Assert.Equal(expected, await benInbox.WaitForAsync(expected.Count));
        await Task.Delay(300);
        Assert.Equal(expected.Count, carlaInbox.Messages.Count);
    }
}
