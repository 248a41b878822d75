using Mixwright.Assistant.Agent.Parsing;
using Mixwright.Assistant.Agent.Parsing.Steps;
using Mixwright.Embeddings.Descriptors;
using Mixwright.Embeddings.Modifiers;
using Mixwright.Embeddings.Roles;

namespace Mixwright.Assistant.Tests.Agent.Parsing;

/// <summary>Reads one clause about the <see cref="Band"/> session through chosen steps of clause analysis only.</summary>
internal static class ClauseSteps
{
    public static readonly SessionParser Parser = new(Band.Tracks, DescriptorLexicon.Default, RoleLexicon.Default, IntensityLexicon.Default);

    public static TargetFinder Targets { get; } = new(Parser.Resolver);
    public static ExplicitSettingsReader ExplicitSettings { get; } = new(IntensityLexicon.Default);
    public static QualityPolarityReader Polarity { get; } = new(IntensityLexicon.Default);
    public static ImplicitIntentReader ImplicitIntents { get; } = new(IntensityLexicon.Default, DescriptorLexicon.Default);
    public static AmountBinder Amounts { get; } = new();

    /// <summary>The first clause of <paramref name="text"/>, tagged and rewritten.</summary>
    public static List<Item> Items(string text) =>
        ItemRewriter.Rewrite(ClauseSplitter.Split(Parser.Tagger.Tag(Parser.Tokenizer.Tokenize(text)))[0]);

    public static ClauseReading Read(string text, params IClauseStep[] steps) => Read(text, [], steps);

    public static ClauseReading Read(string text, IReadOnlyList<Quality> previous, params IClauseStep[] steps)
    {
        var reading = new ClauseReading(new Clause(Items(text)), ClauseMode.None, previous);
        foreach (var step in steps) step.Apply(reading);
        return reading;
    }

    public static IReadOnlyList<string> TargetNames(ClauseReading reading) =>
        reading.Clause.Targets.SelectMany(t => Parser.Resolver.Resolve(t.Mention, t.AllQuantifier, false, t.Ordinal, null).Tracks).Select(t => t.Name).ToList();
}
