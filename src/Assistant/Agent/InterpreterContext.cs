namespace Mixwright.Assistant.Agent;

/// <summary>
/// Everything the local interpreter knows about the conversation besides the current text. Immutable; the
/// agent loop builds the next one after each turn.
/// </summary>
/// <param name="Tracks">The session's tracks in session order (positions such as "the second guitar" count in this order).</param>
/// <param name="LastChange">The last committed change ("more", "a bit less", "same for the guitars", "undo that").</param>
/// <param name="PendingProposal">The proposal waiting for confirmation ("yes", "apply only the vocal part", "no").</param>
/// <param name="PendingQuestion">The clarifying question the user is answering, if any.</param>
/// <param name="AnalysisHints">Per-track tone measurements that may settle ambiguous words.</param>
/// <param name="References">Reference files named earlier, most recent last.</param>
public sealed record InterpreterContext(
    IReadOnlyList<TrackInfo> Tracks,
    ChangeRecord? LastChange = null,
    ChangeRecord? PendingProposal = null,
    QuestionInterpretation? PendingQuestion = null,
    IReadOnlyList<TrackAnalysisHint>? AnalysisHints = null,
    IReadOnlyList<string>? References = null)
{
    public static InterpreterContext For(IEnumerable<TrackInfo> tracks) => new(tracks.ToList());

    public TrackAnalysisHint? HintFor(string track) =>
        AnalysisHints?.FirstOrDefault(h => string.Equals(h.Track, track, StringComparison.Ordinal));
}
