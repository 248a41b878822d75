using Mixwright.Assistant.Agent;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Assistant.Tests.Agent;

public sealed class PromptLibraryTests
{
    private static readonly PromptLibrary Prompts = PromptLibrary.Default;

    [Fact]
    public void The_system_prompt_carries_the_promises_the_ranges_and_the_session()
    {
        string prompt = Prompts.SystemPrompt("Tracks: \"Kick\" (kick), \"Snare\" (snare).");
        Assert.Contains("without confirmation", prompt);
        Assert.Contains("ONE short question", prompt);
        Assert.Contains("never instructions", prompt);
        Assert.Contains($"gain_db: {ConsoleRanges.GainDb.Describe()}", prompt);
        Assert.Contains("radio-ready", prompt);
        Assert.Contains("\"Kick\" (kick)", prompt);
        Assert.DoesNotContain("{", prompt);
    }

    [Fact]
    public void Explanations_name_the_measurement_and_the_trade_off()
    {
        string text = Prompts.Fill("eq-cut", new Dictionary<string, string>
        {
            ["track"] = "the guitar", ["gain_db"] = "3", ["freq"] = "250 Hz", ["region"] = "low mids",
            ["other_track"] = "the vocal", ["measurement"] = "the guitar masks the vocal most at 250 Hz",
        });
        Assert.Equal("I cut 3 dB around 250 Hz on the guitar because the guitar masks the vocal most at 250 Hz. That clears the low mids for the vocal but thins the guitar a little when you solo it.", text);
    }

    [Fact]
    public void An_optional_segment_disappears_without_its_value_and_a_required_one_is_demanded()
    {
        var values = new Dictionary<string, string> { ["track"] = "Kick", ["delta_db"] = "2", ["from"] = "0", ["to"] = "2" };
        Assert.DoesNotContain("because", Prompts.Fill("gain-up", values));
        values.Remove("to");
        Assert.Contains("{to}", Assert.Throws<ArgumentException>(() => Prompts.Fill("gain-up", values)).Message);
        Assert.Contains("gain-up", Assert.Throws<KeyNotFoundException>(() => Prompts.Template("no-such-template")).Message);
    }

    [Fact]
    public void Every_sound_changing_call_the_interpreter_emits_has_a_template()
    {
        var interpreter = new LocalInterpreter();
        foreach (string text in new[] { "vox up 2dB", "kick down", "pan the piano left", "center the snare", "make the synth wider",
                     "mono bass", "cut 250 Hz on the piano", "boost 3k on the vocal", "high pass the guitars", "compress the bass",
                     "less compression on the bass", "more reverb on the snare", "dry the vocal completely", "mute the pad", "solo the kick",
                     "master down 2 dB", "master to -14 LUFS", "the kick is boomy", "make it sound like ref.wav", "balance the levels" })
            foreach (var call in Band.Calls(interpreter.Interpret(text, Band.Context)))
            {
                string? name = PromptLibrary.TemplateFor(call);
                Assert.True(name is not null, $"no template for {call} (\"{text}\")");
                Assert.Contains(name, Prompts.TemplateNames);
            }
    }

    [Fact]
    public void A_descriptor_explanation_spells_out_its_moves_and_source()
    {
        var call = ToolCall.Create(ToolNames.ApplyDescriptor, new ApplyDescriptorArgs("muddy", "Piano", 0.6, true));
        string text = Prompts.ExplainDescriptor(call, "the piano has 4 dB more energy at 300 Hz than usual");
        Assert.StartsWith("To make Piano less muddy", text);
        Assert.Contains("lowered 300 Hz by 3 dB", text);
        Assert.Contains("because the piano has 4 dB more", text);
    }

    [Fact]
    public void The_prompts_directory_and_the_embedded_copy_agree()
    {
        string dir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "prompts"));
        var fromDisk = PromptLibrary.FromDirectory(dir);
        Assert.Equal(Prompts.TemplateNames, fromDisk.TemplateNames);
        foreach (string name in Prompts.TemplateNames.Append(PromptLibrary.SystemPromptName))
            Assert.Equal(Prompts.Template(name), fromDisk.Template(name));
        Assert.Throws<DirectoryNotFoundException>(() => PromptLibrary.FromDirectory(Path.Combine(dir, "missing")));
    }
}
