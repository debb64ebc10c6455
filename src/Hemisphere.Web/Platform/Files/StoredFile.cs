using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hemisphere.Platform.Files;

/// <summary>
/// An uploaded file. Its bytes live once per content under <c>DataDirectory/files/ab/cd/&lt;sha256&gt;</c>
/// (see <see cref="FileStore"/>); several rows may share the same content.
/// </summary>
public sealed class StoredFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The name the user gave, cleaned of control characters; shown and offered on download, never used on disk.</summary>
    public string OriginalName { get; set; } = "";

    /// <summary>The content type Hemisphere recognised from the content (not the one the client sent).</summary>
    public string ContentType { get; set; } = "";

    /// <summary>Lower case, without the dot: pdf, docx, mp4…</summary>
    public string Extension { get; set; } = "";

    public long Length { get; set; }

    /// <summary>SHA-256 of the content, 64 lower-case hex digits; also the file's name on disk.</summary>
    public string Sha256 { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }

    /// <summary>The text of documents (PDF, Word, spreadsheets, presentations, CSV), capped, for search.</summary>
    public string? ExtractedText { get; set; }
}

public static class FileLimits
{
    public const int Name = 255;
    public const int ContentType = 150;
    public const int Extension = 10;
    public const int Sha256 = 64;
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("StoredFiles");
        b.Property(x => x.OriginalName).HasMaxLength(FileLimits.Name);
        b.Property(x => x.ContentType).HasMaxLength(FileLimits.ContentType);
        b.Property(x => x.Extension).HasMaxLength(FileLimits.Extension);
        b.Property(x => x.Sha256).HasMaxLength(FileLimits.Sha256);
        b.HasIndex(x => x.Sha256);
    }
}
