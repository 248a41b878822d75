using Mixwright.Dsp.Mixing;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Dsp.Tests.Mixing;

/// <summary>Allocation counts are process-wide, so these run alone, never beside other tests.</summary>
[CollectionDefinition(nameof(RenderMemoryTests), DisableParallelization = true)]
public sealed class RenderMemoryCollection;

[Collection(nameof(RenderMemoryTests))]
public class RenderMemoryTests
{
    private static MixDefinition Mix((string Path, TrackSettings Settings) track) =>
        new([new MixTrack("stem", track.Path, track.Settings)], ReverbSettings.Default, MasterSettings.Default with { LoudnessTargetLufs = -16 });

    [Fact]
    public void Memory_does_not_grow_with_the_length_of_the_song()
    {
        using var dir = new TempDir();
        string shortStem = dir.Write("short.wav", TestSignals.Noise(44100, 5, seed: 1));
        string longStem = dir.Write("long.wav", TestSignals.Noise(44100, 40, seed: 2));
        var settings = new TrackSettings { Compressor = CompressorSettings.Off with { Enabled = true }, ReverbSendDb = -12 };

        long Allocated(string stem, string output)
        {
            OfflineRenderer.Render(Mix((stem, settings)), new RenderOptions(dir.File(output)) { CacheDirectory = dir.File("cache") }); // warm-up: JIT and caches
            long before = GC.GetTotalAllocatedBytes(precise: true);
            OfflineRenderer.Render(Mix((stem, settings)), new RenderOptions(dir.File(output)) { CacheDirectory = dir.File("cache") });
            return GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        long shortBytes = Allocated(shortStem, "s.wav"), longBytes = Allocated(longStem, "l.wav");
        // Eight times the audio may cost per-block bookkeeping, but nothing that scales with the samples
        // (40 s of stereo float is 14 MB).
        Assert.True(longBytes < shortBytes + 4_000_000, $"allocated {shortBytes} bytes for 5 s but {longBytes} for 40 s");
    }
}
