using Hemisphere.Platform.Api;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Features.Community.Chat;

/// <summary>
/// The chat hub at /hubs/chat (see docs/api.md). Signed-in members only: the site's cookie, or a bearer
/// token (in the Authorization header, or as access_token in the query string, which is how browsers pass
/// it on WebSockets). Everything goes through <see cref="ChatService"/>, so the rules, the length and flood
/// limits are those of the API; a refusal is a HubException carrying the message in the caller's language.
/// </summary>
[Authorize]
public sealed class ChatHub(ChatService chat, ChatPresence presence, IStringLocalizer<SharedResource> l) : Hub
{
    private Actor Actor => Context.User!.Actor();
    private Guid Me => Actor.UserId ?? throw new HubException(l["Problem.Forbidden"]);

    /// <summary>Starts receiving a room's events; answers who is present in it (as this node knows).</summary>
    public async Task<IReadOnlyList<ChatPresenceDto>> Join(Guid roomId)
    {
        var room = await chat.VisibleRoomAsync(Actor, roomId, Context.ConnectionAborted) ?? throw new HubException(l["Chat.RoomNotFound"]);
        if (room.Kind == ChatRoomKind.Public) await Groups.AddToGroupAsync(Context.ConnectionId, ChatAudience.GroupOf(room.Id), Context.ConnectionAborted);
        var me = Me;
        if (presence.Enter(Context.ConnectionId, me, room.Id))
        {
            var audience = await chat.AudienceAsync(room, Context.ConnectionAborted);
            await audience.Of(Clients).SendAsync(ChatEvents.Presence, new ChatPresenceDto(room.Id, me, await chat.NameOfAsync(me, Context.ConnectionAborted), true), Context.ConnectionAborted);
        }
        // One query for the names of everyone present (a query per member made joining a room of a thousand take seconds).
        var users = presence.UsersIn(room.Id);
        var names = await chat.NamesOfAsync(users, Context.ConnectionAborted);
        return users.Select(user => new ChatPresenceDto(room.Id, user, names.GetValueOrDefault(user, ""), true)).ToList();
    }

    /// <summary>Stops receiving a public room's events and leaves its presence list (membership is unchanged).</summary>
    public async Task Leave(Guid roomId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, ChatAudience.GroupOf(roomId), Context.ConnectionAborted);
        if (presence.Exit(Context.ConnectionId, roomId)) await AnnounceAbsenceAsync(Me, roomId);
    }

    /// <summary>Posts a message (saved, then sent to the room as a "message" event); answers it.</summary>
    public async Task<ChatMessageDto> Send(Guid roomId, string? body) =>
        Unwrap(await chat.PostAsync(Actor, roomId, body, null, Context.ConnectionAborted));

    public async Task<ChatMessageDto> Edit(Guid messageId, string? body) =>
        Unwrap(await chat.EditAsync(Actor, messageId, body, Context.ConnectionAborted));

    public async Task<ChatMessageDto> Delete(Guid messageId) =>
        Unwrap(await chat.DeleteAsync(Actor, messageId, Context.ConnectionAborted));

    public async Task<ChatUnreadDto> MarkRead(Guid roomId, Guid? messageId) =>
        Unwrap(await chat.MarkReadAsync(Actor, roomId, messageId, Context.ConnectionAborted));

    /// <summary>Tells the others in the room that the caller is typing ("typing" event). Not stored.</summary>
    public async Task Typing(Guid roomId)
    {
        var room = await chat.VisibleRoomAsync(Actor, roomId, Context.ConnectionAborted) ?? throw new HubException(l["Chat.RoomNotFound"]);
        var me = Me;
        var payload = new ChatPresenceDto(room.Id, me, await chat.NameOfAsync(me, Context.ConnectionAborted), true);
        var audience = await chat.AudienceAsync(room, Context.ConnectionAborted);
        var target = audience.IsPublic
            ? Clients.OthersInGroup(ChatAudience.GroupOf(room.Id))
            : Clients.Users(audience.UserIds.Where(u => u != me).Select(u => u.ToString()).ToList());
        await target.SendAsync(ChatEvents.Typing, payload, Context.ConnectionAborted);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var (user, rooms) = presence.Drop(Context.ConnectionId);
        foreach (var room in rooms) await AnnounceAbsenceAsync(user, room);
        await base.OnDisconnectedAsync(exception);
    }

    private async Task AnnounceAbsenceAsync(Guid user, Guid roomId)
    {
        var room = await chat.VisibleRoomAsync(Actor, roomId, CancellationToken.None);
        if (room is null) return;
        var audience = await chat.AudienceAsync(room, CancellationToken.None);
        await audience.Of(Clients).SendAsync(ChatEvents.Presence, new ChatPresenceDto(room.Id, user, await chat.NameOfAsync(user, CancellationToken.None), false));
    }

    private T Unwrap<T>(Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.Ok => outcome.Value!,
        OutcomeKind.NotFound => throw new HubException(l["Chat.RoomNotFound"]),
        OutcomeKind.Forbidden => throw new HubException(l["Problem.Forbidden"]),
        OutcomeKind.Conflict => throw new HubException(outcome.Detail ?? l["Problem.Conflict"]),
        _ => throw new HubException(string.Join(" ", outcome.Errors.SelectMany(e => e.Value))),
    };
}
