using System.Globalization;
using System.Text;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Files;
using Hemisphere.Platform.Identity;
using Hemisphere.Platform.Search;
using Hemisphere.Platform.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Hemisphere.Features.Community.Chat;

/// <summary>A file sent with a message.</summary>
public sealed record ChatUpload(Stream Content, string FileName);

/// <summary>
/// The rules of chat: rooms and their members, messages (length and flood limits, editing and deleting),
/// history, unread counts. A room a member may not see (a private or direct room they are not in) is
/// NotFound for everything about it. Every change of a message is saved first, then announced through
/// <see cref="IChatNotifier"/>, so history and live delivery agree.
/// </summary>
public sealed class ChatService(
    HemisphereDb db,
    FileStore files,
    AuditLog audit,
    TimeProvider clock,
    ChatFloodGuard flood,
    IChatNotifier notifier,
    IOptions<ChatOptions> options,
    IStringLocalizer<SharedResource> l)
{
    public const FileCategory AttachmentTypes = FileCategory.Any;

    private ChatOptions Options => options.Value;

    // ---------- rooms ----------

    /// <summary>The room when the actor may see it (public rooms: every signed-in member; others: their members).</summary>
    public async Task<ChatRoom?> VisibleRoomAsync(Actor actor, string idOrSlug, CancellationToken ct)
    {
        if (actor.UserId is not { } me) return null;
        var room = Guid.TryParse(idOrSlug, out var id)
            ? await db.ChatRooms.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct)
            : await db.ChatRooms.AsNoTracking().FirstOrDefaultAsync(r => r.Slug == idOrSlug.ToLowerInvariant(), ct);
        if (room is null) return null;
        if (room.Kind == ChatRoomKind.Public) return room;
        return await db.ChatMembers.AnyAsync(m => m.RoomId == room.Id && m.UserId == me, ct) ? room : null;
    }

    public Task<ChatRoom?> VisibleRoomAsync(Actor actor, Guid id, CancellationToken ct) =>
        VisibleRoomAsync(actor, id.ToString("D", CultureInfo.InvariantCulture), ct);

    /// <summary>The actor's rooms (with unread counts), then the public rooms they have not joined.</summary>
    public async Task<IReadOnlyList<ChatRoomDto>> RoomsAsync(Actor actor, CancellationToken ct)
    {
        if (actor.UserId is not { } me) return [];
        var mine = await (from m in db.ChatMembers.AsNoTracking()
                          where m.UserId == me
                          join r in db.ChatRooms.AsNoTracking() on m.RoomId equals r.Id
                          select new
                          {
                              Room = r,
                              m.Role,
                              Unread = db.ChatMessages.Count(x => x.RoomId == r.Id && x.AuthorId != me && x.DeletedAt == null
                                  && (m.LastReadMessageId == null || x.Id.CompareTo(m.LastReadMessageId.Value) > 0)),
                          }).ToListAsync(ct);
        var others = await db.ChatRooms.AsNoTracking()
            .Where(r => r.Kind == ChatRoomKind.Public && !db.ChatMembers.Any(m => m.RoomId == r.Id && m.UserId == me))
            .OrderBy(r => r.Name).Take(200).ToListAsync(ct);
        var names = await DirectNamesAsync(me, mine.Where(x => x.Room.Kind == ChatRoomKind.Direct).Select(x => x.Room.Id).ToList(), ct);
        return mine.OrderByDescending(x => x.Room.LastMessageAt ?? x.Room.CreatedAt)
            .Select(x => ToDto(x.Room, x.Role, x.Unread, names.GetValueOrDefault(x.Room.Id), null))
            .Concat(others.Select(r => ToDto(r, null, 0, null, null)))
            .ToList();
    }

    /// <summary>One room with its members, as the actor may see it.</summary>
    public async Task<ChatRoomDto?> RoomAsync(Actor actor, string idOrSlug, CancellationToken ct)
    {
        var room = await VisibleRoomAsync(actor, idOrSlug, ct);
        if (room is null) return null;
        var me = actor.UserId!.Value;
        var members = await MembersAsync(room.Id, ct);
        var mine = await db.ChatMembers.AsNoTracking().FirstOrDefaultAsync(m => m.RoomId == room.Id && m.UserId == me, ct);
        var unread = mine is null ? 0 : await UnreadInAsync(room.Id, me, mine.LastReadMessageId, ct);
        var other = room.Kind == ChatRoomKind.Direct ? members.FirstOrDefault(m => m.UserId != me)?.DisplayName : null;
        return ToDto(room, mine?.Role, unread, other, members);
    }

    public async Task<Outcome<ChatRoomDto>> CreateRoomAsync(Actor actor, ChatRoomInput input, CancellationToken ct)
    {
        if (actor.UserId is not { } me) return Outcome<ChatRoomDto>.Forbidden();
        var v = new Validation(l);
        var name = v.Text("name", input.Name, ChatLimits.Name, required: true);
        var description = v.Text("description", input.Description, ChatLimits.Description);
        var kind = ChatRoomKind.Public;
        if (!string.IsNullOrWhiteSpace(input.Kind) && (!ChatNames.TryParseKind(input.Kind, out kind) || kind == ChatRoomKind.Direct))
            v.Add("kind", "Chat.InvalidKind");
        var invited = (input.Members ?? []).Where(u => u != me).Distinct().ToList();
        if (invited.Count > ChatLimits.MaxInvites) v.Add("members", "Validation.TooMany", ChatLimits.MaxInvites);
        else if (invited.Count > 0 && await db.Users.CountAsync(u => invited.Contains(u.Id), ct) != invited.Count) v.Add("members", "Chat.UnknownUser");
        if (!v.IsValid) return Outcome<ChatRoomDto>.Invalid(v.Errors);
        var now = clock.GetUtcNow();
        var room = new ChatRoom
        {
            Name = name!,
            Description = description,
            Kind = kind,
            ForumCategoryId = input.ForumCategoryId,
            CreatedBy = me,
            CreatedAt = now,
            Slug = await UniqueSlugAsync(name!, ct),
        };
        db.ChatRooms.Add(room);
        db.ChatMembers.Add(new ChatMember { RoomId = room.Id, UserId = me, Role = ChatRole.Owner, JoinedAt = now });
        foreach (var user in invited) db.ChatMembers.Add(new ChatMember { RoomId = room.Id, UserId = user, Role = ChatRole.Member, JoinedAt = now });
        await db.SaveChangesAsync(ct);
        return Outcome<ChatRoomDto>.Ok((await RoomAsync(actor, room.Slug, ct))!);
    }

    /// <summary>The direct room of the actor and another member, created on first use.</summary>
    public async Task<Outcome<ChatRoomDto>> DirectRoomAsync(Actor actor, Guid otherUserId, CancellationToken ct)
    {
        if (actor.UserId is not { } me) return Outcome<ChatRoomDto>.Forbidden();
        if (otherUserId == me) return Outcome<ChatRoomDto>.Invalid("userId", l["Chat.NotYourself"]);
        if (!await db.Users.AnyAsync(u => u.Id == otherUserId, ct)) return Outcome<ChatRoomDto>.NotFound();
        var key = DirectKey(me, otherUserId);
        var room = await db.ChatRooms.AsNoTracking().FirstOrDefaultAsync(r => r.DirectKey == key, ct);
        if (room is null)
        {
            var now = clock.GetUtcNow();
            room = new ChatRoom { Kind = ChatRoomKind.Direct, DirectKey = key, Name = "", CreatedBy = me, CreatedAt = now };
            room.Slug = "direct-" + room.Id.ToString("N", CultureInfo.InvariantCulture);
            db.ChatRooms.Add(room);
            db.ChatMembers.Add(new ChatMember { RoomId = room.Id, UserId = me, Role = ChatRole.Member, JoinedAt = now });
            db.ChatMembers.Add(new ChatMember { RoomId = room.Id, UserId = otherUserId, Role = ChatRole.Member, JoinedAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The other member opened the same conversation at the same moment: use theirs.
                db.ChangeTracker.Clear();
                room = await db.ChatRooms.AsNoTracking().FirstAsync(r => r.DirectKey == key, ct);
            }
        }
        return Outcome<ChatRoomDto>.Ok((await RoomAsync(actor, room.Slug, ct))!);
    }

    /// <summary>Joins a public room (a member of it already: nothing changes).</summary>
    public async Task<Outcome<ChatRoomDto>> JoinAsync(Actor actor, Guid roomId, CancellationToken ct)
    {
        var room = await VisibleRoomAsync(actor, roomId, ct);
        if (room is null) return Outcome<ChatRoomDto>.NotFound();
        await EnsureMemberAsync(room, actor.UserId!.Value, ct);
        return Outcome<ChatRoomDto>.Ok((await RoomAsync(actor, room.Slug, ct))!);
    }

    /// <summary>Leaves a room. Direct conversations cannot be left (409).</summary>
    public async Task<Outcome<bool>> LeaveAsync(Actor actor, Guid roomId, CancellationToken ct)
    {
        var room = await VisibleRoomAsync(actor, roomId, ct);
        if (room is null) return Outcome<bool>.NotFound();
        if (room.Kind == ChatRoomKind.Direct) return Outcome<bool>.Conflict(l["Chat.DirectFixed"]);
        var me = actor.UserId!.Value;
        var removed = await db.ChatMembers.Where(m => m.RoomId == roomId && m.UserId == me).ExecuteDeleteAsync(ct);
        if (removed > 0) audit.Record("chat.leave", nameof(ChatRoom), roomId.ToString(), new { user = me });
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>The owner adds a member (private rooms: this is how one gets in).</summary>
    public async Task<Outcome<ChatRoomDto>> InviteAsync(Actor actor, Guid roomId, Guid userId, CancellationToken ct)
    {
        var room = await VisibleRoomAsync(actor, roomId, ct);
        if (room is null) return Outcome<ChatRoomDto>.NotFound();
        if (room.Kind == ChatRoomKind.Direct) return Outcome<ChatRoomDto>.Conflict(l["Chat.DirectFixed"]);
        if (!await IsOwnerAsync(room.Id, actor, ct)) return Outcome<ChatRoomDto>.Forbidden();
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) return Outcome<ChatRoomDto>.Invalid("userId", l["Chat.UnknownUser"]);
        if (await EnsureMemberAsync(room, userId, ct)) audit.Record("chat.invite", nameof(ChatRoom), roomId.ToString(), new { user = userId });
        await db.SaveChangesAsync(ct);
        return Outcome<ChatRoomDto>.Ok((await RoomAsync(actor, room.Slug, ct))!);
    }

    /// <summary>The owner removes a member; a member may remove themselves (that is leaving).</summary>
    public async Task<Outcome<bool>> RemoveAsync(Actor actor, Guid roomId, Guid userId, CancellationToken ct)
    {
        if (userId == actor.UserId) return await LeaveAsync(actor, roomId, ct);
        var room = await VisibleRoomAsync(actor, roomId, ct);
        if (room is null) return Outcome<bool>.NotFound();
        if (room.Kind == ChatRoomKind.Direct) return Outcome<bool>.Conflict(l["Chat.DirectFixed"]);
        if (!await IsOwnerAsync(room.Id, actor, ct)) return Outcome<bool>.Forbidden();
        var removed = await db.ChatMembers.Where(m => m.RoomId == roomId && m.UserId == userId).ExecuteDeleteAsync(ct);
        if (removed == 0) return Outcome<bool>.NotFound();
        audit.Record("chat.remove", nameof(ChatRoom), roomId.ToString(), new { user = userId });
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    // ---------- messages ----------

    /// <summary>
    /// A page of history, oldest first: the newest messages (no cursor), those before a message (paging back),
    /// or those after one (catching up after a reconnection; page forward until HasMore is false).
    /// </summary>
    public async Task<Outcome<ChatHistoryDto>> HistoryAsync(Actor actor, Guid roomId, Guid? before, Guid? after, int? limit, CancellationToken ct)
    {
        var room = await VisibleRoomAsync(actor, roomId, ct);
        if (room is null) return Outcome<ChatHistoryDto>.NotFound();
        var v = new Validation(l);
        if (limit is < 1 or > ChatLimits.MaxPageSize) v.Add("limit", "Chat.InvalidLimit", ChatLimits.MaxPageSize);
        if (before is not null && after is not null) v.Add("after", "Chat.BeforeOrAfter");
        if (!v.IsValid) return Outcome<ChatHistoryDto>.Invalid(v.Errors);
        var size = limit ?? ChatLimits.PageSize;
        var q = Messages.Where(m => m.Message.RoomId == roomId);
        List<(ChatMessage Message, string Author)> rows;
        if (after is { } a)
        {
            rows = (await q.Where(m => m.Message.Id.CompareTo(a) > 0).OrderBy(m => m.Message.Id).Take(size + 1).ToListAsync(ct))
                .Select(r => (WithFile(r), r.Author)).ToList();
        }
        else
        {
            if (before is { } b) q = q.Where(m => m.Message.Id.CompareTo(b) < 0);
            rows = (await q.OrderByDescending(m => m.Message.Id).Take(size + 1).ToListAsync(ct))
                .Select(r => (WithFile(r), r.Author)).ToList();
            rows.Reverse();
            if (rows.Count > size) rows.RemoveAt(0);
            return Outcome<ChatHistoryDto>.Ok(new ChatHistoryDto(rows.Select(r => ToDto(r.Message, r.Author)).ToList(), rows.Count == size && await HasOlderAsync(roomId, rows[0].Message.Id, ct)));
        }
        var more = rows.Count > size;
        return Outcome<ChatHistoryDto>.Ok(new ChatHistoryDto(rows.Take(size).Select(r => ToDto(r.Message, r.Author)).ToList(), more));
    }

    private static ChatMessage WithFile(MessageRow row)
    {
        row.Message.File = row.File;
        return row.Message;
    }

    private Task<bool> HasOlderAsync(Guid roomId, Guid id, CancellationToken ct) =>
        db.ChatMessages.AnyAsync(m => m.RoomId == roomId && m.Id.CompareTo(id) < 0, ct);

    public async Task<Outcome<ChatMessageDto>> PostAsync(Actor actor, Guid roomId, string? body, ChatUpload? upload, CancellationToken ct)
    {
        var room = await VisibleRoomAsync(actor, roomId, ct);
        if (room is null) return Outcome<ChatMessageDto>.NotFound();
        var me = actor.UserId!.Value;
        var v = new Validation(l);
        var text = ReadBody(v, body, required: upload is null);
        if (!v.IsValid) return Outcome<ChatMessageDto>.Invalid(v.Errors);
        if (!flood.TryAcquire(me, out var wait))
            return Outcome<ChatMessageDto>.TooManyRequests("body", l["Chat.TooFast", Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))]);
        StoredFile? stored = null;
        if (upload is not null)
        {
            var saved = await files.SaveAsync(upload.Content, upload.FileName, AttachmentTypes, me, ct);
            if (!saved.IsOk) return Outcome<ChatMessageDto>.Invalid(saved.Errors);
            stored = saved.Value!;
            db.Add(stored);
        }
        await EnsureMemberAsync(room, me, ct);
        var now = clock.GetUtcNow();
        var message = new ChatMessage { Id = ChatIds.Next(now), RoomId = room.Id, AuthorId = me, Body = text ?? "", CreatedAt = now, File = stored };
        db.ChatMessages.Add(message);
        await db.SaveChangesAsync(ct);
        await db.ChatRooms.Where(r => r.Id == room.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.LastMessageAt, now), ct);
        // What the author posts, they have read.
        await db.ChatMembers.Where(m => m.RoomId == room.Id && m.UserId == me).ExecuteUpdateAsync(s => s.SetProperty(m => m.LastReadMessageId, message.Id), ct);
        var dto = ToDto(message, await NameOfAsync(me, ct));
        await notifier.MessageAsync(await AudienceAsync(room, ct), ChatEvents.Message, dto, ct);
        return Outcome<ChatMessageDto>.Ok(dto);
    }

    /// <summary>Edits one's own message (not once it is deleted).</summary>
    public async Task<Outcome<ChatMessageDto>> EditAsync(Actor actor, Guid messageId, string? body, CancellationToken ct)
    {
        var (room, message) = await MessageAsync(actor, messageId, ct);
        if (room is null || message is null) return Outcome<ChatMessageDto>.NotFound();
        if (message.AuthorId != actor.UserId) return Outcome<ChatMessageDto>.Forbidden();
        if (message.DeletedAt is not null) return Outcome<ChatMessageDto>.Conflict(l["Chat.MessageDeleted"]);
        var v = new Validation(l);
        var text = ReadBody(v, body, required: message.StoredFileId is null);
        if (!v.IsValid) return Outcome<ChatMessageDto>.Invalid(v.Errors);
        message.Body = text ?? "";
        message.EditedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        var dto = ToDto(message, await NameOfAsync(message.AuthorId, ct));
        await notifier.MessageAsync(await AudienceAsync(room, ct), ChatEvents.Edited, dto, ct);
        return Outcome<ChatMessageDto>.Ok(dto);
    }

    /// <summary>Deletes a message: its author, or a moderator or administrator (recorded in the audit log).</summary>
    public async Task<Outcome<ChatMessageDto>> DeleteAsync(Actor actor, Guid messageId, CancellationToken ct)
    {
        var (room, message) = await MessageAsync(actor, messageId, ct);
        if (room is null || message is null) return Outcome<ChatMessageDto>.NotFound();
        var own = message.AuthorId == actor.UserId;
        if (!own && !ChatPolicy.CanModerate(actor)) return Outcome<ChatMessageDto>.Forbidden();
        if (message.DeletedAt is null)
        {
            message.DeletedAt = clock.GetUtcNow();
            message.DeletedBy = actor.UserId;
            message.Body = "";
            message.StoredFileId = null;
            message.File = null;
            if (!own) audit.Record("chat.message.delete", nameof(ChatMessage), message.Id.ToString(), new { room = room.Id, author = message.AuthorId });
            await db.SaveChangesAsync(ct);
        }
        var dto = ToDto(message, await NameOfAsync(message.AuthorId, ct));
        await notifier.MessageAsync(await AudienceAsync(room, ct), ChatEvents.Deleted, dto, ct);
        return Outcome<ChatMessageDto>.Ok(dto);
    }

    /// <summary>The file of a message, when the actor may see its room.</summary>
    public async Task<StoredFile?> AttachmentAsync(Actor actor, Guid messageId, CancellationToken ct)
    {
        var (room, message) = await MessageAsync(actor, messageId, ct);
        if (room is null || message is null || message.StoredFileId is null) return null;
        return await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == message.StoredFileId, ct);
    }

    // ---------- read markers ----------

    /// <summary>Marks the room read up to a message (or to its newest); answers the unread count left.</summary>
    public async Task<Outcome<ChatUnreadDto>> MarkReadAsync(Actor actor, Guid roomId, Guid? messageId, CancellationToken ct)
    {
        var room = await VisibleRoomAsync(actor, roomId, ct);
        if (room is null) return Outcome<ChatUnreadDto>.NotFound();
        var me = actor.UserId!.Value;
        var member = await db.ChatMembers.FirstOrDefaultAsync(m => m.RoomId == roomId && m.UserId == me, ct);
        if (member is null) return Outcome<ChatUnreadDto>.Ok(new ChatUnreadDto(roomId, 0));
        Guid? upTo;
        if (messageId is { } id)
        {
            if (!await db.ChatMessages.AnyAsync(m => m.Id == id && m.RoomId == roomId, ct))
                return Outcome<ChatUnreadDto>.Invalid("messageId", l["Chat.UnknownMessage"]);
            upTo = id;
        }
        else upTo = await db.ChatMessages.Where(m => m.RoomId == roomId).OrderByDescending(m => m.Id).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
        // The marker only moves forward: an old page marked read late does not bring back what was read.
        if (upTo is { } u && (member.LastReadMessageId is null || u.CompareTo(member.LastReadMessageId.Value) > 0))
        {
            member.LastReadMessageId = u;
            await db.SaveChangesAsync(ct);
        }
        return Outcome<ChatUnreadDto>.Ok(new ChatUnreadDto(roomId, await UnreadInAsync(roomId, me, member.LastReadMessageId, ct)));
    }

    /// <summary>Unread messages (by others, not deleted) in each of the actor's rooms.</summary>
    public async Task<IReadOnlyList<ChatUnreadDto>> UnreadAsync(Actor actor, CancellationToken ct) =>
        (await RoomsAsync(actor, ct)).Where(r => r.IsMember).Select(r => new ChatUnreadDto(r.Id, r.Unread)).ToList();

    /// <summary>Who may see the room's events: its group when public, else its members by user.</summary>
    public async Task<ChatAudience> AudienceAsync(ChatRoom room, CancellationToken ct) =>
        room.Kind == ChatRoomKind.Public
            ? ChatAudience.Everyone(room.Id)
            : ChatAudience.Members(room.Id, await db.ChatMembers.Where(m => m.RoomId == room.Id).Select(m => m.UserId).ToListAsync(ct));

    // ---------- helpers ----------

    private IQueryable<MessageRow> Messages =>
        from m in db.ChatMessages.AsNoTracking()
        join u in db.Users on m.AuthorId equals u.Id
        select new MessageRow { Message = m, File = m.File, Author = u.DisplayName != "" ? u.DisplayName : u.Email! };

    private sealed class MessageRow
    {
        public ChatMessage Message { get; init; } = null!;
        public StoredFile? File { get; init; }
        public string Author { get; init; } = "";
    }

    private async Task<(ChatRoom? Room, ChatMessage? Message)> MessageAsync(Actor actor, Guid messageId, CancellationToken ct)
    {
        var message = await db.ChatMessages.Include(m => m.File).FirstOrDefaultAsync(m => m.Id == messageId, ct);
        if (message is null) return (null, null);
        var room = await VisibleRoomAsync(actor, message.RoomId, ct);
        return room is null ? (null, null) : (room, message);
    }

    private string? ReadBody(Validation v, string? body, bool required)
    {
        var text = string.IsNullOrWhiteSpace(body) ? null : body.Trim();
        if (text is null)
        {
            if (required) v.Add("body", "Chat.EmptyMessage");
            return null;
        }
        if (text.Length > Options.MaxLength) v.Add("body", "Chat.TooLong", Options.MaxLength, text.Length);
        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')) v.Add("body", "Validation.ControlCharacters");
        return text;
    }

    /// <summary>Makes the user a member (public rooms, or an owner's invitation); answers whether they were new.</summary>
    private async Task<bool> EnsureMemberAsync(ChatRoom room, Guid userId, CancellationToken ct)
    {
        if (await db.ChatMembers.AnyAsync(m => m.RoomId == room.Id && m.UserId == userId, ct)) return false;
        db.ChatMembers.Add(new ChatMember { RoomId = room.Id, UserId = userId, Role = ChatRole.Member, JoinedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return true;
    }

    private Task<bool> IsOwnerAsync(Guid roomId, Actor actor, CancellationToken ct) =>
        db.ChatMembers.AnyAsync(m => m.RoomId == roomId && m.UserId == actor.UserId && m.Role == ChatRole.Owner, ct);

    private Task<int> UnreadInAsync(Guid roomId, Guid me, Guid? lastRead, CancellationToken ct) =>
        lastRead is { } last
            ? db.ChatMessages.CountAsync(x => x.RoomId == roomId && x.AuthorId != me && x.DeletedAt == null && x.Id.CompareTo(last) > 0, ct)
            : db.ChatMessages.CountAsync(x => x.RoomId == roomId && x.AuthorId != me && x.DeletedAt == null, ct);

    private async Task<List<ChatMemberDto>> MembersAsync(Guid roomId, CancellationToken ct) =>
        (await (from m in db.ChatMembers.AsNoTracking()
                where m.RoomId == roomId
                join u in db.Users on m.UserId equals u.Id
                orderby m.JoinedAt
                select new { m.UserId, Name = u.DisplayName != "" ? u.DisplayName : u.Email!, m.Role, m.JoinedAt }).Take(1000).ToListAsync(ct))
        .Select(x => new ChatMemberDto(x.UserId, x.Name, x.Role.Slug(), x.JoinedAt)).ToList();

    private async Task<Dictionary<Guid, string>> DirectNamesAsync(Guid me, List<Guid> roomIds, CancellationToken ct)
    {
        if (roomIds.Count == 0) return [];
        var rows = await (from m in db.ChatMembers.AsNoTracking()
                          where roomIds.Contains(m.RoomId) && m.UserId != me
                          join u in db.Users on m.UserId equals u.Id
                          select new { m.RoomId, Name = u.DisplayName != "" ? u.DisplayName : u.Email! }).ToListAsync(ct);
        return rows.GroupBy(r => r.RoomId).ToDictionary(g => g.Key, g => g.First().Name);
    }

    /// <summary>The names of several members in one query (as <see cref="NameOfAsync"/>); members not found are left out.</summary>
    public async Task<Dictionary<Guid, string>> NamesOfAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct) =>
        userIds.Count == 0
            ? []
            : await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, Name = u.DisplayName != "" ? u.DisplayName : u.Email! })
                .ToDictionaryAsync(x => x.Id, x => x.Name, ct);

    public async Task<string> NameOfAsync(Guid userId, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName != "" ? u.DisplayName : u.Email!).FirstOrDefaultAsync(ct) ?? "";

    private static string DirectKey(Guid a, Guid b)
    {
        var (x, y) = a.CompareTo(b) < 0 ? (a, b) : (b, a);
        return x.ToString("N", CultureInfo.InvariantCulture) + ":" + y.ToString("N", CultureInfo.InvariantCulture);
    }

    private async Task<string> UniqueSlugAsync(string name, CancellationToken ct)
    {
        var stem = Slugs.From(name);
        if (stem.Length == 0 || stem.StartsWith("direct", StringComparison.Ordinal)) stem = "room" + (stem.Length == 0 ? "" : "-" + stem);
        return await Slugs.UniqueAsync(stem, s => db.ChatRooms.AnyAsync(r => r.Slug == s, ct));
    }

    public static ChatRoomDto ToDto(ChatRoom r, ChatRole? role, int unread, string? directName, IReadOnlyList<ChatMemberDto>? members) =>
        new(r.Id, r.Slug, r.Kind == ChatRoomKind.Direct ? directName ?? "" : r.Name, r.Description, r.Kind.Slug(), r.ForumCategoryId,
            role is not null, role?.Slug(), unread, r.CreatedAt, r.LastMessageAt, members);

    public static ChatMessageDto ToDto(ChatMessage m, string author)
    {
        var deleted = m.DeletedAt is not null;
        var attachment = !deleted && m.File is { } f
            ? new ChatAttachmentDto(f.OriginalName, f.ContentType, f.Length, $"/chat/files/{m.Id}/{Uri.EscapeDataString(f.OriginalName)}")
            : null;
        return new ChatMessageDto(m.Id, m.RoomId, m.AuthorId, author, deleted ? "" : m.Body, deleted ? "" : RichText.ToHtml(m.Body).Value ?? "",
            m.CreatedAt, m.EditedAt, deleted, attachment);
    }
}

public static class ChatPolicy
{
    /// <summary>Moderators and administrators may delete anyone's message in a room they can see.</summary>
    public static bool CanModerate(Actor actor) => actor.IsAdministrator || actor.HasRoleAnywhere(HemisphereRole.Moderator);
}
