using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hemisphere.Features.Community.Events;

public enum EventKind { InPerson, Webinar, Hybrid }

/// <summary>Draft (only its organisers see it) → published → cancelled (kept, shown as cancelled, STATUS:CANCELLED in calendars).</summary>
public enum EventStatus { Draft, Published, Cancelled }

/// <summary>Public: anyone; Members: signed-in users only (anonymous readers get 404).</summary>
public enum EventVisibility { Public, Members }

public enum RegistrationStatus { Registered, Waitlisted, Cancelled }

public enum Attendance { Present, Absent, Excused }

/// <summary>
/// An in-person meeting, a webinar or both. Times are UTC instants; <see cref="TimeZone"/> (an IANA
/// id) is the zone in which the event happens, used to show times and in iCalendar files.
/// </summary>
public sealed class Event : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The stable address: /events/{slug}.</summary>
    public string Slug { get; set; } = "";
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
    public EventKind Kind { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string TimeZone { get; set; } = "UTC";

    public string? Venue { get; set; }
    public string? Address { get; set; }
    public string? City { get; set; }
    public string? CountryCode { get; set; }

    /// <summary>The meeting link; shown only to registered participants and organisers.</summary>
    public string? OnlineUrl { get; set; }

    public Guid? OrganiserInstitutionId { get; set; }
    public Guid? OrganiserUserId { get; set; }

    /// <summary>Seats; null means unlimited.</summary>
    public int? Capacity { get; set; }
    public DateTimeOffset? RegistrationOpensAt { get; set; }
    public DateTimeOffset? RegistrationClosesAt { get; set; }

    public EventStatus Status { get; set; }
    public EventVisibility Visibility { get; set; }

    /// <summary>iCalendar SEQUENCE: incremented on each change that calendars should pick up.</summary>
    public int Sequence { get; set; }

    /// <summary>
    /// Incremented by every change to the registrations (a concurrency token): two registrations
    /// that read the same seat count cannot both commit; the loser retries and sees the seat taken.
    /// </summary>
    public int RegistrationVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    public List<EventMaterial> Materials { get; set; } = [];

    public bool IsInPerson => Kind is EventKind.InPerson or EventKind.Hybrid;
    public bool IsOnline => Kind is EventKind.Webinar or EventKind.Hybrid;
}

/// <summary>A participant's place: registered, on the waiting list (ordered by time), or cancelled.</summary>
public sealed class EventRegistration : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public Guid UserId { get; set; }
    public RegistrationStatus Status { get; set; }

    /// <summary>When they asked for a seat: the order of the waiting list.</summary>
    public DateTimeOffset RegisteredAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? CancelledAt { get; set; }
    public Attendance? Attendance { get; set; }
    public DateTimeOffset? ReminderSentAt { get; set; }
}

/// <summary>Slides, recordings, reports: a web address or a library item.</summary>
public sealed class EventMaterial : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public string Title { get; set; } = "";
    public string? Url { get; set; }
    public Guid? LibraryItemId { get; set; }
    public int Order { get; set; }
    public DateTimeOffset AddedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>
/// The current stamp of a user's calendar feed. The feed address carries the user id and this stamp,
/// signed with Data Protection; regenerating the stamp invalidates every earlier address.
/// </summary>
public sealed class EventCalendarToken
{
    public Guid UserId { get; set; }
    public string Stamp { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}

public static class EventLimits
{
    public const int Slug = 120;
    public const int Title = 200;
    public const int Description = 8000;
    public const int Place = 300;
    public const int Url = 1000;
    public const int TimeZone = 64;
    public const int MaxCapacity = 100_000;
    public const int Materials = 50;
}

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>, IEntityTypeConfiguration<EventRegistration>,
    IEntityTypeConfiguration<EventMaterial>, IEntityTypeConfiguration<EventCalendarToken>
{
    public void Configure(EntityTypeBuilder<Event> b)
    {
        b.ToTable("Events");
        b.Property(x => x.Slug).HasMaxLength(EventLimits.Slug);
        b.HasIndex(x => x.Slug).IsUnique();
        b.LocalizedText(x => x.Title, "Title", EventLimits.Title);
        b.LocalizedText(x => x.Description, "Description", EventLimits.Description);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Visibility).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.TimeZone).HasMaxLength(EventLimits.TimeZone);
        b.Property(x => x.Venue).HasMaxLength(EventLimits.Place);
        b.Property(x => x.Address).HasMaxLength(EventLimits.Place);
        b.Property(x => x.City).HasMaxLength(EventLimits.Place);
        b.Property(x => x.CountryCode).HasMaxLength(2);
        b.Property(x => x.OnlineUrl).HasMaxLength(EventLimits.Url);
        b.Property(x => x.RegistrationVersion).IsConcurrencyToken();
        b.HasOne<Directory.Institution>().WithMany().HasForeignKey(x => x.OrganiserInstitutionId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Platform.Identity.User>().WithMany().HasForeignKey(x => x.OrganiserUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Materials).WithOne().HasForeignKey(m => m.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.Status, x.StartsAt });
    }

    public void Configure(EntityTypeBuilder<EventRegistration> b)
    {
        b.ToTable("EventRegistrations");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Attendance).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Platform.Identity.User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.EventId, x.UserId }).IsUnique();
        b.HasIndex(x => new { x.UserId, x.Status });
        b.HasIndex(x => new { x.Status, x.ReminderSentAt });
    }

    public void Configure(EntityTypeBuilder<EventMaterial> b)
    {
        b.ToTable("EventMaterials");
        b.Property(x => x.Title).HasMaxLength(EventLimits.Title);
        b.Property(x => x.Url).HasMaxLength(EventLimits.Url);
        b.HasOne<Library.LibraryItem>().WithMany().HasForeignKey(x => x.LibraryItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.EventId);
    }

    public void Configure(EntityTypeBuilder<EventCalendarToken> b)
    {
        b.ToTable("EventCalendarTokens");
        b.HasKey(x => x.UserId);
        b.Property(x => x.Stamp).HasMaxLength(64);
        b.HasOne<Platform.Identity.User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
