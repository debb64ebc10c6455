using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hemisphere.Features.Directory;

internal sealed class MemberStateConfiguration : IEntityTypeConfiguration<MemberState>
{
    public void Configure(EntityTypeBuilder<MemberState> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(2);
        b.Property(x => x.Alpha3).HasMaxLength(3);
        b.ComplexProperty(x => x.Name, n =>
        {
            n.Property(p => p.En).HasMaxLength(100).HasColumnName("NameEn");
            n.Property(p => p.Es).HasMaxLength(100).HasColumnName("NameEs");
            n.Property(p => p.Pt).HasMaxLength(100).HasColumnName("NamePt");
            n.Property(p => p.Fr).HasMaxLength(100).HasColumnName("NameFr");
        });
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.CountryCode).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MembershipEventConfiguration : IEntityTypeConfiguration<MembershipEvent>
{
    public void Configure(EntityTypeBuilder<MembershipEvent> b)
    {
        b.Property(x => x.CountryCode).HasMaxLength(2);
        b.Property(x => x.Change).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Precision).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Reference).HasMaxLength(300);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.HasIndex(x => new { x.CountryCode, x.EffectiveOn });
    }
}

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> b)
    {
        b.Property(x => x.Name).HasMaxLength(DirectoryLimits.Name);
        b.Property(x => x.Acronym).HasMaxLength(DirectoryLimits.Acronym);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.CountryCode).HasMaxLength(2);
        b.Property(x => x.Website).HasMaxLength(DirectoryLimits.Url);
        b.Property(x => x.Description).HasMaxLength(DirectoryLimits.LongText);
        b.HasOne<MemberState>().WithMany().HasForeignKey(x => x.CountryCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Certifications).WithOne().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CountryCode, x.Name });
        b.HasIndex(x => x.Name);
        b.HasIndex(x => x.Kind);
        b.Property(x => x.SearchText).HasMaxLength(1000);
    }
}

internal sealed class QualityCertificationConfiguration : IEntityTypeConfiguration<QualityCertification>
{
    public void Configure(EntityTypeBuilder<QualityCertification> b)
    {
        b.Property(x => x.Standard).HasMaxLength(100);
        b.Property(x => x.Scope).HasMaxLength(1000);
        b.Property(x => x.CertifyingBody).HasMaxLength(200);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(x => x.FullName).HasMaxLength(DirectoryLimits.Name);
        b.Property(x => x.Title).HasMaxLength(DirectoryLimits.Title);
        b.Property(x => x.CountryCode).HasMaxLength(2);
        b.Property(x => x.Biography).HasMaxLength(DirectoryLimits.LongText);
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.Visibility).HasConversion<string>().HasMaxLength(20);
        b.HasOne<MemberState>().WithMany().HasForeignKey(x => x.CountryCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Institution).WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Platform.Identity.User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.UserId).IsUnique();
        b.HasIndex(x => new { x.Visibility, x.FullName, x.Id });
        b.HasIndex(x => new { x.FullName, x.Id });
        b.HasIndex(x => x.InstitutionId);
        b.HasIndex(x => new { x.CountryCode, x.FullName });
        b.Property(x => x.SearchText).HasMaxLength(2000);
    }
}

public static class DirectoryLimits
{
    public const int Name = 300;
    public const int Acronym = 30;
    public const int Title = 200;
    public const int Url = 500;
    public const int LongText = 8000;
    public const int ListEntry = 100;
    public const int ListCount = 30;
}
