using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>
/// One stem handed to a matcher: its name, its audio (mono or stereo, any rate and length) and the strip it sits
/// on now. Parameters a matcher does not predict (high-pass, polarity, width, mute, solo) are kept from
/// <see cref="Current"/>, and a silent stem comes back with <see cref="Current"/> unchanged.
/// </summary>
public sealed record StemAudio(string Name, AudioBuffer Audio, TrackSettings? Current = null)
{
    public TrackSettings Settings => Current ?? TrackSettings.Default;
}
