using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hemisphere.Features.Academy.Certificates.Badges;

/// <summary>
/// A key the platform signs Open Badges with (RSA 2048, RS256). Made on first use; its private half is kept only
/// encrypted with ASP.NET Core Data Protection. One key is current (RetiredAt null); rotation retires it, and retired
/// keys stay published so the credentials they signed still verify.
/// </summary>
public sealed class BadgeSigningKey
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The short name in the key's URL (/badges/keys/{KeyId}); the JWS kid is that URL.</summary>
    public string KeyId { get; set; } = "";
    public string Algorithm { get; set; } = Jws.Algorithm;

    /// <summary>The public JWK (kty, n, e) as JSON.</summary>
    public string PublicJwk { get; set; } = "";

    /// <summary>PKCS#8 private key, protected with Data Protection, base64.</summary>
    public string ProtectedPrivateKey { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? RetiredAt { get; set; }
}

/// <summary>A certificate's place in the revocation status lists, given the first time it is issued as a badge.</summary>
public sealed class BadgeStatusEntry
{
    /// <summary>From 1 up, made by the database: list = Index / 131072, position = Index % 131072.</summary>
    public int Index { get; set; }
    public Guid CertificateId { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}

internal sealed class BadgeRecordsConfiguration : IEntityTypeConfiguration<BadgeSigningKey>, IEntityTypeConfiguration<BadgeStatusEntry>
{
    public void Configure(EntityTypeBuilder<BadgeSigningKey> b)
    {
        b.ToTable("BadgeSigningKeys");
        b.Property(x => x.KeyId).HasMaxLength(40);
        b.HasIndex(x => x.KeyId).IsUnique();
        b.Property(x => x.Algorithm).HasMaxLength(10);
        b.Property(x => x.PublicJwk).HasMaxLength(2000);
        b.Property(x => x.ProtectedPrivateKey).HasMaxLength(8000);
        // One current key (NULLs are distinct in a unique index, so the filter carries the rule): two first uses at once cannot both make one.
        b.HasIndex(x => x.Algorithm).IsUnique().HasFilter("\"RetiredAt\" IS NULL").HasDatabaseName("IX_BadgeSigningKeys_Current");
    }

    public void Configure(EntityTypeBuilder<BadgeStatusEntry> b)
    {
        b.ToTable("BadgeStatusEntries");
        b.HasKey(x => x.Index);
        b.Property(x => x.Index).ValueGeneratedOnAdd();
        b.HasIndex(x => x.CertificateId).IsUnique();
        b.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Cascade);
    }
}
