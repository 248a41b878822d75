using System.Text.Json.Nodes;
using Mixwright.Assistant.Agent;

namespace Mixwright.Assistant.Tests.Agent;

public sealed class MixCheckChatTests
{
    private static readonly LocalInterpreter Interpreter = new();

    private static ToolCall Single(string text)
    {
        var result = Interpreter.Interpret(text, Band.Context);
        var calls = Assert.IsType<ToolCallsInterpretation>(result).Calls;
        return Assert.Single(calls);
    }

    [Theory]
    [InlineData("what's wrong with my mix?")]
    [InlineData("What is wrong with the mix")]
    [InlineData("it sounds off")]
    [InlineData("check my mix")]
    public void Asking_what_is_wrong_runs_the_mix_check(string text)
    {
        var call = Single(text);
        Assert.Equal(ToolNames.CheckMix, call.Name);
        Assert.Null(call.Arguments["focus"]);
    }

    [Theory]
    [InlineData("fix it")]
    [InlineData("please fix it")]
    [InlineData("fix the biggest problem")]
    public void Fix_it_proposes_the_top_findings_change(string text) => Assert.Equal(ToolNames.ProposeFix, Single(text).Name);

    [Theory]
    [InlineData("why does it sound muddy?", "mud")]
    [InlineData("why is the mix so harsh", "harsh")]
    [InlineData("what's the loudest track?", "loudest")]
    [InlineData("which track is the quietest", "quietest")]
    public void A_focused_question_asks_the_check_about_that_one_thing(string text, string focus)
    {
        var call = Single(text);
        Assert.Equal(ToolNames.CheckMix, call.Name);
        Assert.Equal(focus, call.Arguments["focus"]?.GetValue<string>());
    }

    [Fact]
    public void The_narration_tells_the_top_findings_and_offers_the_fix()
    {
        var result = new JsonObject
        {
            ["ok"] = true,
            ["finding_count"] = 2,
            ["findings"] = new JsonArray(
                new JsonObject { ["rank"] = 1, ["severity"] = "high", ["title"] = "Lead Vox is buried", ["measurement"] = "Lead Vox plays 30 LU under the band", ["explanation"] = "It disappears." },
                new JsonObject { ["rank"] = 2, ["severity"] = "medium", ["title"] = "the mix is muddy", ["measurement"] = "the low mids sit 5 dB up", ["explanation"] = "Cloudy." }),
        };
        string text = ResultNarrator.Narrate([(ToolNames.CheckMix, result.ToJsonString())]);
        Assert.Contains("1. [high] Lead Vox is buried: Lead Vox plays 30 LU under the band", text);
        Assert.Contains("fix it", text);
    }

    [Fact]
    public void A_focused_answer_is_told_as_it_is()
    {
        var result = new JsonObject { ["ok"] = true, ["answer"] = "The loudest track in the mix is Kick.", ["finding_count"] = 0, ["findings"] = new JsonArray() };
        Assert.Equal("The loudest track in the mix is Kick.", ResultNarrator.Narrate([(ToolNames.CheckMix, result.ToJsonString())]));
    }
}
