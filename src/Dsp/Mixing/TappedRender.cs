using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Dsp.Mixing;

/// <summary>What a tapped pass listens to: a tap per audible strip, the reverb return, and the master's output.</summary>
/// <param name="StripTap">For each audible track (its index in the mix, the track, its stem's channel count): a tap, or null.</param>
/// <param name="ReturnTap">The reverb return as it is added to the bus; null for none.</param>
/// <param name="MasterSink">The master bus output before the limiter (the render's limiter stage is the caller's to add).</param>
public sealed record TapPlan(
    Func<int, MixTrack, int, IStripTap?> StripTap,
    Action<AudioBuffer, int>? ReturnTap,
    Action<AudioBuffer, int> MasterSink);

/// <summary>What a tapped pass ran over.</summary>
public sealed record TappedRenderResult(long TotalFrames, IReadOnlyList<MixTrack> AudibleTracks, bool ReverbOn, double MasterGainReductionDb);

/// <summary>
/// The render's own pipeline (same strips, same mixer, same reverb and master chain) with listeners attached,
/// for the passes that need more than one stereo file: the mix check meters every strip, the stem bounce
/// writes every strip and the reverb return to its own file. A plain render never comes through here, so it
/// pays nothing for the taps.
/// </summary>
public static class TappedRender
{
    private const double MaxReverbTailSeconds = 10;

    public static TappedRenderResult Run(MixDefinition mix, string cacheDirectory, TapPlan plan, bool includeReverbTail = true,
        int blockFrames = 4096, int? maxParallelism = null, CancellationToken cancellation = default)
    {
        mix.Validated();
        Directory.CreateDirectory(cacheDirectory);
        int rate = mix.SampleRate;
        var strips = new List<ChannelStrip>();
        var audible = new List<MixTrack>();
        try
        {
            // As in the render: every stem is opened (and checked) even when muted, so muting never changes the length.
            long length = 0;
            for (int i = 0; i < mix.Tracks.Length; i++)
            {
                var track = mix.Tracks[i];
                var source = AudioFile.OpenStem(track.FilePath, rate, cacheDirectory);
                length = Math.Max(length, source.LengthFrames);
                if (!mix.IsAudible(track))
                {
                    source.Dispose();
                    continue;
                }
                var strip = new ChannelStrip(track, source, blockFrames) { Tap = plan.StripTap(i, track, source.ChannelCount) };
                strips.Add(strip);
                audible.Add(track);
            }
            bool reverbOn = strips.Any(s => s.HasSend) && mix.Reverb.ReturnDb > ConsoleRanges.OffDb;
            long tail = reverbOn && includeReverbTail ? (long)(Math.Min(mix.Reverb.DecayS, MaxReverbTailSeconds) * rate) : 0;
            var mixer = new BlockMixer(strips, mix, blockFrames, maxParallelism ?? Environment.ProcessorCount, reverbOn) { ReturnTap = plan.ReturnTap };
            mixer.Run(length + tail, plan.MasterSink, null, "mixing", cancellation);
            return new TappedRenderResult(length + tail, audible, reverbOn, mixer.MasterGainReductionDb);
        }
        finally
        {
            foreach (var s in strips) s.Dispose();
        }
    }
}
