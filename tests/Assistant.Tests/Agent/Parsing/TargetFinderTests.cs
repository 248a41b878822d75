namespace Mixwright.Assistant.Tests.Agent.Parsing;

public sealed class TargetFinderTests
{
    [Fact]
    public void The_track_being_drowned_is_a_reference_point_not_a_target()
    {
        var reading = ClauseSteps.Read("the guitars are drowning the vocal", ClauseSteps.Targets);
        Assert.Equal(["Gtr Rhythm", "Gtr Lead"], ClauseSteps.TargetNames(reading));
    }

    [Fact]
    public void Positions_pick_tracks_by_session_order()
    {
        var positional = ClauseSteps.Read("turn track 3 up", ClauseSteps.Targets);
        Assert.Equal("Kick", Assert.Single(positional.Clause.PositionalTargets).Name);
        Assert.Contains(2, positional.Consumed);

        var second = ClauseSteps.Read("the second guitar is too loud", ClauseSteps.Targets);
        Assert.Equal(["Gtr Lead"], ClauseSteps.TargetNames(second));
    }

    [Fact]
    public void Everything_but_a_track_targets_all_tracks_and_leaves_it_out()
    {
        var reading = ClauseSteps.Read("all tracks except the kick", ClauseSteps.Targets);
        Assert.True(reading.Clause.AllTracksTarget);
        Assert.Equal("kick", Assert.Single(reading.Clause.Exclusions).Mention.Text);
    }

    [Fact]
    public void The_mix_is_the_master_unless_it_is_where_a_track_sits()
    {
        Assert.True(ClauseSteps.Read("make the mix warmer", ClauseSteps.Targets).Clause.MixTarget);
        Assert.False(ClauseSteps.Read("the bass sits too low in the mix", ClauseSteps.Targets).Clause.MixTarget);
    }
}
