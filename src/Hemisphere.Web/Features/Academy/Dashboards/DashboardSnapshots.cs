using System.Collections.Concurrent;

namespace Hemisphere.Features.Academy.Dashboards;

/// <summary>
/// The dashboards' counts, kept per node and refreshed behind the reader ("stale while revalidate"). A count younger than
/// <see cref="RefreshAfter"/> is answered as it is; an older one is still answered at once, and one recount starts in the
/// background (never two for the same key, on this node); only a key never counted, or not asked for longer than
/// <see cref="MaxAge"/>, makes its reader wait — and readers asking at once for the same key share that one count.
/// Counting a million enrolments takes a second or more on a busy machine; with this, a dashboard that people use is
/// answered from memory, its figures at most a minute or two old (the page says when they were counted).
/// </summary>
public sealed class DashboardSnapshots
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);
    public const int MaxEntries = 1000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly CancellationToken stopping;

    public DashboardSnapshots(TimeProvider clock, ILogger<DashboardSnapshots> logger, IHostApplicationLifetime lifetime)
        : this(clock, logger, lifetime.ApplicationStopping)
    {
    }

    internal DashboardSnapshots(TimeProvider clock, ILogger logger, CancellationToken stopping)
    {
        this.clock = clock;
        this.logger = logger;
        this.stopping = stopping;
    }

    private sealed class Entry
    {
        public readonly Lock Gate = new();
        public object? Value;
        public DateTimeOffset CountedAt;
        public Task<object>? Counting;
        public DateTimeOffset LastAsked;
    }

    /// <summary>The snapshot of <paramref name="key"/> and when it was counted. <paramref name="count"/> must not use the caller's scope: it may run after the request ends.</summary>
    public async Task<(T Value, DateTimeOffset CountedAt)> GetAsync<T>(string key, Func<CancellationToken, Task<T>> count, CancellationToken ct) where T : class
    {
        var now = clock.GetUtcNow();
        var entry = entries.GetOrAdd(key, _ => new Entry());
        Task<object> waitFor;
        lock (entry.Gate)
        {
            entry.LastAsked = now;
            if (entry.Value is T value && now - entry.CountedAt < MaxAge)
            {
                if (now - entry.CountedAt >= RefreshAfter && entry.Counting is null) entry.Counting = Count(key, entry, count, inBackground: true);
                return (value, entry.CountedAt);
            }
            waitFor = entry.Counting ??= Count(key, entry, count, inBackground: false);
        }
        if (entries.Count > MaxEntries) Trim(now);
        var counted = (T)await waitFor.WaitAsync(ct);
        lock (entry.Gate) return (counted, entry.CountedAt);
    }

    private Task<object> Count<T>(string key, Entry entry, Func<CancellationToken, Task<T>> count, bool inBackground) where T : class =>
        Task.Run(async () =>
        {
            try
            {
                var startedAt = clock.GetUtcNow();
                var value = await count(stopping);
                lock (entry.Gate)
                {
                    entry.Value = value;
                    entry.CountedAt = startedAt;
                    entry.Counting = null;
                }
                return (object)value;
            }
            catch (Exception e)
            {
                lock (entry.Gate) entry.Counting = null;
                // A reader waiting for it gets the error; a background recount has no reader, so it is logged and the old figures stay.
                if (inBackground && !stopping.IsCancellationRequested) logger.LogWarning(e, "Recounting the dashboard {Key} failed; the previous figures stay.", key);
                throw;
            }
        });

    /// <summary>Forgets keys nobody asked for in <see cref="MaxAge"/>, then the least recently asked while there are too many.</summary>
    private void Trim(DateTimeOffset now)
    {
        foreach (var (key, entry) in entries)
            if (now - entry.LastAsked > MaxAge) entries.TryRemove(key, out _);
        var over = entries.Count - MaxEntries;
        if (over <= 0) return;
        foreach (var (key, _) in entries.OrderBy(e => e.Value.LastAsked).Take(over).ToList()) entries.TryRemove(key, out _);
    }
}
