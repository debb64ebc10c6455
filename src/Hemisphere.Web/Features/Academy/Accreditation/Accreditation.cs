using Hemisphere.Features.Directory;
using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hemisphere.Features.Academy.Accreditation;

/// <summary>Draft: being prepared, has no effect. Active: certificates carry it. Suspended and Ended: no longer on new certificates.</summary>
public enum AccreditationStatus { Draft, Active, Suspended, Ended }

/// <summary>
/// A university (an <see cref="Institution"/> of kind University) recognises a course, or a whole programme, for
/// credits under an agreement with the academy. Exactly one of <see cref="CourseId"/> and <see cref="ProgrammeId"/>
/// is set. Certificates of completions on a date between <see cref="ValidFrom"/> and <see cref="ValidTo"/> while it
/// is Active carry the university, the credits and the agreement's reference; the university's staff see the
/// outcomes of those completions (not of drafts, and never outside the dates).
/// </summary>
public sealed class CourseAccreditation : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UniversityId { get; set; }
    public Guid? CourseId { get; set; }
    public Guid? ProgrammeId { get; set; }

    /// <summary>The agreement's reference, as the university writes it (e.g. "UNAL-DPS-2027-04").</summary>
    public string AgreementReference { get; set; } = "";

    /// <summary>The signed agreement (a document in the file store).</summary>
    public Guid? AgreementFileId { get; set; }
    public decimal Hours { get; set; }
    public decimal Credits { get; set; }

    /// <summary>ECTS, SCH (semester credit hours) or the university's own name for its credits.</summary>
    public string CreditSystem { get; set; } = "";
    public DateOnly ValidFrom { get; set; }

    /// <summary>Null: open-ended.</summary>
    public DateOnly? ValidTo { get; set; }
    public AccreditationStatus Status { get; set; }

    public Guid? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public Guid? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>Covers a completion on this day (whatever the status).</summary>
    public bool Covers(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);
}

public static class AccreditationLimits
{
    public const int Reference = 100;
    public const int CreditSystem = 40;
}

internal sealed class CourseAccreditationConfiguration : IEntityTypeConfiguration<CourseAccreditation>
{
    public void Configure(EntityTypeBuilder<CourseAccreditation> b)
    {
        b.ToTable("AcademyAccreditations");
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.UniversityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AcademyProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.AgreementFileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.UniversityId);
        b.HasIndex(x => x.CourseId);
        b.HasIndex(x => x.ProgrammeId);
        b.Property(x => x.AgreementReference).HasMaxLength(AccreditationLimits.Reference);
        b.Property(x => x.CreditSystem).HasMaxLength(AccreditationLimits.CreditSystem);
        b.Property(x => x.Hours).HasPrecision(7, 2);
        b.Property(x => x.Credits).HasPrecision(7, 2);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
    }
}
