using Mixwright.Dsp.Audio;
using Mixwright.Embeddings.StyleTransfer;

namespace Mixwright.Bench;

/// <summary>
/// An ablation for the match bench: the model method's refinement, with the same number of renders, started from
/// the equal-loudness balance instead of the network's prediction. What it leaves on the table is what the
/// network contributes.
/// </summary>
internal sealed class RefinedBaselineMatcher(MatchOptions options) : IMixMatcher
{
    public MatchMethod Method => MatchMethod.Loudness;

    public MatchOptions Options => options;

    public MatchResult Match(IReadOnlyList<StemAudio> stems, AudioBuffer reference, CancellationToken cancellation = default) =>
        MatchPipeline.Run(Method, stems, reference, options, context => MeasuredRefinement.Refine(context, context.Baseline, options.ModelRefineRenders), cancellation);
}
