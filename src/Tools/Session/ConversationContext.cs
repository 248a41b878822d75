namespace Mixwright.Tools.Session;

/// <summary>
/// The little the session remembers of the conversation: which turn it is (so explain can say "on turn 4"),
/// the last change set committed (so "undo that" and "why?" have an antecedent), and the chat layer's own
/// memory (<see cref="AgentState"/>: recent messages, what the last change and the pending proposal were in
/// the user's words, an open question), stored verbatim as JSON that only the chat layer reads.
/// </summary>
public sealed record ConversationContext(int Turn, string? LastChangeSetId, string? AgentState = null)
{
    public static ConversationContext Start { get; } = new(0, null);
}
