using Mixwright.Dsp.Audio;

namespace Mixwright.Bench;

/// <summary>
/// Deterministic multitrack material for benchmarks: pitched parts, drums and noise with envelopes, so the
/// compressors and EQs do real work. Written once and reused by later runs.
/// </summary>
internal static class SyntheticStems
{
    public static IReadOnlyList<string> Ensure(string dir, int tracks, double seconds, int sampleRate)
    {
        Directory.CreateDirectory(dir);
        var paths = new List<string>();
        long frames = (long)(seconds * sampleRate);
        for (int t = 0; t < tracks; t++)
        {
            string path = Path.Combine(dir, $"track{t:00}.wav");
            paths.Add(path);
            if (File.Exists(path) && WavReader.ReadInfo(path).LengthFrames == frames) continue;
            WavWriter.Write(path, Make(t, (int)frames, sampleRate), WavSampleFormat.Float32);
        }
        return paths;
    }

    private static AudioBuffer Make(int track, int frames, int rate)
    {
        var buffer = new AudioBuffer(2, frames, rate);
        var rng = new Random(track * 7919 + 1);
        Span<float> l = buffer.Channel(0), r = buffer.Channel(1);
        double beat = 60.0 / 100 * rate; // 100 BPM
        int kind = track % 4;
        double baseHz = 55 * Math.Pow(2, track % 7 / 3.0);
        double phase = 0;
        for (int i = 0; i < frames; i++)
        {
            double posInBeat = i % beat / beat;
            double env = kind switch
            {
                0 => Math.Exp(-posInBeat * 12),            // kick-like hits
                1 => Math.Exp(-(i % (beat / 2)) / (beat / 2) * 8), // eighth-note plucks
                2 => 0.5 + 0.5 * Math.Sin(2 * Math.PI * i / (beat * 8)), // slow swells
                _ => 0.7,
            };
            double hz = kind == 0 ? baseHz * (1 + 2 * Math.Exp(-posInBeat * 30)) : baseHz * (1 + (int)(i / (beat * 4)) % 3 * 0.25);
            phase += 2 * Math.PI * hz / rate;
            double tone = Math.Sin(phase) + 0.3 * Math.Sin(3 * phase) + 0.15 * Math.Sin(5 * phase);
            double noise = kind == 3 ? (rng.NextDouble() * 2 - 1) * 0.4 : (rng.NextDouble() * 2 - 1) * 0.02;
            double x = 0.25 * env * (tone + noise);
            l[i] = (float)x;
            r[i] = (float)(x * 0.9 + 0.05 * (rng.NextDouble() * 2 - 1) * env);
        }
        return buffer;
    }
}
