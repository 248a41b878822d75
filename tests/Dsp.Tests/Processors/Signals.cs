using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Tests.Processors;

/// <summary>Test signals and measurements shared by the processor tests.</summary>
internal static class Signals
{
    public static float[] Sine(int frames, double freqHz, int sampleRate, double amplitude, double phase = 0) =>
        Enumerable.Range(0, frames).Select(n => (float)(amplitude * Math.Sin(2 * Math.PI * freqHz * n / sampleRate + phase))).ToArray();

    public static float[] WhiteNoise(int frames, double amplitude, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, frames).Select(_ => (float)(amplitude * (2 * rng.NextDouble() - 1))).ToArray();
    }

    public static double Db(double linear) => 20 * Math.Log10(linear);

    public static double Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (float v in x) sum += (double)v * v;
        return Math.Sqrt(sum / x.Length);
    }

    public static AudioBuffer Buffer(int sampleRate, params float[][] channels) =>
        new(channels.Select(c => (float[])c.Clone()).ToArray(), sampleRate);

    /// <summary>Runs <paramref name="process"/> over the buffer in blocks of <paramref name="block"/> frames (a copy of each block, like a render loop).</summary>
    public static void InBlocks(AudioBuffer audio, int block, Action<AudioBuffer, int> process)
    {
        var scratch = new AudioBuffer(audio.ChannelCount, block, audio.SampleRate);
        for (int start = 0; start < audio.Frames; start += block)
        {
            int n = Math.Min(block, audio.Frames - start);
            for (int c = 0; c < audio.ChannelCount; c++) audio.Channel(c).Slice(start, n).CopyTo(scratch.Channel(c));
            process(scratch, n);
            for (int c = 0; c < audio.ChannelCount; c++) scratch.Channel(c)[..n].CopyTo(audio.Channel(c).Slice(start, n));
        }
    }
}
