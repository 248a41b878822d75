using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Plugin;
using Mixwright.Tools.Tests.Support;

namespace Mixwright.Tools.Tests;

public sealed class KernelPluginTests : IDisposable
{
    private static readonly string[] IssueTools =
    [
        "list_tracks", "analyze_track", "analyze_mix", "set_gain", "set_pan", "set_eq_band", "reset_eq", "set_compressor",
        "set_reverb", "set_mute", "set_solo", "set_master", "balance_levels", "apply_descriptor", "match_reference",
        "explain", "propose", "commit", "discard", "undo", "redo", "render", "compare",
    ];

    /// <summary>Console parameters the issue's list has no tool for: stereo width and the high-pass filter.</summary>
    private static readonly string[] AddedTools = ["set_width", "set_high_pass", "check_mix", "propose_fix", "bounce_stems"];

    private readonly TempSession _temp = new("Vox.wav", "Bass.wav");
    private readonly MixTools _tools;
    private readonly KernelPlugin _plugin;

    public KernelPluginTests()
    {
        _tools = _temp.Tools(_temp.Create());
        _plugin = _tools.AsPlugin();
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_plugin_offers_the_tools_of_the_issue_plus_width_and_high_pass()
    {
        Assert.Equal("mix", _plugin.Name);
        Assert.Equal(IssueTools.Concat(AddedTools).Order(), _plugin.Select(f => f.Name).Order());
    }

    [Fact]
    public void Every_tool_and_parameter_is_described_for_the_model()
    {
        foreach (var function in _plugin)
        {
            Assert.True(function.Description.Length > 30, $"{function.Name} has a real description");
            Assert.DoesNotContain("{", function.Description);
            foreach (var parameter in function.Metadata.Parameters)
            {
                Assert.False(string.IsNullOrWhiteSpace(parameter.Description), $"{function.Name}.{parameter.Name} is described");
                Assert.DoesNotContain("{", parameter.Description);
            }
        }
    }

    [Fact]
    public void Descriptions_state_the_declared_ranges()
    {
        string Described(string function, string parameter) =>
            _plugin[function].Metadata.Parameters.Single(p => p.Name == parameter).Description;

        Assert.Contains(ConsoleRanges.GainDb.Describe(), Described("set_gain", "gain_db"));
        Assert.Contains(ConsoleRanges.EqQ.Describe(), Described("set_eq_band", "q"));
        Assert.Contains(ConsoleRanges.CeilingDbtp.Describe(), Described("set_master", "ceiling_dbtp"));
        Assert.Contains($"1 to {ParametricEqSettings.BandCount}", Described("set_eq_band", "band"));
    }

    [Fact]
    public async Task A_model_can_call_the_tools_through_the_kernel()
    {
        var kernel = new Kernel();
        kernel.Plugins.Add(_plugin);

        var ok = (await kernel.InvokeAsync(_plugin["set_gain"], new KernelArguments { ["track"] = "vox", ["gain_db"] = "2.5", ["reason"] = "Vocal up." }))
            .GetValue<string>()!;
        var rejected = (await kernel.InvokeAsync(_plugin["set_pan"], new KernelArguments { ["track"] = "bass", ["pan"] = 3 }))
            .GetValue<string>()!;

        Assert.Equal(2.5, ToolJson.Ok(ok)["changes"]![0]!["to"]!.GetValue<double>());
        Assert.Contains("Bass: pan must be between -1 and +1 (got +3)", ToolJson.Error(rejected));
        var committed = JsonNode.Parse((await kernel.InvokeAsync(_plugin["commit"])).GetValue<string>()!)!;
        Assert.Equal("cs-1", committed["id"]!.GetValue<string>());
    }
}
