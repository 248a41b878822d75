using System.Collections.Immutable;

namespace Mixwright.Tools.Session;

/// <summary>A committed group of changes: one step of undo, with an id and the time it was made.</summary>
public sealed record ChangeSet(string Id, DateTimeOffset Time, int Turn, string Summary, ImmutableArray<ParameterChange> Changes)
{
    public static string SummariseChanges(IReadOnlyCollection<ParameterChange> changes)
    {
        if (changes.Count == 0) return "no changes";
        var shown = changes.Take(3).Select(c => c.Describe());
        string more = changes.Count > 3 ? $" and {changes.Count - 3} more" : "";
        return string.Join("; ", shown) + more;
    }
}
