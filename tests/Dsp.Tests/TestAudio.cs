using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Tests;

/// <summary>Synthesised test material and a scratch folder that cleans itself up.</summary>
internal static class TestAudio
{
    public static AudioBuffer Sine(double freqHz, double seconds, int rate = 44100, int channels = 2, double amplitude = 0.25, double phase = 0)
    {
        var b = new AudioBuffer(channels, (int)(seconds * rate), rate);
        for (int c = 0; c < channels; c++)
        {
            var ch = b.Channel(c);
            for (int i = 0; i < ch.Length; i++) ch[i] = (float)(amplitude * Math.Sin(2 * Math.PI * freqHz * i / rate + phase + c * 0.5));
        }
        return b;
    }

    public static AudioBuffer Noise(double seconds, int rate = 44100, int channels = 2, double amplitude = 0.2, int seed = 1)
    {
        var rng = new Random(seed);
        var b = new AudioBuffer(channels, (int)(seconds * rate), rate);
        for (int c = 0; c < channels; c++)
        {
            var ch = b.Channel(c);
            for (int i = 0; i < ch.Length; i++) ch[i] = (float)(amplitude * (rng.NextDouble() * 2 - 1));
        }
        return b;
    }

    /// <summary>Kick-like decaying low thumps on every beat at 120 BPM.</summary>
    public static AudioBuffer Drums(double seconds, int rate = 44100, int channels = 1)
    {
        var b = new AudioBuffer(channels, (int)(seconds * rate), rate);
        int beat = rate / 2;
        for (int c = 0; c < channels; c++)
        {
            var ch = b.Channel(c);
            for (int i = 0; i < ch.Length; i++)
            {
                double t = (double)(i % beat) / rate;
                ch[i] = (float)(0.8 * Math.Exp(-t * 18) * Math.Sin(2 * Math.PI * (50 + 90 * Math.Exp(-t * 40)) * t));
            }
        }
        return b;
    }
}

internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(PathName = Path.Combine(Path.GetTempPath(), "mixwright-test-" + Guid.NewGuid().ToString("N")));

    public string PathName { get; }
    public string File(string name) => Path.Combine(PathName, name);

    public string Write(string name, AudioBuffer audio, WavSampleFormat format = WavSampleFormat.Float32)
    {
        string path = File(name);
        WavWriter.Write(path, audio, format);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(PathName, recursive: true); } catch (IOException) { }
    }
}
