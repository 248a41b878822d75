namespace Mixwright.Assistant.Agent;

/// <summary>What the assistant makes of one user turn: tool calls, one clarifying question, or a reply.</summary>
public abstract record Interpretation;

/// <summary>Tool calls to run in order. <see cref="Summary"/> says in plain words what they do.</summary>
public sealed record ToolCallsInterpretation(IReadOnlyList<ToolCall> Calls, string Summary) : Interpretation
{
    /// <summary>True when any call changes the sound (the result is a proposal to confirm).</summary>
    public bool ChangesSound => Calls.Any(c => ToolNames.Changing.Contains(c.Name));
}

/// <summary>
/// One short clarifying question; nothing is changed. Each option carries the calls it stands for, so the
/// answer can be acted on without re-reading the request.
/// </summary>
public sealed record QuestionInterpretation(string Question, IReadOnlyList<QuestionOption> Options) : Interpretation;

/// <summary>
/// An answer to the question. <see cref="Calls"/> are the calls this answer means; when the answer still
/// leaves something open (a second ambiguity), Calls is empty and <see cref="ResumeText"/> is the request
/// rewritten with this choice, to be interpreted again.
/// </summary>
public sealed record QuestionOption(string Label, IReadOnlyList<ToolCall> Calls, string? ResumeText = null);

public enum ReplyKind
{
    /// <summary>How to use the assistant.</summary>
    Help,
    /// <summary>Greetings, thanks, praise.</summary>
    SmallTalk,
    /// <summary>An answer from word knowledge ("what does boxy mean?").</summary>
    Answer,
    /// <summary>The request could not be acted on (nothing pending to confirm, no such track, not understood).</summary>
    Unable,
}

/// <summary>A reply with no tool call.</summary>
public sealed record ReplyInterpretation(string Text, ReplyKind Kind) : Interpretation;
