using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hemisphere.Platform.Search;

/// <summary>
/// One language version of one thing a reader can find (a library item, an intervention, an
/// institution, an activity), as the search index holds it. Derived data: features replace the
/// documents of a record whenever they save it, and the <c>reindex</c> verb rebuilds them all.
/// SQLite indexes <see cref="TitleTerms"/> and <see cref="BodyTerms"/> in an FTS5 table kept by
/// triggers; PostgreSQL in a generated tsvector column with a GIN index (see the Search migration).
/// </summary>
public sealed class SearchDocument
{
    public long Id { get; set; }

    /// <summary>Which feature the record belongs to ("library", "intervention", "institution", "activity").</summary>
    public string Source { get; set; } = "";
    public Guid SourceId { get; set; }

    /// <summary>en, es, pt, fr or und.</summary>
    public string Language { get; set; } = TextAnalysis.Neutral;

    /// <summary>The facet "kind": publication, news, intervention, institution…</summary>
    public string Kind { get; set; } = "";

    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";

    /// <summary>Plain text, capped, from which snippets are cut.</summary>
    public string Body { get; set; } = "";
    public string Url { get; set; } = "";
    public int? Year { get; set; }

    /// <summary>Who may find it: "public" (anyone) or "members" (signed-in members only).</summary>
    public string Audience { get; set; } = SearchAudience.Public;

    /// <summary>From when the public may find it; null never (drafts are usually not indexed at all).</summary>
    public DateTimeOffset? VisibleFrom { get; set; }

    public string TitleTerms { get; set; } = "";
    public string BodyTerms { get; set; } = "";

    /// <summary>The language as one token for FTS5 column filters ("zzlanges").</summary>
    public string LangTerm { get; set; } = "";

    public List<SearchFacet> Facets { get; set; } = [];
}

public static class SearchAudience
{
    public const string Public = "public";
    public const string Members = "members";
}

/// <summary>A many-valued facet of a document: a country or a theme.</summary>
public sealed class SearchFacet
{
    public long DocumentId { get; set; }
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}

internal sealed class SearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>, IEntityTypeConfiguration<SearchFacet>
{
    public void Configure(EntityTypeBuilder<SearchDocument> b)
    {
        b.ToTable("SearchDocuments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.Source).HasMaxLength(40);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.Title).HasMaxLength(1000);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.Url).HasMaxLength(1000);
        b.Property(x => x.LangTerm).HasMaxLength(20);
        b.Property(x => x.Audience).HasMaxLength(10);
        b.HasIndex(x => new { x.Source, x.SourceId });
        b.HasIndex(x => x.VisibleFrom);
        b.HasMany(x => x.Facets).WithOne().HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SearchFacet> b)
    {
        b.ToTable("SearchFacets");
        b.HasKey(x => new { x.DocumentId, x.Name, x.Value });
        b.Property(x => x.Name).HasMaxLength(20);
        b.Property(x => x.Value).HasMaxLength(100);
        b.HasIndex(x => new { x.Name, x.Value });
    }
}
