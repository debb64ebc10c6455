using Hemisphere.Features.Academy.Dashboards;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hemisphere.Tests.Features.Academy.Dashboards;

public sealed class DashboardSnapshotsTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2027, 5, 1, 12, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed record Figures(int N);

    /// <summary>A count whose result is the number of times it ran; each run waits for the test to release it.</summary>
    private sealed class Counter
    {
        public int Runs;
        public TaskCompletionSource Release { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Fail { get; set; }

        public async Task<Figures> CountAsync(CancellationToken ct)
        {
            var n = Interlocked.Increment(ref Runs);
            await Release.Task.WaitAsync(ct);
            if (Fail) throw new InvalidOperationException("The database is down.");
            return new Figures(n);
        }
    }

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_first_readers_share_one_count_and_the_next_are_answered_from_memory()
    {
        var clock = new ManualClock();
        var snapshots = new DashboardSnapshots(clock, NullLogger.Instance, CancellationToken.None);
        var counter = new Counter();
        var readers = Enumerable.Range(0, 5).Select(_ => snapshots.GetAsync("k", counter.CountAsync, CancellationToken.None)).ToList();
        Assert.All(readers, r => Assert.False(r.IsCompleted));
        counter.Release.SetResult();
        var answers = await Task.WhenAll(readers).WaitAsync(Wait);
        Assert.All(answers, a => Assert.Equal(1, a.Value.N));
        Assert.All(answers, a => Assert.Equal(clock.Now, a.CountedAt));
        Assert.Equal(1, counter.Runs);

        clock.Now += TimeSpan.FromSeconds(59);
        var again = await snapshots.GetAsync("k", counter.CountAsync, CancellationToken.None);
        Assert.Equal(1, again.Value.N);
        Assert.Equal(1, counter.Runs);

        // Another key is another count.
        var other = await snapshots.GetAsync("other", counter.CountAsync, CancellationToken.None).WaitAsync(Wait);
        Assert.Equal(2, other.Value.N);
    }

    [Fact]
    public async Task A_stale_count_is_answered_at_once_while_one_recount_runs_behind_it()
    {
        var clock = new ManualClock();
        var snapshots = new DashboardSnapshots(clock, NullLogger.Instance, CancellationToken.None);
        var counter = new Counter();
        counter.Release.SetResult();
        var first = await snapshots.GetAsync("k", counter.CountAsync, CancellationToken.None).WaitAsync(Wait);
        var countedAt = first.CountedAt;

        counter.Release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        clock.Now += DashboardSnapshots.RefreshAfter + TimeSpan.FromSeconds(1);
        var stale = snapshots.GetAsync("k", counter.CountAsync, CancellationToken.None);
        Assert.True(stale.IsCompletedSuccessfully, "a stale count must not make its reader wait");
        var staleAnswer = await stale;
        Assert.Equal(1, staleAnswer.Value.N);
        Assert.Equal(countedAt, staleAnswer.CountedAt);
        // More readers meanwhile: still the old figures, and no second recount.
        for (var i = 0; i < 3; i++) Assert.Equal(1, (await snapshots.GetAsync("k", counter.CountAsync, CancellationToken.None)).Value.N);
        await WaitUntilAsync(() => Volatile.Read(ref counter.Runs) == 2);

        counter.Release.SetResult();
        var fresh = await snapshots.GetAsync("k", counter.CountAsync, CancellationToken.None);
        await WaitUntilAsync(async () => (fresh = await snapshots.GetAsync("k", counter.CountAsync, CancellationToken.None)).Value.N == 2);
        Assert.Equal(2, fresh.Value.N);
        Assert.Equal(clock.Now, fresh.CountedAt);
        Assert.Equal(2, counter.Runs);
    }

    [Fact]
    public async Task A_failed_recount_keeps_the_old_figures_and_a_count_too_old_is_waited_for()
    {
        var clock = new ManualClock();
        var snapshots = new DashboardSnapshots(clock, NullLogger.Instance, CancellationToken.None);
        var counter = new Counter();
        counter.Release.SetResult();
        await snapshots.GetAsync("k", counter.CountAsync, CancellationToken.None).WaitAsync(Wait);

        counter.Fail = true;
        clock.Now += DashboardSnapshots.RefreshAfter;
        Assert.Equal(1, (await snapshots.GetAsync("k", counter.CountAsync, CancellationToken.None)).Value.N);
        await WaitUntilAsync(() => Volatile.Read(ref counter.Runs) == 2);
        // The failed recount is over: the next reader of the stale figures starts another one.
        await WaitUntilAsync(() =>
        {
            var answer = snapshots.GetAsync("k", counter.CountAsync, CancellationToken.None);
            return answer.IsCompletedSuccessfully && answer.Result.Value.N == 1 && Volatile.Read(ref counter.Runs) >= 3;
        });

        // Older than the longest a count is answered: the reader waits for a new one (and sees its failure).
        clock.Now += DashboardSnapshots.MaxAge;
        await Assert.ThrowsAsync<InvalidOperationException>(() => snapshots.GetAsync("k", counter.CountAsync, CancellationToken.None).WaitAsync(Wait));
        counter.Fail = false;
        var waited = snapshots.GetAsync("k", counter.CountAsync, CancellationToken.None);
        Assert.True((await waited.WaitAsync(Wait)).Value.N > 3);
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    /// <summary>Polls the condition every 20 ms until it holds, failing after <see cref="Wait"/>.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not hold in time.");
            await Task.Delay(20);
        }
    }
}
