using System.Globalization;
using Microsoft.AspNetCore.SignalR;

namespace Hemisphere.Features.Community.Chat;

/// <summary>The names of the events the hub sends to clients.</summary>
public static class ChatEvents
{
    public const string Message = "message";
    public const string Edited = "edited";
    public const string Deleted = "deleted";
    public const string Presence = "presence";
    public const string Typing = "typing";
}

/// <summary>
/// Who receives a room's events. A public room's events go to the SignalR group of the room (the
/// connections that joined it); a private or direct room's go to its members by user id, read from the
/// database at the moment of sending, so someone removed from the room receives nothing more at once,
/// on every node.
/// </summary>
public sealed record ChatAudience(Guid RoomId, bool IsPublic, IReadOnlyList<Guid> UserIds)
{
    public static ChatAudience Everyone(Guid roomId) => new(roomId, true, []);
    public static ChatAudience Members(Guid roomId, IReadOnlyList<Guid> userIds) => new(roomId, false, userIds);

    public static string GroupOf(Guid roomId) => "chat:" + roomId.ToString("N", CultureInfo.InvariantCulture);

    public IClientProxy Of(IHubClients<IClientProxy> clients) =>
        IsPublic ? clients.Group(GroupOf(RoomId)) : clients.Users(UserIds.Select(u => u.ToString("D", CultureInfo.InvariantCulture)).ToList());
}

/// <summary>Announces what happened in rooms to connected clients (after it is saved).</summary>
public interface IChatNotifier
{
    Task MessageAsync(ChatAudience audience, string eventName, object payload, CancellationToken ct);
}

/// <summary>Sends through the hub context: with the Redis backplane, to the clients of every node.</summary>
public sealed class HubChatNotifier(IHubContext<ChatHub> hub, ILogger<HubChatNotifier> log) : IChatNotifier
{
    public async Task MessageAsync(ChatAudience audience, string eventName, object payload, CancellationToken ct)
    {
        try
        {
            await audience.Of(hub.Clients).SendAsync(eventName, payload, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The message is saved; clients that miss it catch up through the history (after=lastId).
            log.LogWarning(e, "Could not announce {Event} in chat room {Room}", eventName, audience.RoomId);
        }
    }
}
