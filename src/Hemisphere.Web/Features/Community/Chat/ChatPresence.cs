namespace Hemisphere.Features.Community.Chat;

/// <summary>
/// Who is in which room, by connection, on this node. A member is present in a room while at least one of
/// their connections has joined it. Changes are announced to the room through the hub (so, with Redis, to
/// every node's clients); the list a client receives when it joins is this node's (best-effort across nodes).
/// </summary>
public sealed class ChatPresence
{
    private readonly Dictionary<string, (Guid User, HashSet<Guid> Rooms)> _connections = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Records the connection in the room; answers true when the user was not present there before.</summary>
    public bool Enter(string connectionId, Guid userId, Guid roomId)
    {
        lock (_gate)
        {
            var before = IsPresent(userId, roomId);
            if (!_connections.TryGetValue(connectionId, out var entry)) _connections[connectionId] = entry = (userId, []);
            entry.Rooms.Add(roomId);
            return !before;
        }
    }

    /// <summary>Takes the connection out of the room; answers true when the user is no longer present there.</summary>
    public bool Exit(string connectionId, Guid roomId)
    {
        lock (_gate)
        {
            if (!_connections.TryGetValue(connectionId, out var entry) || !entry.Rooms.Remove(roomId)) return false;
            return !IsPresent(entry.User, roomId);
        }
    }

    /// <summary>Forgets a closed connection; answers the user and the rooms they are no longer present in.</summary>
    public (Guid User, IReadOnlyList<Guid> Rooms) Drop(string connectionId)
    {
        lock (_gate)
        {
            if (!_connections.Remove(connectionId, out var entry)) return (Guid.Empty, []);
            return (entry.User, entry.Rooms.Where(r => !IsPresent(entry.User, r)).ToList());
        }
    }

    public IReadOnlyList<Guid> UsersIn(Guid roomId)
    {
        lock (_gate) return _connections.Values.Where(c => c.Rooms.Contains(roomId)).Select(c => c.User).Distinct().ToList();
    }

    private bool IsPresent(Guid userId, Guid roomId) => _connections.Values.Any(c => c.User == userId && c.Rooms.Contains(roomId));
}
