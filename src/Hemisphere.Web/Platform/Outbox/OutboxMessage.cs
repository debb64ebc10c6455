using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hemisphere.Platform.Outbox;

/// <summary>
/// A side effect that must not be lost (mail, notifications, indexing…), written in the same
/// transaction as the change that causes it and carried out later by <see cref="OutboxWorker"/>.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Kind { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset AvailableAt { get; set; } = DateTimeOffset.UtcNow;
    public int Attempts { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LockedBy { get; set; }

    public static OutboxMessage Create<T>(string kind, T payload) =>
        new() { Kind = kind, Payload = JsonSerializer.Serialize(payload) };
}

/// <summary>Carries out one kind of outbox message. Handlers must be idempotent: a message can be delivered twice.</summary>
public interface IOutboxHandler
{
    string Kind { get; }
    Task HandleAsync(OutboxMessage message, CancellationToken ct);
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(x => x.Kind).HasMaxLength(100);
        b.Property(x => x.LockedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.ProcessedAt, x.AvailableAt });
    }
}
