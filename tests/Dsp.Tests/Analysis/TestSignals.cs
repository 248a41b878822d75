using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Tests.Analysis;

/// <summary>Audio synthesised for the analysis tests: tones, noise and a small dynamic "song".</summary>
internal static class TestSignals
{
    public static double DbToAmplitude(double db) => Math.Pow(10, db / 20);

    /// <summary>The same sine on every channel, peak level <paramref name="dbfs"/>.</summary>
    public static AudioBuffer Sine(double hz, double dbfs, double seconds, int rate, int channels = 2) =>
        Segments(hz, rate, channels, (dbfs, seconds));

    /// <summary>A sine whose level changes in steps, e.g. (-36, 10), (-23, 60): Tech 3341/3342 programmes.</summary>
    public static AudioBuffer Segments(double hz, int rate, int channels, params (double Dbfs, double Seconds)[] segments)
    {
        int total = segments.Sum(s => (int)Math.Round(s.Seconds * rate));
        var x = new float[total];
        int n = 0;
        foreach (var (db, seconds) in segments)
        {
            double a = DbToAmplitude(db);
            int end = n + (int)Math.Round(seconds * rate);
            for (; n < end; n++) x[n] = (float)(a * Math.Sin(2 * Math.PI * hz * n / rate));
        }
        return Channels(x, channels, rate);
    }

    public static AudioBuffer WhiteNoise(double seconds, int rate, int channels, int seed = 1, double rms = 0.1)
    {
        var rng = new Random(seed);
        int frames = (int)(seconds * rate);
        var data = new float[channels][];
        double a = rms * Math.Sqrt(3); // uniform on [-a, a] has RMS a/√3
        for (int c = 0; c < channels; c++)
        {
            data[c] = new float[frames];
            for (int n = 0; n < frames; n++) data[c][n] = (float)(a * (2 * rng.NextDouble() - 1));
        }
        return new AudioBuffer(data, rate);
    }

    /// <summary>
    /// Approximately pink (-3 dB/octave) noise: white noise through a bank of one-pole low-passes an
    /// octave apart, each weighted so the bands sum to a 1/f slope. Independent per channel.
    /// </summary>
    public static AudioBuffer PinkNoise(double seconds, int rate, int channels, int seed = 2)
    {
        var rng = new Random(seed);
        int frames = (int)(seconds * rate);
        var data = new float[channels][];
        var corners = Enumerable.Range(0, 10).Select(k => 20.0 * Math.Pow(2, k)).ToArray();
        for (int c = 0; c < channels; c++)
        {
            data[c] = new float[frames];
            var state = new double[corners.Length];
            for (int n = 0; n < frames; n++)
            {
                double white = 2 * rng.NextDouble() - 1, sum = 0;
                for (int k = 0; k < corners.Length; k++)
                {
                    double coef = Math.Exp(-2 * Math.PI * corners[k] / rate);
                    state[k] = coef * state[k] + (1 - coef) * white;
                    sum += state[k] * Math.Sqrt(corners[k] / 20.0);
                }
                data[c][n] = (float)(0.004 * (sum + 0.3 * white));
            }
        }
        return new AudioBuffer(data, rate);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, int, int), AudioBuffer> Songs = new();

    /// <summary>
    /// A "song" at 120 bpm (24 s unless asked otherwise): kick, snare, hats, bass and a chord pad, with
    /// a loud first third, a quiet breakdown (pad and hats only, ~13 LU down: under the -10 LU
    /// integration gate, inside the -20 LU range gate, so both gates matter), the loud part again and a
    /// final second of silence. Stereo spreads the hats and detunes the pad between the sides; mono is
    /// the centred fold-down. Peaks at -1 dBFS. Built once per shape and shared: analysers only read.
    /// </summary>
    public static AudioBuffer Song(int rate, int channels, int seconds = 24) =>
        Songs.GetOrAdd((rate, channels, seconds), key => MakeSong(key.Item1, key.Item2, key.Item3));

