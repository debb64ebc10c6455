using Hemisphere.Platform.Audit;
using Hemisphere.Platform.Data;

namespace Hemisphere.Features.Directory;

/// <summary>A state of the Americas that has belonged to the OAS. Its status at any date comes from its history.</summary>
public sealed class MemberState
{
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string Code { get; set; } = "";
    /// <summary>ISO 3166-1 alpha-3.</summary>
    public string Alpha3 { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
    public List<MembershipEvent> Events { get; set; } = [];

    public MembershipStatus StatusOn(DateOnly date) => MembershipHistory.StatusOn(Events, date);
}

public enum MembershipChange
{
    /// <summary>Became a member (signed or ratified the Charter, or was admitted).</summary>
    Joined,
    /// <summary>Remains a member but no longer takes part (Cuba, 1962).</summary>
    ParticipationSuspended,
    ParticipationRestored,
    /// <summary>Withdrawal took effect (after the two-year notice of Article 143).</summary>
    Withdrew,
    /// <summary>A fact worth recording that does not change the status (a notice, a resolution).</summary>
    Noted,
}

public enum MembershipStatus { NotMember, Active, NotParticipating, Withdrawn }

public enum DatePrecision { Day, Year }

public sealed class MembershipEvent : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string CountryCode { get; set; } = "";
    public DateOnly EffectiveOn { get; set; }
    public DatePrecision Precision { get; set; } = DatePrecision.Day;
    public MembershipChange Change { get; set; }
    public string? Reference { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; } = DateTimeOffset.UtcNow;
}

public static class MembershipHistory
{
    /// <summary>Replays the history up to and including <paramref name="date"/>.</summary>
    public static MembershipStatus StatusOn(IEnumerable<MembershipEvent> events, DateOnly date)
    {
        var status = MembershipStatus.NotMember;
        foreach (var e in events.Where(e => e.EffectiveOn <= date).OrderBy(e => e.EffectiveOn).ThenBy(e => e.RecordedAt).ThenBy(e => e.Id))
        {
            status = (status, e.Change) switch
            {
                (_, MembershipChange.Noted) => status,
                (_, MembershipChange.Joined) => MembershipStatus.Active,
                (MembershipStatus.Active, MembershipChange.ParticipationSuspended) => MembershipStatus.NotParticipating,
                (MembershipStatus.NotParticipating, MembershipChange.ParticipationRestored) => MembershipStatus.Active,
                (MembershipStatus.Active or MembershipStatus.NotParticipating, MembershipChange.Withdrew) => MembershipStatus.Withdrawn,
                _ => status,
            };
        }
        return status;
    }

    /// <summary>Whether the change makes sense after the history as it stands on its date.</summary>
    public static bool CanApply(IEnumerable<MembershipEvent> events, MembershipChange change, DateOnly on)
    {
        var before = StatusOn(events, on);
        return change switch
        {
            MembershipChange.Noted => true,
            MembershipChange.Joined => before is MembershipStatus.NotMember or MembershipStatus.Withdrawn,
            MembershipChange.ParticipationSuspended => before is MembershipStatus.Active,
            MembershipChange.ParticipationRestored => before is MembershipStatus.NotParticipating,
            MembershipChange.Withdrew => before is MembershipStatus.Active or MembershipStatus.NotParticipating,
            _ => false,
        };
    }
}
