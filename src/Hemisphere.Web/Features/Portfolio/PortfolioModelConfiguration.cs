using Hemisphere.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hemisphere.Features.Portfolio;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> b)
    {
        b.LocalizedText(x => x.Name, "Name", PortfolioLimits.Name);
        b.LocalizedText(x => x.Summary, "Summary", PortfolioLimits.LongText);
        b.Property(x => x.Key).HasMaxLength(PortfolioLimits.Name);
        b.HasIndex(x => x.Key).IsUnique();
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.Property(x => x.Pillar).HasMaxLength(100);
        b.LocalizedText(x => x.Name, "Name", PortfolioLimits.Name);
        b.LocalizedText(x => x.TargetBeneficiaries, "TargetBeneficiaries", PortfolioLimits.MediumText);
        b.LocalizedText(x => x.Summary, "Summary", PortfolioLimits.LongText);
        b.LocalizedText(x => x.Objectives, "Objectives", PortfolioLimits.LongText);
        b.LocalizedText(x => x.ExpectedResults, "ExpectedResults", PortfolioLimits.LongText);
        b.LocalizedText(x => x.AchievedResults, "AchievedResults", PortfolioLimits.LongText);
        b.Property(x => x.StatusOverride).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.FundingCurrency).HasMaxLength(3);
        b.Property(x => x.FundingAmount).HasPrecision(18, 2);
        b.Property(x => x.ImportKey).HasMaxLength(PortfolioLimits.Name);
        b.Property(x => x.Source).HasMaxLength(300);
        b.HasOne(x => x.Programme).WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.ImportKey).IsUnique();
        b.HasIndex(x => new { x.Published, x.StartDate });
    }
}

public static class PortfolioLimits
{
    public const int Name = 500;
    public const int MediumText = 2000;
    public const int LongText = 20000;
    public const int ListEntry = 300;
    public const int ListCount = 60;
}
