using Mixwright.Assistant.Agent;

namespace Mixwright.Assistant.Tests.Agent;

public sealed class FollowUpsTests
{
    [Fact]
    public void Scaling_a_gain_change_repeats_or_backs_off_in_round_steps()
    {
        var call = ToolCall.Create(ToolNames.SetGain, new SetGainArgs("Kick", DeltaDb: 2.5));
        Assert.Equal(2.5, FollowUps.Scale(call, 1)!.GetNumber("delta_db"));
        Assert.Equal(-1.5, FollowUps.Scale(call, -0.5)!.GetNumber("delta_db"));
        Assert.Equal(0.5, FollowUps.Scale(call, 0.01)!.GetNumber("delta_db"));
    }

    [Fact]
    public void Absolute_settings_and_switches_cannot_be_scaled()
    {
        Assert.Null(FollowUps.Scale(ToolCall.Create(ToolNames.SetGain, new SetGainArgs("Kick", GainDb: -6)), 1));
        Assert.Null(FollowUps.Scale(ToolCall.Create(ToolNames.SetMute, new SetMuteArgs("Kick", true)), 1));
    }

    [Fact]
    public void Backing_off_a_descriptor_flips_negate_and_a_compressor_reverses_its_steps()
    {
        var bright = ToolCall.Create(ToolNames.ApplyDescriptor, new ApplyDescriptorArgs("bright", "Piano", 0.6, false));
        var back = FollowUps.Scale(bright, -0.5)!;
        Assert.Equal((true, 0.3), (back.GetBool("negate")!.Value, back.GetNumber("intensity")!.Value));
        var comp = ToolCall.Create(ToolNames.SetCompressor, new SetCompressorArgs("Bass DI", Steps: 1));
        Assert.Equal(-0.5, FollowUps.Scale(comp, -0.5)!.GetNumber("steps"));
    }

    [Fact]
    public void Retargeting_to_the_mix_uses_the_master_controls()
    {
        var gain = ToolCall.Create(ToolNames.SetGain, new SetGainArgs("Kick", DeltaDb: 2));
        var master = FollowUps.Retarget(gain, ToolCallShapes.MixTarget)!;
        Assert.Equal((ToolNames.SetMaster, 2.0), (master.Name, master.GetNumber("output_gain_delta_db")!.Value));
        Assert.Null(FollowUps.Retarget(ToolCall.Create(ToolNames.SetPan, new SetPanArgs("Kick", Pan: 0.5)), ToolCallShapes.MixTarget));
    }

    [Fact]
    public void The_same_move_on_several_tracks_collapses_before_retargeting()
    {
        var calls = new[] { "Kick", "Snare", "Overheads" }.Select(t => ToolCall.Create(ToolNames.SetGain, new SetGainArgs(t, DeltaDb: 2)));
        var result = FollowUps.RetargetAll(calls, ["Gtr Rhythm", "Gtr Lead"]);
        Assert.Equal(["Gtr Rhythm", "Gtr Lead"], result.Select(c => c.Track));
    }
}
