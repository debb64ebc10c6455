using System.Text.Json;
using Hemisphere.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hemisphere.Platform.Notifications;

/// <summary>
/// Something that happened for one user. Its text is not stored: <see cref="Key"/> (a resource key)
/// and <see cref="Args"/> are rendered when it is shown or mailed, in the reader's language.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    /// <summary>What kind of event, e.g. <c>forum.reply</c>; preferences are per kind (see <see cref="NotificationKinds"/>).</summary>
    public string Kind { get; set; } = "";
    /// <summary>Where it leads, relative to the site (starts with one '/').</summary>
    public string Url { get; set; } = "/";
    /// <summary>Resource key of the text, e.g. <c>Notification.ForumReply</c>.</summary>
    public string Key { get; set; } = "";
    /// <summary>The format arguments of the text, a JSON array of strings.</summary>
    public string Args { get; set; } = "[]";
    public string? ActorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    /// <summary>When it went out in a digest e-mail.</summary>
    public DateTimeOffset? DigestedAt { get; set; }
    /// <summary>When it went out in an e-mail of its own (delivery "immediately").</summary>
    public DateTimeOffset? EmailedAt { get; set; }

    public string[] ArgumentList() => JsonSerializer.Deserialize<string[]>(Args) ?? [];
}

public enum NotificationDelivery { Immediately, Daily, Weekly, Never }

/// <summary>A user's choice for one kind; without a row the kind's default applies.</summary>
public sealed class NotificationPreference
{
    public Guid UserId { get; set; }
    public string Kind { get; set; } = "";
    public NotificationDelivery Delivery { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Digest bookkeeping per user: the instant of the last daily and weekly digest (claimed before sending).</summary>
public sealed class NotificationDigestState
{
    public Guid UserId { get; set; }
    public DateTimeOffset? LastDailyAt { get; set; }
    public DateTimeOffset? LastWeeklyAt { get; set; }
}

/// <summary>The nonce of an unsubscribe link that has been used: each link works once.</summary>
public sealed class UsedUnsubscribeToken
{
    public string Nonce { get; set; } = "";
    public Guid UserId { get; set; }
    public DateTimeOffset UsedAt { get; set; }
}

/// <summary>
/// The kinds of notification that users can choose a delivery for, with their defaults. A feature that
/// notifies adds its kind here (and the resource key <c>Notifications.Kind.&lt;kind&gt;</c>). Defaults:
/// mentions and event news are time-sensitive (immediately); replies and new posts in followed topics
/// come in the daily digest; anything else in the weekly digest.
/// </summary>
public static class NotificationKinds
{
    public const string ForumReply = "forum.reply";
    public const string ForumPost = "forum.post";
    public const string ForumMention = "forum.mention";
    public const string EventReminder = "event.reminder";
    public const string EventWaitlistPromoted = "event.waitlist-promoted";
    public const string LibraryReview = "library.review";
    public const string AcademyEnrolment = "academy.enrolment";
    public const string AcademyCompleted = "academy.completed";

    /// <summary>Every known kind in the order the preferences page lists them.</summary>
    public static readonly IReadOnlyList<string> All =
        [ForumMention, ForumReply, ForumPost, EventReminder, EventWaitlistPromoted, LibraryReview, AcademyEnrolment, AcademyCompleted];

    /// <summary>The preference row that applies to every kind without a row of its own (set by "unsubscribe from all").</summary>
    public const string AllKinds = "*";

    /// <summary>The delivery that applies to a kind given a user's preference rows.</summary>
    public static NotificationDelivery Effective(IReadOnlyDictionary<string, NotificationDelivery> rows, string kind) =>
        rows.TryGetValue(kind, out var d) ? d : rows.TryGetValue(AllKinds, out var all) ? all : Default(kind);

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.Ordinal);

    public static NotificationDelivery Default(string kind) => kind switch
    {
        ForumMention or EventReminder or EventWaitlistPromoted or AcademyEnrolment or AcademyCompleted => NotificationDelivery.Immediately,
        ForumReply or ForumPost => NotificationDelivery.Daily,
        _ => NotificationDelivery.Weekly,
    };

    /// <summary>The resource key naming a kind (preferences page, digest headings).</summary>
    public static string LabelKey(string kind) => "Notifications.Kind." + kind;

    public static string Code(NotificationDelivery d) => d switch
    {
        NotificationDelivery.Immediately => "immediately",
        NotificationDelivery.Daily => "daily",
        NotificationDelivery.Weekly => "weekly",
        _ => "never",
    };

    public static bool TryParse(string? code, out NotificationDelivery delivery)
    {
        foreach (var d in Enum.GetValues<NotificationDelivery>())
        {
            if (string.Equals(Code(d), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                delivery = d;
                return true;
            }
        }
        delivery = default;
        return false;
    }

    /// <summary>A relative address on this site: one leading '/', not '//' nor '/\' (never leads elsewhere).</summary>
    public static bool IsLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(x => x.Kind).HasMaxLength(60);
        b.Property(x => x.Url).HasMaxLength(1000);
        b.Property(x => x.Key).HasMaxLength(200);
        b.Property(x => x.ActorName).HasMaxLength(200);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        // The list (newest first) and the bell's unread count.
        b.HasIndex(x => new { x.UserId, x.CreatedAt });
        b.HasIndex(x => new { x.UserId, x.ReadAt });
        // The digest run: who has undigested notifications.
        b.HasIndex(x => new { x.DigestedAt, x.EmailedAt, x.UserId });
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.ToTable("NotificationPreferences");
        b.HasKey(x => new { x.UserId, x.Kind });
        b.Property(x => x.Kind).HasMaxLength(60);
        b.Property(x => x.Delivery).HasConversion<string>().HasMaxLength(20);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationDigestStateConfiguration : IEntityTypeConfiguration<NotificationDigestState>
{
    public void Configure(EntityTypeBuilder<NotificationDigestState> b)
    {
        b.ToTable("NotificationDigestStates");
        b.HasKey(x => x.UserId);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UsedUnsubscribeTokenConfiguration : IEntityTypeConfiguration<UsedUnsubscribeToken>
{
    public void Configure(EntityTypeBuilder<UsedUnsubscribeToken> b)
    {
        b.ToTable("UsedUnsubscribeTokens");
        b.HasKey(x => x.Nonce);
        b.Property(x => x.Nonce).HasMaxLength(40);
    }
}
