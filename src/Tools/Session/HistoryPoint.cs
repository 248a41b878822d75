namespace Mixwright.Tools.Session;

/// <summary>
/// A moment in the session's history for compare and render: after <see cref="Position"/> change sets,
/// optionally with the pending proposal on top.
/// </summary>
public readonly record struct HistoryPoint(int Position, bool WithPending, string Label)
{
    public const string Forms = "\"current\", \"previous\", \"initial\", \"pending\", a change set id such as \"cs-3\", or a number of change sets";

    public static HistoryPoint Parse(string? text, ChangeHistory history, Proposal? pending)
    {
        string t = (text ?? "").Trim().ToLowerInvariant();
        switch (t)
        {
            case "" or "current" or "now" or "committed" or "latest":
                return new(history.Position, false, "current");
            case "initial" or "start" or "original" or "beginning" or "flat":
                return new(0, false, "initial");
            case "previous" or "before" or "last":
                return new(Math.Max(0, history.Position - 1), false, "previous");
            case "pending" or "proposal" or "proposed":
                if (pending is null) throw new SessionException("There is no pending proposal to compare or render.");
                return new(history.Position, true, $"pending {pending.Id}");
        }
        int index = history.IndexOf(t);
        if (index >= 0) return new(index + 1, false, history.ChangeSets[index].Id);
        if (int.TryParse(t, out int count) && count >= 0 && count <= history.ChangeSets.Length)
            return new(count, false, count == 0 ? "initial" : history.ChangeSets[count - 1].Id);
        throw new SessionException($"Unknown history point \"{Text.DisplayText.Clean(text)}\". Use {Forms} (there are {history.ChangeSets.Length} change sets).");
    }
}
