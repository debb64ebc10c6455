using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hemisphere.Features.Community.Forums;

/// <summary>Who a category is for: every member (per network, theme or country), or a private group.</summary>
public enum CategoryAccess { Members, Private }

/// <summary>
/// A place for topics: per network, per theme, per country, or private to a group (a course
/// cohort, the focal points of one programme). Private categories are invisible to non-members.
/// </summary>
public sealed class ForumCategory : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Slug { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
    public CategoryAccess Access { get; set; }
    public string? CountryCode { get; set; }
    public string? Theme { get; set; }
    public int Position { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}

public sealed class ForumCategoryMember
{
    public Guid CategoryId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset AddedAt { get; set; } = DateTimeOffset.UtcNow;
}

public sealed class ForumTopic : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CategoryId { get; set; }
    public string Title { get; set; } = "";
    public Guid AuthorId { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>The time of the last visible post: topics are listed by it.</summary>
    public DateTimeOffset LastPostAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>Visible posts, the first included.</summary>
    public int PostCount { get; set; }
    public bool Pinned { get; set; }
    public bool Locked { get; set; }
    public bool Hidden { get; set; }
    public Guid? AcceptedPostId { get; set; }

    /// <summary>Set when a moderator merged this topic into another; its posts moved there.</summary>
    public Guid? MergedIntoId { get; set; }
}

public enum PostState { Visible, Pending, Hidden }

public sealed class ForumPost : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TopicId { get; set; }
    public Guid AuthorId { get; set; }

    /// <summary>Markdown.</summary>
    public string Body { get; set; } = "";
    public PostState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? EditedAt { get; set; }
    public Guid? QuotedPostId { get; set; }
}

/// <summary>A post as it was before an edit: the edit history.</summary>
public sealed class ForumPostRevision
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PostId { get; set; }
    public string Body { get; set; } = "";
    public Guid EditorId { get; set; }
    public DateTimeOffset ReplacedAt { get; set; } = DateTimeOffset.UtcNow;
}

public sealed class ForumReaction
{
    public Guid PostId { get; set; }
    public Guid UserId { get; set; }
    public string Kind { get; set; } = "";
    public DateTimeOffset At { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>How far a member has read a topic: posts created after <see cref="ReadUpTo"/> are unread.</summary>
public sealed class ForumReadState
{
    public Guid UserId { get; set; }
    public Guid TopicId { get; set; }
    public DateTimeOffset ReadUpTo { get; set; }
}

/// <summary>A member follows a topic or a whole category (exactly one of the two).</summary>
public sealed class ForumFollow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public Guid? TopicId { get; set; }
    public Guid? CategoryId { get; set; }
}

public sealed class ForumFlag : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PostId { get; set; }
    public Guid ReporterId { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? ResolvedAt { get; set; }
    public Guid? ResolvedBy { get; set; }
}

/// <summary>A member a moderator silenced until a time: they read but cannot post.</summary>
public sealed class ForumSilence : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public DateTimeOffset Until { get; set; }
    public string Reason { get; set; } = "";
    public Guid By { get; set; }
    public DateTimeOffset At { get; set; } = DateTimeOffset.UtcNow;
}

public static class ForumLimits
{
    public const int Title = 200;
    public const int Body = 50_000;
    public const int Reason = 1000;
    public const int Slug = 80;
    public static readonly string[] Reactions = ["like", "thanks", "insightful"];
}

internal sealed class ForumConfiguration :
    IEntityTypeConfiguration<ForumCategory>, IEntityTypeConfiguration<ForumCategoryMember>, IEntityTypeConfiguration<ForumTopic>,
    IEntityTypeConfiguration<ForumPost>, IEntityTypeConfiguration<ForumPostRevision>, IEntityTypeConfiguration<ForumReaction>,
    IEntityTypeConfiguration<ForumReadState>, IEntityTypeConfiguration<ForumFollow>, IEntityTypeConfiguration<ForumFlag>,
    IEntityTypeConfiguration<ForumSilence>
{
    public void Configure(EntityTypeBuilder<ForumCategory> b)
    {
        b.ToTable("ForumCategories");
        b.Property(x => x.Slug).HasMaxLength(ForumLimits.Slug);
        b.HasIndex(x => x.Slug).IsUnique();
        b.LocalizedText(x => x.Name, "Name", 200);
        b.LocalizedText(x => x.Description, "Description", 2000);
        b.Property(x => x.Access).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CountryCode).HasMaxLength(2);
        b.Property(x => x.Theme).HasMaxLength(60);
    }

    public void Configure(EntityTypeBuilder<ForumCategoryMember> b)
    {
        b.ToTable("ForumCategoryMembers");
        b.HasKey(x => new { x.CategoryId, x.UserId });
        b.HasOne<ForumCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ForumTopic> b)
    {
        b.ToTable("ForumTopics");
        b.Property(x => x.Title).HasMaxLength(ForumLimits.Title);
        b.HasOne<ForumCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CategoryId, x.Pinned, x.LastPostAt });
    }

    public void Configure(EntityTypeBuilder<ForumPost> b)
    {
        b.ToTable("ForumPosts");
        b.Property(x => x.Body).HasMaxLength(ForumLimits.Body);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.HasOne<ForumTopic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
        // A topic's posts in page order; PostgreSQL adds State and AuthorId to it (PostgresHemisphereDb), so a page's ids
        // and the count are read from the index alone, however deep the page.
        b.HasIndex(x => new { x.TopicId, x.CreatedAt, x.Id });
        b.HasIndex(x => new { x.State, x.CreatedAt });
        b.HasIndex(x => x.AuthorId);
    }

    public void Configure(EntityTypeBuilder<ForumPostRevision> b)
    {
        b.ToTable("ForumPostRevisions");
        b.Property(x => x.Body).HasMaxLength(ForumLimits.Body);
        b.HasOne<ForumPost>().WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.PostId);
    }

    public void Configure(EntityTypeBuilder<ForumReaction> b)
    {
        b.ToTable("ForumReactions");
        b.HasKey(x => new { x.PostId, x.UserId, x.Kind });
        b.Property(x => x.Kind).HasMaxLength(20);
        b.HasOne<ForumPost>().WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ForumReadState> b)
    {
        b.ToTable("ForumReadStates");
        b.HasKey(x => new { x.UserId, x.TopicId });
        b.HasOne<ForumTopic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ForumFollow> b)
    {
        b.ToTable("ForumFollows");
        b.HasIndex(x => new { x.UserId, x.TopicId, x.CategoryId }).IsUnique();
        b.HasIndex(x => x.TopicId);
        b.HasIndex(x => x.CategoryId);
    }

    public void Configure(EntityTypeBuilder<ForumFlag> b)
    {
        b.ToTable("ForumFlags");
        b.Property(x => x.Reason).HasMaxLength(ForumLimits.Reason);
        b.HasOne<ForumPost>().WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ResolvedAt);
    }

    public void Configure(EntityTypeBuilder<ForumSilence> b)
    {
        b.ToTable("ForumSilences");
        b.Property(x => x.Reason).HasMaxLength(ForumLimits.Reason);
        b.HasIndex(x => new { x.UserId, x.Until });
    }
}
