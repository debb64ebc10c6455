using System.Net.Http.Json;
using System.Text.Json;
using Hemisphere.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hemisphere.Tests.Features.Community.Chat;

/// <summary>Helpers shared by the chat tests: rooms over the API, hub connections over the test server.</summary>
internal static class ChatClients
{
    public static async Task<JsonElement> CreateRoomAsync(HttpClient client, string kind = "public", params Guid[] members)
    {
        var response = await client.PostAsJsonAsync("/api/v1/chat/rooms", new { name = "Sala " + Guid.NewGuid().ToString("N")[..6], kind, members });
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string roomId, string body) =>
        client.PostAsJsonAsync($"/api/v1/chat/rooms/{roomId}/messages", new { body });

    public static string TokenOf(HttpClient client) => client.DefaultRequestHeaders.Authorization!.Parameter!;

    /// <summary>
    /// A hub connection through the test server (it has no socket): long polling with the token in the
    /// Authorization header, or WebSockets with the token in the query string as browsers send it.
    /// </summary>
    public static async Task<HubConnection> ConnectAsync(HemisphereApp app, string token, bool webSockets = false)
    {
        var server = app.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/chat"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                if (webSockets)
                {
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                    // As a browser does: the token travels in the query string, since WebSockets carry no custom header.
                    o.WebSocketFactory = async (context, ct) =>
                    {
                        var uri = new UriBuilder(context.Uri);
                        uri.Query = uri.Query.TrimStart('?') + (uri.Query.Length > 1 ? "&" : "") + "access_token=" + Uri.EscapeDataString(token);
                        return await server.CreateWebSocketClient().ConnectAsync(uri.Uri, ct);
                    };
                }
                else o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Collects the "message" events a connection receives.</summary>
    public static Inbox Listen(HubConnection connection) => new(connection);
}

internal sealed class Inbox
{
    private readonly List<JsonElement> _messages = [];
    private readonly Lock _gate = new();

    public Inbox(HubConnection connection) =>
        connection.On<JsonElement>("message", m => { lock (_gate) _messages.Add(m.Clone()); });

    public IReadOnlyList<JsonElement> Messages
    {
        get { lock (_gate) return _messages.ToList(); }
    }

    public IReadOnlyList<string> Bodies => Messages.Select(m => m.GetProperty("body").GetString()!).ToList();

    public async Task<IReadOnlyList<string>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline && Messages.Count < count) await Task.Delay(50);
        Assert.True(Messages.Count >= count, $"Expected {count} messages, got {Messages.Count}: {string.Join(" | ", Bodies)}");
        return Bodies;
    }
}
