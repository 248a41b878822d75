using Mixwright.Dsp.Audio;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>
/// Finds the console parameters that make a mix of <c>stems</c> sound like <c>reference</c>: its loudness balance,
/// spectrum, dynamics and stereo image. Any number of stems from 1 to <see cref="MatchPreparation.MaxStems"/>,
/// mono or stereo, any sample rate and length; silent stems keep their settings.
/// </summary>
public interface IMixMatcher
{
    MatchMethod Method { get; }

    MatchResult Match(IReadOnlyList<StemAudio> stems, AudioBuffer reference, CancellationToken cancellation = default);
}
