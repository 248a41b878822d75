using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Mixing;

namespace Mixwright.Tools.Bounce;

/// <summary>Writes one strip's output (post-fader, panned, stereo) to its own file as the pass runs.</summary>
internal sealed class BounceTap(WavFileWriter writer) : IStripTap
{
    public void Input(AudioBuffer raw, int frames) { }

    public void Output(AudioBuffer stereo, int frames) => writer.Write(stereo, frames);
}
