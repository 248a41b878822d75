using Mixwright.Assistant.Agent.Parsing.Steps;
using Mixwright.Embeddings.Descriptors;
using Mixwright.Embeddings.Modifiers;
using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Agent.Parsing;

/// <summary>
/// Reads one clause: which tracks it aims at (and which it only mentions as a reference point), and what
/// it asks for. The reading is a fixed sequence of named steps over one <see cref="ClauseReading"/>:
/// <see cref="ItemRewriter"/> retags words by their neighbours, then <see cref="TargetFinder"/>,
/// <see cref="ExplicitSettingsReader"/>, <see cref="QualityPolarityReader"/>, <see cref="ImplicitIntentReader"/>
/// and <see cref="AmountBinder"/> run in that order, each seeing what the earlier ones found and the
/// numbers they spent. A learned reader replaces one step by passing its own list.
/// </summary>
internal sealed class ClauseAnalyzer
{
    public ClauseAnalyzer(TrackResolver tracks, IntensityLexicon intensities, DescriptorLexicon descriptors)
        : this(DefaultSteps(tracks, intensities, descriptors))
    {
    }

    public ClauseAnalyzer(IReadOnlyList<IClauseStep> steps) => Steps = steps;

    /// <summary>The steps after item rewriting, in the order they run.</summary>
    public IReadOnlyList<IClauseStep> Steps { get; }

    public static IReadOnlyList<IClauseStep> DefaultSteps(TrackResolver tracks, IntensityLexicon intensities, DescriptorLexicon descriptors) =>
    [
        new TargetFinder(tracks),
        new ExplicitSettingsReader(intensities),
        new QualityPolarityReader(intensities),
        new ImplicitIntentReader(intensities, descriptors),
        new AmountBinder(),
    ];

    /// <param name="raw">The clause's items.</param>
    /// <param name="inherited">The previous clause's mode, for bare qualities ("the bass is muddy and boomy").</param>
    /// <param name="previous">The previous clause's qualities, for a clause with only a direction ("more reverb on the pad, less on the piano").</param>
    public Clause Analyze(List<Item> raw, ClauseMode inherited, IReadOnlyList<Quality> previous)
    {
        var clause = new Clause(ItemRewriter.Rewrite(raw));
        var reading = new ClauseReading(clause, inherited, previous);
        foreach (var step in Steps) step.Apply(reading);
        return clause;
    }
}
