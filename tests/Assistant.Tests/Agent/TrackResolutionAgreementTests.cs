using Mixwright.Assistant.Agent;
using Mixwright.Tools;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Tests.Agent;

/// <summary>
/// A language model names a track in a tool argument; the local interpreter finds it in a sentence. Both go
/// through the one <see cref="TrackResolver"/>, so the same phrase means the same track (or the same
/// question) whichever back-end is talking.
/// </summary>
public sealed class TrackResolutionAgreementTests
{
    private static readonly Stem[] Stems =
    [
        Stem("Lead Vocal", StemRole.Lead), Stem("Backing Vox", StemRole.BackingVocals), Stem("Kick", StemRole.Kick),
        Stem("Snare", StemRole.Snare), Stem("Bass DI", StemRole.Bass), Stem("Gtr Rhythm", StemRole.ElectricGuitar),
        Stem("Gtr Lead", StemRole.ElectricGuitar), Stem("Piano", StemRole.Piano), Stem("Synth Pad", StemRole.Pad),
    ];

    private static Stem Stem(string name, StemRole role) => new(name, $"stems/{name}.wav", role, RoleSource.FileName, "", null);

    // The interpreter sees the session's tracks as the agent hands them over.
    private static readonly InterpreterContext Context = InterpreterContext.For(Stems.Select(s => new TrackInfo(s.Name, s.Role.Words())));

    private static readonly LocalInterpreter Interpreter = new();

    /// <summary>The tools' answer: one track name, or "?" when they ask which.</summary>
    private static string ByTools(string phrase)
    {
        try { return TrackResolver.Resolve(Stems, phrase).Name; }
        catch (SessionException e) when (e.Message.Contains("could mean", StringComparison.Ordinal)) { return "?"; }
    }

    /// <summary>The interpreter's answer to a sentence naming the phrase: the track it changes, or "?" when it asks which.</summary>
    private static string ByInterpreter(string phrase) => Interpreter.Interpret($"turn the {phrase} up 2 dB", Context) switch
    {
        ToolCallsInterpretation calls => Assert.Single(calls.Calls).Track!,
        QuestionInterpretation => "?",
        var other => throw new Xunit.Sdk.XunitException($"{phrase}: {other}"),
    };

    [Theory]
    [InlineData("lead vocal", "Lead Vocal")]
    [InlineData("vocal", "Lead Vocal")]
    [InlineData("backing vocals", "Backing Vox")]
    [InlineData("bvs", "Backing Vox")]
    [InlineData("kick", "Kick")]
    [InlineData("bass", "Bass DI")]
    [InlineData("rhythm guitar", "Gtr Rhythm")]
    [InlineData("lead gtr", "Gtr Lead")]
    [InlineData("guitar", "?")]
    [InlineData("pad", "Synth Pad")]
    [InlineData("synth", "Synth Pad")]
    [InlineData("keys", "Piano")]
    public void Both_paths_resolve_a_phrase_the_same_way(string phrase, string expected)
    {
        Assert.Equal(expected, ByTools(phrase));
        Assert.Equal(expected, ByInterpreter(phrase));
    }
}
