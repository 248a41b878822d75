using Mixwright.Assistant.Agent;

namespace Mixwright.Assistant.Tests.Agent;

/// <summary>The ten-stem session of the requests README, and helpers to talk to the interpreter about it.</summary>
internal static class Band
{
    public static readonly IReadOnlyList<TrackInfo> Tracks =
    [
        new("Lead Vocal", "vocals"), new("Backing Vox", "backing vocals"), new("Kick", "kick"), new("Snare", "snare"),
        new("Overheads", "overheads"), new("Bass DI", "bass"), new("Gtr Rhythm", "electric guitar"), new("Gtr Lead", "electric guitar"),
        new("Piano", "piano"), new("Synth Pad", "pad"),
    ];

    public static InterpreterContext Context => InterpreterContext.For(Tracks);

    public static IReadOnlyList<ToolCall> Calls(Interpretation interpretation) =>
        Assert.IsType<ToolCallsInterpretation>(interpretation).Calls;

    public static ToolCall Single(Interpretation interpretation) => Assert.Single(Calls(interpretation));

    /// <summary>Says a turn and, if it proposes changes, confirms them: the next context has it as the last change.</summary>
    public static InterpreterContext Confirmed(this LocalInterpreter interpreter, InterpreterContext ctx, string text)
    {
        var calls = Calls(interpreter.Interpret(text, ctx));
        return ctx with { LastChange = new ChangeRecord(calls, text), PendingProposal = null };
    }

    public static InterpreterContext Proposed(this LocalInterpreter interpreter, InterpreterContext ctx, string text)
    {
        var calls = Calls(interpreter.Interpret(text, ctx));
        return ctx with { PendingProposal = new ChangeRecord(calls, text) };
    }
}
