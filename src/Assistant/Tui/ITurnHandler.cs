namespace Mixwright.Assistant.Tui;

/// <summary>
/// The one thing the TUI asks of a chat back-end: answer one message. The TUI shows the reply, lists the
/// question's options when there is one, and reloads the tracks and the proposal from the session when
/// <see cref="TurnResult.SessionChanged"/> says the turn touched it. Everything else (interpreting the text,
/// calling the mix tools, the confirmation flow) is the back-end's business.
/// </summary>
public interface ITurnHandler
{
    /// <summary>Shown in the status line, e.g. "local interpreter".</summary>
    string Name { get; }

    /// <summary>Runs off the UI thread; the token is cancelled when the user presses Esc.</summary>
    Task<TurnResult> HandleAsync(string text, CancellationToken cancellation);
}

/// <summary>What one turn produced.</summary>
/// <param name="Reply">Text for the chat pane (may span lines).</param>
/// <param name="Question">A clarifying question the next message answers, or null.</param>
/// <param name="SessionChanged">The proposal, console or history may have changed: reload them.</param>
/// <param name="RenderRequested">The user asked for a render: the TUI runs it with progress and Esc to cancel.</param>
public sealed record TurnResult(string Reply, TurnQuestion? Question = null, bool SessionChanged = false, bool RenderRequested = false);

/// <summary>One clarifying question and the answers offered (the user may type a number or the words).</summary>
public sealed record TurnQuestion(string Text, IReadOnlyList<string> Options);
