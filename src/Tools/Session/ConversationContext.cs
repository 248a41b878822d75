namespace Mixwright.Tools.Session;

/// <summary>
/// The little the session remembers of the conversation: which turn it is (so explain can say "on turn 4")
/// and the last change set committed (so "undo that" and "why?" have an antecedent).
/// </summary>
public sealed record ConversationContext(int Turn, string? LastChangeSetId)
{
    public static ConversationContext Start { get; } = new(0, null);
}
