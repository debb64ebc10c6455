using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hemisphere.Platform.Audit;

/// <summary>
/// Writes an audit entry for each change to an <see cref="IAudited"/> entity, in the same
/// transaction as the change itself, so the log can never miss a committed change.
/// </summary>
public sealed class AuditInterceptor(IHttpContextAccessor http) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db) Record(db);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) Record(db);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext db)
    {
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changed.Count == 0) return;
        var (actorId, actorName, ip) = CurrentActor();
        foreach (var entry in changed)
        {
            var changes = Describe(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            db.Add(new AuditEntry
            {
                ActorId = actorId,
                ActorName = actorName,
                IpAddress = ip,
                Action = entry.State switch
                {
                    EntityState.Added => "created",
                    EntityState.Deleted => "deleted",
                    _ => "updated",
                },
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Changes = JsonSerializer.Serialize(changes),
            });
        }
    }

    public (Guid? Id, string? Name, string? Ip) CurrentActor()
    {
        var ctx = http.HttpContext;
        var user = ctx?.User;
        var id = Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var g) ? g : (Guid?)null;
        return (id, user?.FindFirstValue(ClaimTypes.Email) ?? user?.Identity?.Name, ctx?.Connection.RemoteIpAddress?.ToString());
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    private static Dictionary<string, object?[]> Describe(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?[]>();
        foreach (var p in entry.Properties)
        {
            if (p.Metadata.IsPrimaryKey() || p.Metadata.IsShadowProperty()) continue;
            switch (entry.State)
            {
                case EntityState.Added when p.CurrentValue is not null:
                    changes[p.Metadata.Name] = [null, p.CurrentValue];
                    break;
                case EntityState.Deleted:
                    changes[p.Metadata.Name] = [p.OriginalValue, null];
                    break;
                case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                    changes[p.Metadata.Name] = [p.OriginalValue, p.CurrentValue];
                    break;
            }
        }
        foreach (var c in entry.ComplexProperties)
        {
            foreach (var p in c.Properties)
            {
                if (entry.State == EntityState.Modified && (!p.IsModified || Equals(p.OriginalValue, p.CurrentValue))) continue;
                if (entry.State == EntityState.Added && p.CurrentValue is null) continue;
                changes[c.Metadata.Name + "." + p.Metadata.Name] = entry.State == EntityState.Deleted
                    ? [p.OriginalValue, null]
                    : [entry.State == EntityState.Added ? null : p.OriginalValue, p.CurrentValue];
            }
        }
        return changes;
    }
}
