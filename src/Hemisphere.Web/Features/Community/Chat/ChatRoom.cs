using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Files;
using Hemisphere.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hemisphere.Features.Community.Chat;

/// <summary>Public rooms are open to every signed-in member; private ones to those invited; direct ones to their two members.</summary>
public enum ChatRoomKind { Public, Private, Direct }

public enum ChatRole { Member, Owner }

/// <summary>A chat room: public, private (by invitation) or a direct conversation between two members.</summary>
public sealed class ChatRoom : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The room's address: /chat/{slug}.</summary>
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public ChatRoomKind Kind { get; set; }

    /// <summary>For direct rooms: the two user ids in order, "a:b", unique, so that a pair has one room.</summary>
    public string? DirectKey { get; set; }

    /// <summary>The forum group (category) this room belongs to, when it is the group's room.</summary>
    public Guid? ForumCategoryId { get; set; }

    public Guid? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? LastMessageAt { get; set; }
}

/// <summary>A member of a room, with how far they have read (for unread counts).</summary>
public sealed class ChatMember : IAudited
{
    public Guid RoomId { get; set; }
    public Guid UserId { get; set; }
    public ChatRole Role { get; set; }
    public DateTimeOffset JoinedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>The last message they have seen; later messages by others are unread.</summary>
    public Guid? LastReadMessageId { get; set; }
}

/// <summary>
/// A message. Ids are Guid v7 made strictly increasing on each node (<see cref="ChatIds"/>), so history
/// pages by id. Deleting keeps the row (shown as "message deleted") and drops its text and file.
/// </summary>
public sealed class ChatMessage
{
    public Guid Id { get; set; } = ChatIds.Next();
    public Guid RoomId { get; set; }
    public Guid AuthorId { get; set; }

    /// <summary>Markdown, rendered through <see cref="Platform.Ui.RichText"/>.</summary>
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? EditedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public Guid? DeletedBy { get; set; }
    public Guid? StoredFileId { get; set; }
    public StoredFile? File { get; set; }
}

public static class ChatLimits
{
    public const int Name = 100;
    public const int Slug = 120;
    public const int Description = 500;
    public const int PageSize = 50;
    public const int MaxPageSize = 100;
    public const int MaxInvites = 50;
    /// <summary>The column's size; the configured limit (Chat:MaxLength) may be lower.</summary>
    public const int BodyColumn = 20_000;
}

/// <summary>
/// Guid v7 ids that grow strictly on this node even within one millisecond (the random bits of
/// <see cref="Guid.CreateVersion7()"/> would order two messages of the same millisecond by chance).
/// </summary>
public static class ChatIds
{
    private static readonly Lock Gate = new();
    private static long _lastMs;
    private static int _counter;

    public static Guid Next() => Next(DateTimeOffset.UtcNow);

    public static Guid Next(DateTimeOffset now)
    {
        long ms;
        int counter;
        lock (Gate)
        {
            ms = now.ToUnixTimeMilliseconds();
            if (ms > _lastMs) { _lastMs = ms; _counter = 0; }
            else if (++_counter > 0xFFF) { _lastMs++; _counter = 0; }
            ms = _lastMs;
            counter = _counter;
        }
        Span<byte> b = stackalloc byte[16];
        System.Security.Cryptography.RandomNumberGenerator.Fill(b);
        // Big-endian layout of RFC 9562: 48 bits of milliseconds, version 7, 12 bits of counter, variant, random.
        b[0] = (byte)(ms >> 40); b[1] = (byte)(ms >> 32); b[2] = (byte)(ms >> 24);
        b[3] = (byte)(ms >> 16); b[4] = (byte)(ms >> 8); b[5] = (byte)ms;
        b[6] = (byte)(0x70 | ((counter >> 8) & 0x0F));
        b[7] = (byte)counter;
        b[8] = (byte)(0x80 | (b[8] & 0x3F));
        return new Guid(b, bigEndian: true);
    }
}

internal sealed class ChatConfiguration : IEntityTypeConfiguration<ChatRoom>, IEntityTypeConfiguration<ChatMember>, IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatRoom> b)
    {
        b.ToTable("ChatRooms");
        b.Property(x => x.Slug).HasMaxLength(ChatLimits.Slug);
        b.HasIndex(x => x.Slug).IsUnique();
        b.Property(x => x.Name).HasMaxLength(ChatLimits.Name);
        b.Property(x => x.Description).HasMaxLength(ChatLimits.Description);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.DirectKey).HasMaxLength(80);
        b.HasIndex(x => x.DirectKey).IsUnique();
        b.HasIndex(x => x.ForumCategoryId);
        b.HasIndex(x => x.Kind);
    }

    public void Configure(EntityTypeBuilder<ChatMember> b)
    {
        b.ToTable("ChatMembers");
        b.HasKey(x => new { x.RoomId, x.UserId });
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        b.HasOne<ChatRoom>().WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.UserId);
    }

    public void Configure(EntityTypeBuilder<ChatMessage> b)
    {
        b.ToTable("ChatMessages");
        b.Property(x => x.Body).HasMaxLength(ChatLimits.BodyColumn);
        b.HasOne<ChatRoom>().WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.File).WithMany().HasForeignKey(x => x.StoredFileId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.RoomId, x.Id });
    }
}
