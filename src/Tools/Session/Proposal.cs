using System.Collections.Immutable;

namespace Mixwright.Tools.Session;

/// <summary>Changes waiting for the user's yes. Nothing in a proposal touches the console until commit.</summary>
public sealed record Proposal(string Id, string? Summary, ImmutableArray<ParameterChange> Changes, DateTimeOffset Created, int Turn)
{
    /// <summary>The given summary, or one made from the changes.</summary>
    public string Title => Summary ?? ChangeSet.SummariseChanges(Changes);
}
