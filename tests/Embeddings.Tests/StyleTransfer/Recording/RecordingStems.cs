using Mixwright.Dsp.Audio;

namespace Mixwright.Embeddings.Tests.StyleTransfer.Recording;

/// <summary>Parts that play notes at irregular times (so an alignment has one answer), each in its own register.</summary>
internal static class RecordingStems
{
    public const int Rate = 44100;

    /// <summary>Notes of a few harmonics around <paramref name="hz"/> at random onsets and lengths.</summary>
    public static AudioBuffer Notes(double seconds, double hz, int seed, double level = 0.2, bool noisy = false)
    {
        var rng = new Random(seed);
        var x = new float[(int)(seconds * Rate)];
        int at = (int)(rng.NextDouble() * 0.3 * Rate);
        while (at < x.Length)
        {
            int length = (int)((0.08 + 0.5 * rng.NextDouble()) * Rate);
            double f = hz * Math.Pow(2, rng.Next(0, 8) / 12.0), amp = level * (0.5 + rng.NextDouble());
            for (int i = 0; i < length && at + i < x.Length; i++)
            {
                double t = (double)i / Rate, env = Math.Exp(-t * 6) * Math.Min(1, t * 200);
                double v = noisy ? rng.NextDouble() * 2 - 1 : Math.Sin(2 * Math.PI * f * t) + 0.4 * Math.Sin(4 * Math.PI * f * t) + 0.2 * Math.Sin(6 * Math.PI * f * t);
                x[at + i] += (float)(amp * env * v);
            }
            at += length + (int)(rng.NextDouble() * 0.4 * Rate);
        }
        return new AudioBuffer([x], Rate);
    }

    /// <summary>A stereo part: the same notes with different noise in each side.</summary>
    public static AudioBuffer StereoNotes(double seconds, double hz, int seed, double level = 0.15)
    {
        var mono = Notes(seconds, hz, seed, level);
        var rng = new Random(seed + 1);
        var l = mono.ChannelArray(0);
        var r = (float[])l.Clone();
        for (int i = 0; i < l.Length; i++)
        {
            float spread = (float)(0.3 * Math.Abs(l[i]) * (rng.NextDouble() * 2 - 1));
            l[i] += spread;
            r[i] -= spread;
        }
        return new AudioBuffer([l, r], Rate);
    }

    /// <summary><paramref name="audio"/> after <paramref name="seconds"/> of silence.</summary>
    public static AudioBuffer Delayed(AudioBuffer audio, double seconds)
    {
        int pad = (int)(seconds * audio.SampleRate);
        var channels = Enumerable.Range(0, audio.ChannelCount).Select(c =>
        {
            var y = new float[audio.Frames + pad];
            audio.Channel(c).CopyTo(y.AsSpan(pad));
            return y;
        }).ToArray();
        return new AudioBuffer(channels, audio.SampleRate);
    }
}
