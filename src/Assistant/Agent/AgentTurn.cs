namespace Mixwright.Assistant.Agent;

/// <summary>One row of a proposal as shown to the user: track, parameter, from -> to, and why.</summary>
public sealed record ProposalRow(string Track, string Parameter, string From, string To, string Why);

/// <summary>One tool call of a turn and what came back (a refusal is a result too).</summary>
public sealed record ToolExchange(string Tool, string Arguments, string Result, bool Ok);

/// <summary>
/// What one turn produced: the reply in words, a clarifying question (then nothing changed), the pending
/// proposal after the turn (null when none), whether a change set was committed, and the refused calls.
/// </summary>
public sealed record AgentTurn(
    string Reply,
    string? Question,
    IReadOnlyList<ProposalRow>? Proposal,
    bool Committed,
    IReadOnlyList<string> Refusals,
    IReadOnlyList<ToolExchange> Calls);

/// <summary>How the agent runs: confirmation, the history budget and how many rounds of tool calls a turn may take.</summary>
public sealed record AgentOptions
{
    /// <summary>Commit proposals without asking (the CLI's --yes).</summary>
    public bool AutoConfirm { get; init; }
    /// <summary>Tokens of chat history (and system prompt) sent to an LLM.</summary>
    public int HistoryTokenBudget { get; init; } = 6000;
    /// <summary>Rounds of tool calls before a turn is cut short (a model that keeps calling tools).</summary>
    public int MaxToolRounds { get; init; } = 6;
    /// <summary>Messages kept in the session's memory.</summary>
    public int MaxRememberedMessages { get; init; } = 40;
}
