namespace Mixwright.Assistant.Agent.Parsing.Steps;

/// <summary>
/// One clause while its steps read it: the clause being filled in, the numbers a step has already spent
/// (so a "3" read as a ratio is not also read as 3 dB), and what the clause before it left behind.
/// </summary>
internal sealed class ClauseReading(Clause clause, ClauseMode inherited, IReadOnlyList<Quality> previous)
{
    public Clause Clause { get; } = clause;
    public IReadOnlyList<Item> Items => Clause.Items;

    /// <summary>Positions of items (numbers) an earlier step has already given a meaning.</summary>
    public HashSet<int> Consumed { get; } = [];

    /// <summary>The previous clause's mode, for bare qualities ("the bass is muddy and boomy").</summary>
    public ClauseMode Inherited { get; } = inherited;

    /// <summary>The previous clause's qualities, for a clause with only a direction ("more reverb on the pad, less on the piano").</summary>
    public IReadOnlyList<Quality> Previous { get; } = previous;

    /// <summary>Set by the explicit settings when the clause spreads several tracks apart ("pan the guitars wide").</summary>
    public bool Spread { get; set; }
}

/// <summary>
/// One named step of clause analysis. Steps run in a fixed order and each reads what the earlier ones left
/// in the <see cref="ClauseReading"/>, so a learned reader can take over one step and leave the rest alone.
/// </summary>
internal interface IClauseStep
{
    void Apply(ClauseReading reading);
}
