using System.Text.Json;
using Hemisphere.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Platform.Audit;

public sealed record AuditQuery(string? EntityType, string? EntityId, Guid? ActorId, string? Action, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>Reads the audit log and records actions that are not plain entity changes (sign-in, role grants…).</summary>
public sealed class AuditLog(HemisphereDb db, AuditInterceptor interceptor)
{
    /// <summary>Adds an entry to the unit of work; it is written by the caller's SaveChanges.</summary>
    public void Record(string action, string entityType, string entityId, object? details = null)
    {
        var (id, name, ip) = interceptor.CurrentActor();
        db.AuditEntries.Add(new AuditEntry
        {
            ActorId = id,
            ActorName = name,
            IpAddress = ip,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Changes = details is null ? null : JsonSerializer.Serialize(details),
        });
    }

    public async Task<Page<AuditEntry>> SearchAsync(AuditQuery q, PageRequest page, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.EntityType)) query = query.Where(e => e.EntityType == q.EntityType);
        if (!string.IsNullOrWhiteSpace(q.EntityId)) query = query.Where(e => e.EntityId == q.EntityId);
        if (!string.IsNullOrWhiteSpace(q.Action)) query = query.Where(e => e.Action == q.Action);
        if (q.ActorId is { } a) query = query.Where(e => e.ActorId == a);
        if (q.From is { } from) query = query.Where(e => e.At >= from);
        if (q.To is { } to) query = query.Where(e => e.At < to);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new Page<AuditEntry>(items, total, page.Number, page.Size);
    }
}