    private static AudioBuffer MakeSong(int rate, int channels, int seconds)
    {
        var rng = new Random(3);
        int frames = seconds * rate;
        var left = new double[frames];
        var right = new double[frames];
        const double beat = 0.5;
        double[] roots = [55, 43.65, 49, 41.2]; // A1 F1 G1 E1, one per bar
        double[] chordMultiples = [8, 10.08, 12]; // root, major third and fifth three octaves up
        for (int n = 0; n < (seconds - 1) * rate; n++)
        {
            double t = (double)n / rate;
            bool quiet = t >= seconds / 3.0 && t < 2 * seconds / 3.0;
            double inBeat = t % beat, inEighth = t % (beat / 2);
            int beatIndex = (int)(t / beat);
            double root = roots[(int)(t / (4 * beat)) % roots.Length];

            double hat = 0.25 * Math.Exp(-inEighth / 0.02) * (2 * rng.NextDouble() - 1);
            double padL = 0, padR = 0;
            foreach (double multiple in chordMultiples)
            {
                double f = root * multiple;
                padL += Math.Sin(2 * Math.PI * f * t) + 0.3 * Math.Sin(4 * Math.PI * f * t);
                padR += Math.Sin(2 * Math.PI * f * 1.003 * t + 0.5) + 0.3 * Math.Sin(4 * Math.PI * f * 1.003 * t);
            }
            if (quiet)
            {
                left[n] = 0.15 * hat + 0.04 * padL;
                right[n] = 0.25 * hat + 0.04 * padR;
                continue;
            }
            // Kick: a decaying sine gliding down from ~110 Hz to 50 Hz.
            double kick = Math.Exp(-inBeat / 0.12) * Math.Sin(2 * Math.PI * (50 * inBeat + 2.4 * (1 - Math.Exp(-inBeat / 0.04))));
            double snare = beatIndex % 2 == 1
                ? Math.Exp(-inBeat / 0.07) * (0.6 * (2 * rng.NextDouble() - 1) + 0.4 * Math.Sin(2 * Math.PI * 190 * inBeat))
                : 0;
            double bassPhase = 2 * Math.PI * root * 2 * t;
            double bass = (Math.Sin(bassPhase) + 0.5 * Math.Sin(2 * bassPhase) + 0.25 * Math.Sin(3 * bassPhase))
                          * (0.6 + 0.4 * Math.Exp(-inEighth / 0.1));
            double centre = 0.55 * kick + 0.3 * snare + 0.22 * bass;
            left[n] = centre + 0.6 * hat + 0.1 * padL;
            right[n] = centre + hat + 0.1 * padR;
        }
        double peak = Math.Max(left.Max(Math.Abs), right.Max(Math.Abs));
        double gain = DbToAmplitude(-1) / peak;
        if (channels == 1)
        {
            var mono = new float[frames];
            for (int n = 0; n < frames; n++) mono[n] = (float)(gain * (left[n] + right[n]) / 2);
            return new AudioBuffer([mono], rate);
        }
        return new AudioBuffer([left.Select(v => (float)(gain * v)).ToArray(), right.Select(v => (float)(gain * v)).ToArray()], rate);
    }

    /// <summary>The same samples on every channel (shared, not copied: analysers only read).</summary>
    public static AudioBuffer Channels(float[] x, int channels, int rate) =>
        new(Enumerable.Repeat(x, channels).ToArray(), rate);

    /// <summary>Feeds <paramref name="audio"/> to <paramref name="add"/> through a reused block of <paramref name="blockFrames"/>.</summary>
    public static void Stream(AudioBuffer audio, int blockFrames, Action<AudioBuffer, int> add)
    {
        var block = new AudioBuffer(audio.ChannelCount, blockFrames, audio.SampleRate);
        for (int start = 0; start < audio.Frames; start += blockFrames)
        {
            int n = Math.Min(blockFrames, audio.Frames - start);
            for (int c = 0; c < audio.ChannelCount; c++) audio.Channel(c).Slice(start, n).CopyTo(block.Channel(c));
            add(block, n);
        }
    }
}
