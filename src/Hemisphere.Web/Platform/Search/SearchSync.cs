using System.Text.Json;
using Hemisphere.Platform.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hemisphere.Platform.Search;

/// <summary>An entity type whose changes must refresh the search documents of a source.</summary>
public sealed record SearchTracked(Type EntityType, string Source, Func<object, Guid> IdOf);

/// <summary>
/// Keeps search documents in step with features that do not stage them themselves: for every
/// added, changed or deleted tracked entity it writes a "search.refresh" outbox message in the
/// same SaveChanges, and the outbox worker rebuilds that record's documents. Nothing is lost if
/// the process stops; readers see the change once the worker has run (usually within a second).
/// </summary>
public sealed class SearchSyncInterceptor(IEnumerable<SearchTracked> tracked) : SaveChangesInterceptor
{
    public const string Kind = "search.refresh";
    private readonly SearchTracked[] _tracked = [.. tracked];

    public sealed record Refresh(string Source, Guid Id);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db) Enqueue(db);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) Enqueue(db);
        return ValueTask.FromResult(result);
    }

    private void Enqueue(DbContext db)
    {
        if (_tracked.Length == 0) return;
        var refresh = new HashSet<Refresh>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            foreach (var t in _tracked)
                if (t.EntityType.IsInstanceOfType(entry.Entity)) refresh.Add(new Refresh(t.Source, t.IdOf(entry.Entity)));
        }
        foreach (var r in refresh) db.Add(OutboxMessage.Create(Kind, r));
    }
}

/// <summary>Carries out "search.refresh": rebuilds the documents of one record.</summary>
public sealed class SearchRefreshHandler(SearchIndex index) : IOutboxHandler
{
    public string Kind => SearchSyncInterceptor.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var refresh = JsonSerializer.Deserialize<SearchSyncInterceptor.Refresh>(message.Payload)
            ?? throw new InvalidOperationException("Empty search.refresh message.");
        await index.RefreshAsync(refresh.Source, refresh.Id, ct);
    }
}
