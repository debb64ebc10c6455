using System.Text.Json;
using System.Text.RegularExpressions;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Outbox;

namespace Hemisphere.Platform.Notifications;

/// <summary>
/// What features call to tell users something happened. It only adds to the caller's unit of work:
/// the notifications (and the outbox message that mails those whose kind the recipient wants
/// immediately) are written by the caller's own SaveChanges, or not at all.
/// </summary>
/// <example>
/// <code>
/// notifier.Notify(author.Id, NotificationKinds.ForumReply, $"/forum/t/{topic.Slug}#p{post.Id}", "Notification.ForumReply", actor.Name, topic.Title).ActorName = actor.Name;
/// await db.SaveChangesAsync(ct);
/// </code>
/// </example>
public sealed partial class Notifier(HemisphereDb db, TimeProvider clock)
{
    public const int MaxArgumentLength = 500;

    /// <summary>
    /// Notifies one user. <paramref name="url"/> is relative to the site ("/forum/…");
    /// <paramref name="textKey"/> is a resource key whose {0}, {1}… are <paramref name="args"/>,
    /// rendered in the recipient's language when shown or mailed. Answers the tracked notification
    /// (set its <see cref="Notification.ActorName"/> if there is one).
    /// </summary>
    public Notification Notify(Guid userId, string kind, string url, string textKey, params string[] args) =>
        NotifyMany([userId], kind, url, textKey, args)[0];

    /// <summary>Notifies several users (each once) of the same thing; answers the tracked notifications.</summary>
    public IReadOnlyList<Notification> NotifyMany(IEnumerable<Guid> userIds, string kind, string url, string textKey, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        if (kind is null || kind.Length > 60 || !KindPattern().IsMatch(kind)) throw new ArgumentException($"Not a notification kind: '{kind}'.", nameof(kind));
        if (!NotificationKinds.IsLocalUrl(url) || url.Length > 1000) throw new ArgumentException($"Not a relative address on this site: '{url}'.", nameof(url));
        if (string.IsNullOrWhiteSpace(textKey) || textKey.Length > 200) throw new ArgumentException("A resource key is required.", nameof(textKey));
        var arguments = (args ?? []).Select(a => a is null ? "" : a.Length > MaxArgumentLength ? a[..MaxArgumentLength] : a).ToArray();
        var json = JsonSerializer.Serialize(arguments);
        var now = clock.GetUtcNow();
        var created = userIds.Distinct().Select(u => new Notification
        {
            UserId = u,
            Kind = kind,
            Url = url,
            Key = textKey,
            Args = json,
            CreatedAt = now,
        }).ToList();
        if (created.Count == 0) return created;
        db.Notifications.AddRange(created);
        // One outbox message per call: after commit, it mails those whose recipient wants this kind immediately.
        db.Outbox.Add(OutboxMessage.Create(ImmediateMailHandler.Kind, new ImmediateMailHandler.Payload(created.Select(n => n.Id).ToArray())));
        return created;
    }

    [GeneratedRegex("^[a-z0-9-]+(\\.[a-z0-9-]+)+$")]
    private static partial Regex KindPattern();
}
