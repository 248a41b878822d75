using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mixwright.Assistant.Agent;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Assistant.Tests.Agent;

public sealed class ToolCallShapesTests
{
    /// <summary>Which argument record builds calls to which tool.</summary>
    private static readonly (string Tool, Type Record)[] Records =
    [
        (ToolNames.AnalyzeTrack, typeof(TrackArgs)), (ToolNames.ResetEq, typeof(TrackArgs)),
        (ToolNames.SetGain, typeof(SetGainArgs)), (ToolNames.SetPan, typeof(SetPanArgs)), (ToolNames.SetWidth, typeof(SetWidthArgs)),
        (ToolNames.SetEqBand, typeof(SetEqBandArgs)), (ToolNames.SetHighPass, typeof(SetHighPassArgs)),
        (ToolNames.SetCompressor, typeof(SetCompressorArgs)), (ToolNames.SetReverb, typeof(SetReverbArgs)),
        (ToolNames.SetMute, typeof(SetMuteArgs)), (ToolNames.SetSolo, typeof(SetSoloArgs)), (ToolNames.SetMaster, typeof(SetMasterArgs)),
        (ToolNames.ApplyDescriptor, typeof(ApplyDescriptorArgs)), (ToolNames.MatchReference, typeof(MatchReferenceArgs)),
        (ToolNames.Explain, typeof(ExplainArgs)), (ToolNames.Commit, typeof(CommitArgs)), (ToolNames.Undo, typeof(HistoryStepArgs)),
        (ToolNames.Redo, typeof(HistoryStepArgs)), (ToolNames.Render, typeof(RenderArgs)), (ToolNames.Compare, typeof(CompareArgs)),
        (ToolNames.AnalyzeMix, typeof(AnalyzeMixArgs)), (ToolNames.BalanceLevels, typeof(BalanceLevelsArgs)), (ToolNames.Propose, typeof(ProposeArgs)),
        (ToolNames.CheckMix, typeof(CheckMixArgs)), (ToolNames.ProposeFix, typeof(ProposeFixArgs)), (ToolNames.BounceStems, typeof(BounceStemsArgs)),
    ];

    [Fact]
    public void Every_tool_name_constant_is_a_plugin_function_and_every_function_has_one()
    {
        var constants = typeof(ToolNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!).Order().ToList();
        Assert.Equal(ToolContract.Tools.Keys.Order(), constants);
        Assert.Subset(ToolNames.All.ToHashSet(), ToolNames.Changing.ToHashSet());
    }

    [Fact]
    public void The_contract_is_what_the_kernel_plugin_shows_the_model()
    {
        string dir = Path.Combine(Path.GetTempPath(), "mixwright-contract-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (session, engine) = Mixwright.Assistant.Evaluation.SyntheticSession.Create(dir, [("Kick", "kick")]);
            var plugin = new Mixwright.Tools.Plugin.MixTools(session, engine).AsPlugin();
            Assert.Equal(ToolContract.Tools.Keys.Order(), plugin.Select(f => f.Name).Order());
            foreach (var function in plugin)
            {
                var signature = ToolContract.Tools[function.Name];
                Assert.Equal(signature.Parameters.Select(p => (p.Name, p.Required, p.Type)),
                    function.Metadata.Parameters.Select(p => (p.Name, p.IsRequired, p.ParameterType!)));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Every_argument_record_matches_its_plugin_function()
    {
        foreach (var (tool, record) in Records)
        {
            var signature = ToolContract.Tools[tool];
            var ctor = record.GetConstructors().Single();
            foreach (var p in ctor.GetParameters())
            {
                string json = JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name!);
                var parameter = signature.Parameter(json);
                Assert.True(parameter is not null, $"{record.Name}.{p.Name} ({json}) is not a parameter of {tool}");
                var recordType = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
                var expected = recordType == typeof(IReadOnlyList<string>) ? typeof(string[]) : recordType;
                Assert.True(expected == parameter!.ValueType, $"{record.Name}.{p.Name} is {recordType.Name}, {tool}.{json} is {parameter.ValueType.Name}");
                Assert.True(!parameter.Required || !p.HasDefaultValue, $"{tool}.{json} is required but {record.Name} lets it be left out");
            }
            foreach (var required in signature.Parameters.Where(p => p.Required))
                Assert.Contains(ctor.GetParameters(), p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name!) == required.Name && !p.HasDefaultValue);
        }
        Assert.Equal(ToolContract.Tools.Keys.Where(t => t is not (ToolNames.ListTracks or ToolNames.Discard)).Order(), Records.Select(r => r.Tool).Order());
    }

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
        Assert.Null(ToolCallShapes.Check(ToolCall.Create(ToolNames.ApplyDescriptor, new ApplyDescriptorArgs("warm", ToolCallShapes.MixTarget, 0.6, false, "body"))));
        Assert.Null(ToolCallShapes.Check(ToolCall.Create(ToolNames.SetReverb, new SetReverbArgs(DecayDeltaS: 0.5))));
        Assert.Null(ToolCallShapes.Check(ToolCall.Create(ToolNames.Commit, new CommitArgs(["Kick", "Snare"]))));
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
        Assert.Contains("muted is required", ToolCallShapes.Check(new ToolCall(ToolNames.SetMute, new JsonObject { ["track"] = "Kick" }))!);
        Assert.Contains("intensity", ToolCallShapes.Check(ToolCall.Create(ToolNames.ApplyDescriptor, new ApplyDescriptorArgs("bright", "Kick", 3, false)))!);
        var wrongType = new ToolCall(ToolNames.SetGain, JsonNode.Parse("""{"track":"Kick","delta_db":"loud"}""")!.AsObject());
        Assert.Contains("delta_db must be a number", ToolCallShapes.Check(wrongType)!);
        var unknown = new ToolCall(ToolNames.SetGain, JsonNode.Parse("""{"track":"Kick","delta":3}""")!.AsObject());
        Assert.Contains("set_gain has no parameter 'delta'", ToolCallShapes.Check(unknown)!);
    }
}
