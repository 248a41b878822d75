using System.Collections.Immutable;

namespace Mixwright.Tools.Session;

/// <summary>
/// Every committed change set, oldest first, and how many of them are in effect. Undo and redo move
/// <see cref="Position"/>; a new commit after undo replaces the undone tail, as in any editor.
/// </summary>
public sealed record ChangeHistory(ImmutableArray<ChangeSet> ChangeSets, int Position)
{
    public static ChangeHistory Empty { get; } = new([], 0);

    public bool CanUndo => Position > 0;
    public bool CanRedo => Position < ChangeSets.Length;

    public IEnumerable<ChangeSet> Applied => ChangeSets.Take(Position);

    /// <summary>Index of the change set with this id, or -1.</summary>
    public int IndexOf(string id)
    {
        for (int i = 0; i < ChangeSets.Length; i++)
            if (string.Equals(ChangeSets[i].Id, id, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
