using Hemisphere.Features.Directory;

namespace Hemisphere.Tests.Features.Directory;

public sealed class MembershipHistoryTests
{
    private static MembershipEvent E(int y, int m, int d, MembershipChange c) => new() { EffectiveOn = new DateOnly(y, m, d), Change = c };

    [Fact]
    public void Status_replays_the_history_up_to_the_date()
    {
        MembershipEvent[] h = [E(1948, 4, 30, MembershipChange.Joined), E(1962, 1, 31, MembershipChange.ParticipationSuspended), E(2009, 6, 3, MembershipChange.Noted)];
        Assert.Equal(MembershipStatus.NotMember, MembershipHistory.StatusOn(h, new DateOnly(1948, 4, 29)));
        Assert.Equal(MembershipStatus.Active, MembershipHistory.StatusOn(h, new DateOnly(1948, 4, 30)));
        Assert.Equal(MembershipStatus.NotParticipating, MembershipHistory.StatusOn(h, new DateOnly(1962, 1, 31)));
        Assert.Equal(MembershipStatus.NotParticipating, MembershipHistory.StatusOn(h, new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void A_state_that_withdrew_can_rejoin_but_not_withdraw_again()
    {
        MembershipEvent[] h = [E(1948, 4, 30, MembershipChange.Joined), E(2023, 11, 19, MembershipChange.Withdrew)];
        Assert.False(MembershipHistory.CanApply(h, MembershipChange.Withdrew, new DateOnly(2024, 1, 1)));
        Assert.False(MembershipHistory.CanApply(h, MembershipChange.ParticipationRestored, new DateOnly(2024, 1, 1)));
        Assert.True(MembershipHistory.CanApply(h, MembershipChange.Joined, new DateOnly(2027, 1, 1)));
        Assert.Equal(MembershipStatus.Active, MembershipHistory.StatusOn([.. h, E(2027, 1, 1, MembershipChange.Joined)], new DateOnly(2027, 1, 2)));
    }
}
