using System.Security.Claims;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hemisphere.Platform.Notifications;

public sealed record NotificationDto(Guid Id, string Kind, string Text, string Url, string? ActorName, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public bool Unread => ReadAt is null;
}

public sealed record NotificationPageDto(IReadOnlyList<NotificationDto> Items, int Total, int PageNumber, int PageSize, int PageCount, int Unread);

public sealed record NotificationPreferenceDto(string Kind, string Label, NotificationDelivery Delivery, NotificationDelivery DefaultDelivery);

public sealed record NotificationPreferencesDto(IReadOnlyList<NotificationPreferenceDto> Preferences);

public sealed record NotificationPreferenceInput(string? Kind, string? Delivery);

public sealed record NotificationPreferencesInput(List<NotificationPreferenceInput>? Preferences);

public sealed record MarkedReadDto(int Marked);

public enum UnsubscribeState { Invalid, AlreadyUsed, Ready, Done }

public sealed record UnsubscribeOutcome(UnsubscribeState State, string? Kind);

/// <summary>A user's own notifications and preferences; nobody sees or changes another's.</summary>
public sealed class NotificationService(HemisphereDb db, IStringLocalizer<SharedResource> l, UnsubscribeTokens tokens, TimeProvider clock)
{
    public async Task<NotificationPageDto> ListAsync(Actor actor, bool unreadOnly, PageRequest page, CancellationToken ct)
    {
        if (actor.UserId is not { } me) return new NotificationPageDto([], 0, page.Number, page.Size, 0, 0);
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == me);
        if (unreadOnly) query = query.Where(n => n.ReadAt == null);
        var total = await query.CountAsync(ct);
        var unread = unreadOnly ? total : await UnreadCountAsync(me, ct);
        var rows = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var pageCount = (total + page.Size - 1) / page.Size;
        return new NotificationPageDto(rows.Select(ToDto).ToList(), total, page.Number, page.Size, pageCount, unread);
    }

    public Task<int> UnreadCountAsync(Guid userId, CancellationToken ct) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    /// <summary>Marks one of the caller's notifications read; another's is not found.</summary>
    public async Task<Outcome<NotificationDto>> MarkReadAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.UserId is not { } me) return Outcome<NotificationDto>.NotFound();
        var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == id && x.UserId == me, ct);
        if (n is null) return Outcome<NotificationDto>.NotFound();
        if (n.ReadAt is null)
        {
            n.ReadAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        return Outcome<NotificationDto>.Ok(ToDto(n));
    }

    public async Task<int> MarkAllReadAsync(Actor actor, CancellationToken ct)
    {
        if (actor.UserId is not { } me) return 0;
        var now = clock.GetUtcNow();
        return await db.Notifications.Where(n => n.UserId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public async Task<NotificationPreferencesDto> PreferencesAsync(Actor actor, CancellationToken ct)
    {
        var rows = actor.UserId is { } me
            ? await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == me).ToDictionaryAsync(p => p.Kind, p => p.Delivery, StringComparer.Ordinal, ct)
            : [];
        return new NotificationPreferencesDto(NotificationKinds.All
            .Select(k => new NotificationPreferenceDto(k, l[NotificationKinds.LabelKey(k)], NotificationKinds.Effective(rows, k), NotificationKinds.Default(k)))
            .ToList());
    }

    /// <summary>Sets the delivery of the kinds listed (others keep theirs); an unknown kind or delivery changes nothing.</summary>
    public async Task<Outcome<NotificationPreferencesDto>> SavePreferencesAsync(Actor actor, NotificationPreferencesInput? input, CancellationToken ct)
    {
        if (actor.UserId is not { } me) return Outcome<NotificationPreferencesDto>.Forbidden();
        var v = new Validation(l);
        var list = input?.Preferences;
        if (list is null || list.Count == 0) v.Add("preferences", "Validation.Required");
        else if (list.Count > 100) v.Add("preferences", "Validation.TooMany", 100);
        var wanted = new Dictionary<string, NotificationDelivery>(StringComparer.Ordinal);
        for (var i = 0; list is not null && i < list.Count && i < 100; i++)
        {
            var kind = list[i]?.Kind?.Trim();
            if (!NotificationKinds.IsKnown(kind)) v.Add($"preferences[{i}].kind", "Notifications.UnknownKind");
            if (!NotificationKinds.TryParse(list[i]?.Delivery, out var delivery)) v.Add($"preferences[{i}].delivery", "Notifications.UnknownDelivery");
            else if (kind is not null) wanted[kind] = delivery;
        }
        if (!v.IsValid) return Outcome<NotificationPreferencesDto>.Invalid(v.Errors);
        await SetAsync(me, wanted, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<NotificationPreferencesDto>.Ok(await PreferencesAsync(actor, ct));
    }

    private async Task SetAsync(Guid userId, IReadOnlyDictionary<string, NotificationDelivery> wanted, CancellationToken ct)
    {
        var existing = await db.NotificationPreferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, StringComparer.Ordinal, ct);
        var now = clock.GetUtcNow();
        foreach (var (kind, delivery) in wanted)
        {
            if (existing.TryGetValue(kind, out var row))
            {
                row.Delivery = delivery;
                row.UpdatedAt = now;
            }
            else
            {
                db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Kind = kind, Delivery = delivery, UpdatedAt = now });
            }
        }
    }

    /// <summary>Reads an unsubscribe token without using it (the confirmation page).</summary>
    public async Task<UnsubscribeOutcome> PeekUnsubscribeAsync(string? token, CancellationToken ct)
    {
        if (tokens.Read(token) is not { } request || !await db.Users.AnyAsync(u => u.Id == request.UserId, ct))
            return new UnsubscribeOutcome(UnsubscribeState.Invalid, null);
        if (await db.UsedUnsubscribeTokens.AnyAsync(t => t.Nonce == request.Nonce, ct))
            return new UnsubscribeOutcome(UnsubscribeState.AlreadyUsed, request.Kind);
        return new UnsubscribeOutcome(UnsubscribeState.Ready, request.Kind);
    }

    /// <summary>
    /// Uses an unsubscribe token: its kind (or, for "*", every kind) is set to never be e-mailed nor
    /// shown in digests. Each token works once; a forged, altered or expired one changes nothing.
    /// </summary>
    public async Task<UnsubscribeOutcome> UnsubscribeAsync(string? token, CancellationToken ct)
    {
        var peek = await PeekUnsubscribeAsync(token, ct);
        if (peek.State != UnsubscribeState.Ready) return peek;
        var request = tokens.Read(token)!;
        var wanted = new Dictionary<string, NotificationDelivery>(StringComparer.Ordinal);
        if (request.Kind == NotificationKinds.AllKinds)
        {
            foreach (var kind in NotificationKinds.All) wanted[kind] = NotificationDelivery.Never;
            foreach (var kind in await db.NotificationPreferences.Where(p => p.UserId == request.UserId).Select(p => p.Kind).ToListAsync(ct))
                wanted[kind] = NotificationDelivery.Never;
            wanted[NotificationKinds.AllKinds] = NotificationDelivery.Never;
        }
        else
        {
            wanted[request.Kind] = NotificationDelivery.Never;
        }
        await SetAsync(request.UserId, wanted, ct);
        db.UsedUnsubscribeTokens.Add(new UsedUnsubscribeToken { Nonce = request.Nonce, UserId = request.UserId, UsedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same link used twice at once: the other use won.
            db.ChangeTracker.Clear();
            return new UnsubscribeOutcome(UnsubscribeState.AlreadyUsed, request.Kind);
        }
        return new UnsubscribeOutcome(UnsubscribeState.Done, request.Kind);
    }

    /// <summary>The target of one of the caller's notifications, marking it read; null when it is not theirs.</summary>
    public async Task<string?> OpenAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var outcome = await MarkReadAsync(actor, id, ct);
        return outcome.IsOk && NotificationKinds.IsLocalUrl(outcome.Value!.Url) ? outcome.Value.Url : outcome.IsOk ? "/notifications" : null;
    }

    public NotificationDto ToDto(Notification n) =>
        new(n.Id, n.Kind, NotificationText.Plain(l, n), n.Url, n.ActorName, n.CreatedAt, n.ReadAt);
}

/// <summary>The unread count for the header bell: one indexed COUNT per request, only for signed-in users.</summary>
public sealed class NotificationBell(NotificationService notifications)
{
    private int? _count;

    public async Task<int> UnreadAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (_count is { } c) return c;
        var actor = user.Actor();
        _count = actor.UserId is { } me ? await notifications.UnreadCountAsync(me, ct) : 0;
        return _count.Value;
    }
}
