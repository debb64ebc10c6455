using Hemisphere.Features.Directory;
using Hemisphere.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hemisphere.Features.Interventions;

internal sealed class InterventionConfiguration : IEntityTypeConfiguration<Intervention>
{
    public void Configure(EntityTypeBuilder<Intervention> b)
    {
        b.Property(x => x.Slug).HasMaxLength(InterventionLimits.Slug);
        b.HasIndex(x => x.Slug).IsUnique();
        b.LocalizedText(x => x.Name, "Name", InterventionLimits.Name);
        b.LocalizedText(x => x.Summary, "Summary", InterventionLimits.MediumText);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Area).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Continuum).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Focus).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Rating).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.MechanismQuality).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ModeratorsQuality).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ImplementationQuality).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CostQuality).HasConversion<string>().HasMaxLength(20);
        b.LocalizedText(x => x.Goals, "Goals", InterventionLimits.LongText);
        b.LocalizedText(x => x.Eligibility, "Eligibility", InterventionLimits.LongText);
        b.LocalizedText(x => x.Mechanism, "Mechanism", InterventionLimits.LongText);
        b.LocalizedText(x => x.Components, "Components", InterventionLimits.LongText);
        b.LocalizedText(x => x.Dosage, "Dosage", InterventionLimits.LongText);
        b.LocalizedText(x => x.Implementation, "Implementation", InterventionLimits.LongText);
        b.LocalizedText(x => x.Staffing, "Staffing", InterventionLimits.LongText);
        b.LocalizedText(x => x.Moderators, "Moderators", InterventionLimits.LongText);
        b.LocalizedText(x => x.CostText, "CostText", InterventionLimits.LongText);
        b.LocalizedText(x => x.RatingRationale, "RatingRationale", InterventionLimits.LongText);
        b.Property(x => x.StartUpCost).HasPrecision(18, 2);
        b.Property(x => x.RunningCost).HasPrecision(18, 2);
        b.Property(x => x.CostPerParticipant).HasPrecision(18, 2);
        b.Property(x => x.CostCurrency).HasMaxLength(3);
        b.Property(x => x.SearchText).HasMaxLength(InterventionLimits.SearchText);
        b.HasMany(x => x.Studies).WithOne().HasForeignKey(x => x.InterventionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Outcomes).WithOne().HasForeignKey(x => x.InterventionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.ExternalRatings).WithOne().HasForeignKey(x => x.InterventionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Implementations).WithOne().HasForeignKey(x => x.InterventionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.Status, x.Area, x.Rating });
    }
}

internal sealed class InterventionStudyConfiguration : IEntityTypeConfiguration<InterventionStudy>
{
    public void Configure(EntityTypeBuilder<InterventionStudy> b)
    {
        b.Property(x => x.Citation).HasMaxLength(InterventionLimits.Citation);
        b.Property(x => x.Url).HasMaxLength(InterventionLimits.Url);
        b.Property(x => x.Design).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Country).HasMaxLength(100);
        b.Property(x => x.Quality).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class InterventionOutcomeConfiguration : IEntityTypeConfiguration<InterventionOutcome>
{
    public void Configure(EntityTypeBuilder<InterventionOutcome> b)
    {
        b.LocalizedText(x => x.Name, "Name", InterventionLimits.Name);
        b.Property(x => x.Domain).HasMaxLength(InterventionLimits.ListEntry);
        b.Property(x => x.Direction).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.EffectSize).HasMaxLength(InterventionLimits.ListEntry);
        b.Property(x => x.Rating).HasConversion<string>().HasMaxLength(30);
    }
}

internal sealed class ExternalRatingConfiguration : IEntityTypeConfiguration<ExternalRating>
{
    public void Configure(EntityTypeBuilder<ExternalRating> b)
    {
        b.Property(x => x.Framework).HasMaxLength(InterventionLimits.ListEntry);
        b.Property(x => x.Label).HasMaxLength(InterventionLimits.ListEntry);
        b.Property(x => x.Outcome).HasMaxLength(InterventionLimits.ListEntry);
        b.Property(x => x.Url).HasMaxLength(InterventionLimits.Url);
    }
}

internal sealed class InterventionImplementationConfiguration : IEntityTypeConfiguration<InterventionImplementation>
{
    public void Configure(EntityTypeBuilder<InterventionImplementation> b)
    {
        b.Property(x => x.CountryCode).HasMaxLength(2);
        b.Property(x => x.City).HasMaxLength(InterventionLimits.ListEntry);
        b.LocalizedText(x => x.Adaptations, "Adaptations", InterventionLimits.MediumText);
        b.LocalizedText(x => x.LocalEvaluation, "LocalEvaluation", InterventionLimits.MediumText);
        b.HasOne<MemberState>().WithMany().HasForeignKey(x => x.CountryCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Institution).WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.CountryCode);
    }
}

public static class InterventionLimits
{
    public const int Slug = 120;
    public const int Name = 300;
    public const int MediumText = 2000;
    public const int LongText = 8000;
    public const int Citation = 1000;
    public const int Url = 2000;
    public const int ListEntry = 200;
    public const int ListCount = 40;
    public const int Rows = 100;
    public const int SearchText = 12000;
}
