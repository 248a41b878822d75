using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Mixing;

/// <summary>
/// A listener on one channel strip, for passes that need more than the mix (the mix check's meters, the
/// stem bounce's files). Called on the worker that runs the strip, once per block, so an implementation
/// needs no locking as long as it is attached to one strip only. The buffers are the strip's own and are
/// reused on the next block: read them, never keep them.
/// </summary>
public interface IStripTap
{
    /// <summary>The stem's samples as read from the file, before gain or any processing.</summary>
    void Input(AudioBuffer raw, int frames);

    /// <summary>The strip's stereo output: post-fader, panned, as it goes to the mix bus.</summary>
    void Output(AudioBuffer stereo, int frames);
}
