using System.Data;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Platform.Data;

public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction under the provider's execution strategy (PostgreSQL retries
    /// transient failures, so the whole transaction is the unit retried; the change tracker is cleared before
    /// each try). Commits when the work returns; a refusal answered from inside simply commits nothing written.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this HemisphereDb db, Func<CancellationToken, Task<T>> work, CancellationToken ct,
        IsolationLevel isolation = IsolationLevel.ReadCommitted) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(isolation, token);
            var result = await work(token);
            await tx.CommitAsync(token);
            return result;
        }, ct);
}
