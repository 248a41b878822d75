using System.Collections.Immutable;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Mixing;
using Mixwright.Dsp.Parameters;
using Mixwright.Embeddings.StyleTransfer;

namespace Mixwright.Embeddings.Tests.StyleTransfer;

/// <summary>Small multitracks made in the test: a kick, hats, a bass line, a pad, white noise; and references mixed from them by the engine.</summary>
internal static class TestStems
{
    public const int Rate = 44100;

    public static AudioBuffer Kick(double seconds, double level = 0.8, int rate = Rate) => Mono(seconds, rate, (t, _) =>
    {
        double beat = t % 0.5;
        return level * Math.Sin(2 * Math.PI * (50 * beat + 4 * (1 - Math.Exp(-beat * 30)))) * Math.Exp(-beat * 10);
    });

    public static AudioBuffer Hats(double seconds, double level = 0.3, int seed = 1)
    {
        var rng = new Random(seed);
        double previous = 0;
        return Mono(seconds, Rate, (t, _) =>
        {
            double n = rng.NextDouble() * 2 - 1, hp = n - previous;
            previous = n;
            return level * hp * Math.Exp(-(t % 0.25) * 30);
        });
    }

    public static AudioBuffer Bass(double seconds, double level = 0.4) => Mono(seconds, Rate, (t, _) =>
    {
        double hz = (int)(t / 0.5) % 2 == 0 ? 55 : 73.4;
        return level * (Math.Sin(2 * Math.PI * hz * t) + 0.3 * Math.Sin(2 * Math.PI * 2 * hz * t));
    });

    public static AudioBuffer Pad(double seconds, double level = 0.15, int seed = 2)
    {
        var rng = new Random(seed);
        var l = new float[(int)(seconds * Rate)];
        var r = new float[l.Length];
        for (int i = 0; i < l.Length; i++)
        {
            double t = (double)i / Rate;
            double chord = Math.Sin(2 * Math.PI * 220 * t) + Math.Sin(2 * Math.PI * 277 * t) + Math.Sin(2 * Math.PI * 330 * t);
            l[i] = (float)(level * (chord / 3 + 0.2 * (rng.NextDouble() * 2 - 1)));
            r[i] = (float)(level * (chord / 3 + 0.2 * (rng.NextDouble() * 2 - 1)));
        }
        return new AudioBuffer([l, r], Rate);
    }

    public static AudioBuffer Noise(double seconds, double level, int seed, int rate = Rate)
    {
        var rng = new Random(seed);
        return Mono(seconds, rate, (_, _) => level * (rng.NextDouble() * 2 - 1));
    }

    public static AudioBuffer Silence(double seconds, int channels = 1) => new(channels, (int)(seconds * Rate), Rate);

    public static AudioBuffer Mono(double seconds, int rate, Func<double, int, double> sample)
    {
        var x = new float[(int)(seconds * rate)];
        for (int i = 0; i < x.Length; i++) x[i] = (float)sample((double)i / rate, i);
        return new AudioBuffer([x], rate);
    }

    public static AudioBuffer Scaled(AudioBuffer audio, double db)
    {
        var copy = audio.Clone();
        float g = (float)Math.Pow(10, db / 20);
        for (int c = 0; c < copy.ChannelCount; c++)
        {
            var ch = copy.Channel(c);
            for (int k = 0; k < ch.Length; k++) ch[k] *= g;
        }
        return copy;
    }

    /// <summary>Renders <paramref name="stems"/> with <paramref name="settings"/> through the engine, as a reference is made.</summary>
    public static AudioBuffer Mix(IReadOnlyList<StemAudio> stems, IReadOnlyList<TrackSettings> settings, MasterSettings? master = null)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"mixwright-test-mix-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var tracks = stems.Select((s, i) =>
            {
                string path = Path.Combine(dir, $"{i}.wav");
                WavWriter.Write(path, s.Audio, WavSampleFormat.Float32);
                return new MixTrack(s.Name, path, settings[i]);
            }).ToImmutableArray();
            string output = Path.Combine(dir, "mix.wav");
            OfflineRenderer.Render(new MixDefinition(tracks, ReverbSettings.Default, master ?? MasterSettings.Default, Rate),
                new RenderOptions(output) { IncludeReverbTail = false, CacheDirectory = dir });
            return WavReader.ReadAll(output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
