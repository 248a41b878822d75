using Mixwright.Assistant.Agent.Parsing;
using Mixwright.Assistant.Agent.Parsing.Steps;
using Mixwright.Embeddings.Descriptors;
using Mixwright.Embeddings.Modifiers;

namespace Mixwright.Assistant.Tests.Agent.Parsing;

public sealed class ClauseAnalyzerTests
{
    [Fact]
    public void The_steps_run_in_their_documented_order()
    {
        var steps = ClauseAnalyzer.DefaultSteps(ClauseSteps.Parser.Resolver, IntensityLexicon.Default, DescriptorLexicon.Default);
        Assert.Equal([typeof(TargetFinder), typeof(ExplicitSettingsReader), typeof(QualityPolarityReader), typeof(ImplicitIntentReader), typeof(AmountBinder)],
            steps.Select(s => s.GetType()));
    }

    /// <summary>A stand-in for a learned reader of one step: it sees the reading after the earlier steps and the later ones build on it.</summary>
    private sealed class AlwaysBrighter : IClauseStep
    {
        public void Apply(ClauseReading reading) =>
            reading.Clause.Intents.Add(new DescriptorIntent(DescriptorLexicon.Default.Get("bright"), false, 0.6));
    }

    [Fact]
    public void One_step_can_be_replaced_without_touching_the_others()
    {
        var steps = ClauseAnalyzer.DefaultSteps(ClauseSteps.Parser.Resolver, IntensityLexicon.Default, DescriptorLexicon.Default)
            .Select(s => s is QualityPolarityReader ? new AlwaysBrighter() : s).ToList();
        var clause = new ClauseAnalyzer(steps).Analyze(ClauseSteps.Items("the kick is boomy"), ClauseMode.None, []);
        Assert.Equal("Kick", ClauseSteps.TargetNames(new ClauseReading(clause, ClauseMode.None, [])).Single());
        Assert.Equal("bright", Assert.IsType<DescriptorIntent>(Assert.Single(clause.Intents)).Descriptor.Word);
    }
}
