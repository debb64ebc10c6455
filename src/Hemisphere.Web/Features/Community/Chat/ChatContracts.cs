namespace Hemisphere.Features.Community.Chat;

public sealed class ChatOptions
{
    /// <summary>The longest message, in characters.</summary>
    public int MaxLength { get; set; } = 4000;

    /// <summary>How many messages one member may send within <see cref="FloodWindow"/> (on each node).</summary>
    public int FloodMessages { get; set; } = 5;
    public TimeSpan FloodWindow { get; set; } = TimeSpan.FromSeconds(5);
}

public sealed record ChatRoomInput(string? Name, string? Kind, string? Description, Guid? ForumCategoryId, List<Guid>? Members);

public sealed record ChatMessageInput(string? Body);

public sealed record ChatInviteInput(Guid UserId);

public sealed record ChatReadInput(Guid? MessageId);

public sealed record ChatMemberDto(Guid UserId, string DisplayName, string Role, DateTimeOffset JoinedAt);

public sealed record ChatRoomDto(
    Guid Id,
    string Slug,
    string Name,
    string? Description,
    string Kind,
    Guid? ForumCategoryId,
    bool IsMember,
    string? Role,
    int Unread,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastMessageAt,
    IReadOnlyList<ChatMemberDto>? Members);

public sealed record ChatAttachmentDto(string Name, string ContentType, long Length, string Url);

public sealed record ChatMessageDto(
    Guid Id,
    Guid RoomId,
    Guid AuthorId,
    string AuthorName,
    string Body,
    string Html,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    bool Deleted,
    ChatAttachmentDto? Attachment);

/// <summary>A page of history, oldest first; HasMore says whether more lie beyond it in the direction asked.</summary>
public sealed record ChatHistoryDto(IReadOnlyList<ChatMessageDto> Items, bool HasMore);

public sealed record ChatUnreadDto(Guid RoomId, int Unread);

public sealed record ChatPresenceDto(Guid RoomId, Guid UserId, string DisplayName, bool Online);

public static class ChatNames
{
    public static string Slug(this ChatRoomKind kind) => kind switch
    {
        ChatRoomKind.Public => "public",
        ChatRoomKind.Private => "private",
        _ => "direct",
    };

    public static string Slug(this ChatRole role) => role == ChatRole.Owner ? "owner" : "member";

    public static bool TryParseKind(string? text, out ChatRoomKind kind)
    {
        foreach (var k in Enum.GetValues<ChatRoomKind>())
        {
            if (string.Equals(k.Slug(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
