using System.Text.Json.Nodes;
using Mixwright.Assistant.Agent;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Assistant.Tests.Agent;

public sealed class ToolCallShapesTests
{
    [Fact]
    public void Arguments_use_snake_case_names_with_units_and_omit_what_is_unset()
    {
        var call = ToolCall.Create(ToolNames.SetEqBand, new SetEqBandArgs("Piano", "peak", 250, DeltaDb: -3, Q: 1.4));
        Assert.Equal("""{"track":"Piano","type":"peak","freq_hz":250,"delta_db":-3,"q":1.4}""", call.ArgumentsJson);
        Assert.Equal(new SetEqBandArgs("Piano", "peak", 250, DeltaDb: -3, Q: 1.4), call.ArgumentsAs<SetEqBandArgs>());
    }

    [Fact]
    public void Unknown_tools_are_refused_by_name() =>
        Assert.Contains("delete_everything", Assert.Throws<ArgumentException>(() => new ToolCall("delete_everything", new JsonObject())).Message);

    [Fact]
    public void Valid_calls_pass_the_check()
    {
        Assert.Null(ToolCallShapes.Check(ToolCall.Create(ToolNames.SetGain, new SetGainArgs("Kick", DeltaDb: -3))));
        Assert.Null(ToolCallShapes.Check(ToolCall.Create(ToolNames.SetPan, new SetPanArgs("Kick", Pan: -1))));
        Assert.Null(ToolCallShapes.Check(ToolCall.Create(ToolNames.ApplyDescriptor, new ApplyDescriptorArgs("mix", "warm", 0.6, false, "body"))));
        Assert.Null(ToolCallShapes.Check(ToolCall.Create(ToolNames.SetReverb, new SetReverbArgs(DecayDeltaS: 0.5))));
    }

    [Fact]
    public void Out_of_range_values_name_the_argument_and_its_range()
    {
        string? problem = ToolCallShapes.Check(ToolCall.Create(ToolNames.SetGain, new SetGainArgs("Kick", GainDb: 40)));
        Assert.NotNull(problem);
        Assert.Contains("gain_db", problem);
        Assert.Contains(ConsoleRanges.GainDb.Describe(), problem);
        Assert.Contains("pan", ToolCallShapes.Check(ToolCall.Create(ToolNames.SetPan, new SetPanArgs("Kick", Pan: 2)))!);
    }

    [Fact]
    public void Malformed_shapes_are_named()
    {
        Assert.Contains("exactly one", ToolCallShapes.Check(ToolCall.Create(ToolNames.SetGain, new SetGainArgs("Kick")))!);
        Assert.Contains("exactly one", ToolCallShapes.Check(ToolCall.Create(ToolNames.SetGain, new SetGainArgs("Kick", 1, 1)))!);
        Assert.Contains("track", ToolCallShapes.Check(ToolCall.Create(ToolNames.SetMute, new SetMuteArgs("", true)))!);
        Assert.Contains("intensity", ToolCallShapes.Check(ToolCall.Create(ToolNames.ApplyDescriptor, new ApplyDescriptorArgs("Kick", "bright", 3, false)))!);
        var wrongType = new ToolCall(ToolNames.SetGain, JsonNode.Parse("""{"track":"Kick","delta_db":"loud"}""")!.AsObject());
        Assert.Contains("shape", ToolCallShapes.Check(wrongType)!);
    }
}
