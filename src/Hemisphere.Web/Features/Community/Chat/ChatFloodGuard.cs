using Microsoft.Extensions.Options;

namespace Hemisphere.Features.Community.Chat;

/// <summary>
/// The flood limit: at most <see cref="ChatOptions.FloodMessages"/> messages per member within a sliding
/// <see cref="ChatOptions.FloodWindow"/>. It counts in this node's memory: with several nodes behind a
/// balancer a member's connections usually stay on one node, and at worst each node allows its own share.
/// </summary>
public sealed class ChatFloodGuard(IOptions<ChatOptions> options, TimeProvider clock)
{
    private readonly Dictionary<Guid, Queue<DateTimeOffset>> _sent = [];
    private readonly Lock _gate = new();
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    /// <summary>Counts one message for the user and answers true, or answers false and how long to wait.</summary>
    public bool TryAcquire(Guid userId, out TimeSpan retryAfter)
    {
        var now = clock.GetUtcNow();
        var window = options.Value.FloodWindow;
        var limit = Math.Max(1, options.Value.FloodMessages);
        lock (_gate)
        {
            if (now - _lastSweep > window + window) Sweep(now - window);
            if (!_sent.TryGetValue(userId, out var times)) _sent[userId] = times = new Queue<DateTimeOffset>();
            while (times.Count > 0 && times.Peek() <= now - window) times.Dequeue();
            if (times.Count >= limit)
            {
                retryAfter = times.Peek() + window - now;
                return false;
            }
            times.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    private void Sweep(DateTimeOffset before)
    {
        _lastSweep = before;
        foreach (var (user, times) in _sent.ToList())
        {
            while (times.Count > 0 && times.Peek() <= before) times.Dequeue();
            if (times.Count == 0) _sent.Remove(user);
        }
    }
}
