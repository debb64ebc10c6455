using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hemisphere.Features.Library;

public enum LibraryKind { Publication, BestPractice, News, Blog, Video }

/// <summary>Draft → in review → published → archived; a reviewer may send an item back to draft.</summary>
public enum LibraryStatus { Draft, InReview, Published, Archived }

/// <summary>
/// A publication, best practice, news item, blog post or video, with one version per language.
/// It is public when <see cref="Status"/> is Published and <see cref="PublishAt"/> has come
/// (a later PublishAt is a scheduled publication).
/// </summary>
public sealed class LibraryItem : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The stable address: /library/{slug}.</summary>
    public string Slug { get; set; } = "";
    public LibraryKind Kind { get; set; }
    public LibraryStatus Status { get; set; }

    /// <summary>The language it was written in: the version shown when the reader's is missing.</summary>
    public string OriginalLanguage { get; set; } = "en";
    public List<string> Authors { get; set; } = [];
    public Guid? InstitutionId { get; set; }
    public List<string> Countries { get; set; } = [];
    public List<string> Themes { get; set; } = [];
    public List<string> Tags { get; set; } = [];

    /// <summary>The date of publication shown to readers (a report's own date may precede its upload).</summary>
    public DateOnly? PublishedOn { get; set; }

    /// <summary>From when the public sees it, once published.</summary>
    public DateTimeOffset? PublishAt { get; set; }

    /// <summary>For videos hosted elsewhere (YouTube, Vimeo): the page address, embedded on the item page.</summary>
    public string? VideoUrl { get; set; }

    public Guid? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>The reviewer's comment when the item was last sent back.</summary>
    public string? ReviewComment { get; set; }

    public List<LibraryVersion> Versions { get; set; } = [];
    public List<LibraryAttachment> Attachments { get; set; } = [];

    public bool IsPublicAt(DateTimeOffset now) => Status == LibraryStatus.Published && PublishAt is { } at && at <= now;
}

/// <summary>The item in one language.</summary>
public sealed class LibraryVersion : IAudited
{
    public Guid ItemId { get; set; }
    public string Language { get; set; } = "en";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";

    /// <summary>Markdown.</summary>
    public string Body { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>A file attached to an item: a report in PDF or Word, a spreadsheet, an uploaded video.</summary>
public sealed class LibraryAttachment : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ItemId { get; set; }
    public Guid StoredFileId { get; set; }
    public StoredFile File { get; set; } = null!;

    /// <summary>The language of the document; null when it serves every version (a dataset, a video without speech).</summary>
    public string? Language { get; set; }
    public string Title { get; set; } = "";
    public DateTimeOffset AddedAt { get; set; } = DateTimeOffset.UtcNow;
}

public static class LibraryLimits
{
    public const int Slug = 120;
    public const int Title = 300;
    public const int Summary = 2000;
    public const int Body = 200_000;
    public const int ListCount = 40;
    public const int ListEntry = 200;
    public const int Comment = 4000;
    public const int Attachments = 30;
}

internal sealed class LibraryItemConfiguration : IEntityTypeConfiguration<LibraryItem>, IEntityTypeConfiguration<LibraryVersion>, IEntityTypeConfiguration<LibraryAttachment>
{
    public void Configure(EntityTypeBuilder<LibraryAttachment> b)
    {
        b.ToTable("LibraryAttachments");
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.Title).HasMaxLength(LibraryLimits.Title);
        b.HasOne(x => x.File).WithMany().HasForeignKey(x => x.StoredFileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ItemId);
    }

    public void Configure(EntityTypeBuilder<LibraryItem> b)
    {
        b.ToTable("LibraryItems");
        b.Property(x => x.Slug).HasMaxLength(LibraryLimits.Slug);
        b.HasIndex(x => x.Slug).IsUnique();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.OriginalLanguage).HasMaxLength(8);
        b.Property(x => x.VideoUrl).HasMaxLength(1000);
        b.Property(x => x.ReviewComment).HasMaxLength(LibraryLimits.Comment);
        b.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Directory.Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.Status, x.PublishAt });
    }

    public void Configure(EntityTypeBuilder<LibraryVersion> b)
    {
        b.ToTable("LibraryVersions");
        b.HasKey(x => new { x.ItemId, x.Language });
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.Title).HasMaxLength(LibraryLimits.Title);
        b.Property(x => x.Summary).HasMaxLength(LibraryLimits.Summary);
        b.Property(x => x.Body).HasMaxLength(LibraryLimits.Body);
    }
}
