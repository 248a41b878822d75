using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Tests;

/// <summary>
/// Every synthesised test signal of the DSP tests, with one convention: the sample rate comes first, then
/// the length (seconds, or frames where a test needs an exact count: the names say <c>Frames</c> or
/// <c>Samples</c>), then what the signal is, then the channel count, level and seed. Levels are linear
/// amplitudes unless the parameter says dBFS. A <c>...Samples</c> method returns one channel as a float
/// array; the rest return an <see cref="AudioBuffer"/>. Each generator's samples are exactly what the test
/// that uses it was written against, so two sines that differ in their per-channel phase stay two methods.
/// </summary>
internal static class TestSignals
{
    // ----- tones

    /// <summary>A sine on every channel, each channel's phase 0.5 rad on from the one before (so channels differ).</summary>
    public static AudioBuffer Sine(int rate, double seconds, double freqHz, int channels = 2, double amplitude = 0.25, double phase = 0)
    {
        var b = new AudioBuffer(channels, (int)(seconds * rate), rate);
        for (int c = 0; c < channels; c++)
        {
            var ch = b.Channel(c);
            for (int i = 0; i < ch.Length; i++) ch[i] = (float)(amplitude * Math.Sin(2 * Math.PI * freqHz * i / rate + phase + c * 0.5));
        }
        return b;
    }

    /// <summary>A sine on every channel, each channel's phase 1 rad on from the one before; the amplitude is applied in single precision.</summary>
    public static AudioBuffer Tone(int sampleRate, double seconds, double frequencyHz, int channels = 1, float amplitude = 0.5f)
    {
        int frames = (int)Math.Round(seconds * sampleRate);
        var buffer = new AudioBuffer(channels, frames, sampleRate);
        for (int c = 0; c < channels; c++)
        {
            var x = buffer.Channel(c);
            for (int i = 0; i < frames; i++) x[i] = amplitude * (float)Math.Sin(2 * Math.PI * frequencyHz * i / sampleRate + c);
        }
        return buffer;
    }

    /// <summary>The same sine on every channel, peak level <paramref name="dbfs"/>.</summary>
    public static AudioBuffer SineAtDbfs(int rate, double seconds, double hz, double dbfs, int channels = 2) =>
        Segments(rate, hz, channels, (dbfs, seconds));

    /// <summary>A sine whose level changes in steps, e.g. (-36, 10), (-23, 60): Tech 3341/3342 programmes.</summary>
    public static AudioBuffer Segments(int rate, double hz, int channels, params (double Dbfs, double Seconds)[] segments)
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
        return Channels(rate, x, channels);
    }

    public static float[] SineSamples(int sampleRate, int frames, double freqHz, double amplitude, double phase = 0) =>
        Enumerable.Range(0, frames).Select(n => (float)(amplitude * Math.Sin(2 * Math.PI * freqHz * n / sampleRate + phase))).ToArray();

    // ----- noise

    /// <summary>Uniform noise of peak <paramref name="amplitude"/>, independent per channel.</summary>
    public static AudioBuffer Noise(int rate, double seconds, int channels = 2, double amplitude = 0.2, int seed = 1)
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

    /// <summary>Uniform noise in [-0.5, 0.5), an exact number of frames.</summary>
    public static AudioBuffer NoiseFrames(int sampleRate, int channels, int frames, int seed = 7)
    {
        var random = new Random(seed);
        var buffer = new AudioBuffer(channels, frames, sampleRate);
        for (int c = 0; c < channels; c++)
        {
            var x = buffer.Channel(c);
            for (int i = 0; i < frames; i++) x[i] = (float)(random.NextDouble() - 0.5);
        }
        return buffer;
    }

    /// <summary>Uniform noise of the given RMS, independent per channel.</summary>
    public static AudioBuffer WhiteNoise(int rate, double seconds, int channels, int seed = 1, double rms = 0.1)
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

    public static float[] WhiteNoiseSamples(int frames, double amplitude, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, frames).Select(_ => (float)(amplitude * (2 * rng.NextDouble() - 1))).ToArray();
    }

    /// <summary>
    /// Approximately pink (-3 dB/octave) noise: white noise through a bank of one-pole low-passes an
    /// octave apart, each weighted so the bands sum to a 1/f slope. Independent per channel.
    /// </summary>
    public static AudioBuffer PinkNoise(int rate, double seconds, int channels, int seed = 2)
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

    /// <summary>Values exactly on the integer grid of <paramref name="format"/> (float formats: any float).</summary>
    public static AudioBuffer GridNoise(int sampleRate, WavSampleFormat format, int channels, int frames, int seed = 1)
    {
        var random = new Random(seed);
        var buffer = new AudioBuffer(channels, frames, sampleRate);
        for (int c = 0; c < channels; c++)
        {
            var x = buffer.Channel(c);
            for (int i = 0; i < frames; i++) x[i] = GridValue(format, random);
            // The extremes of the range must survive too.
            x[0] = -1f;
            x[1] = MaxValue(format);
        }
        return buffer;
    }

    private static float GridValue(WavSampleFormat format, Random random) => format switch
    {
        WavSampleFormat.Pcm8 => random.Next(-128, 128) / 128f,
        WavSampleFormat.Pcm16 => random.Next(-32768, 32768) / 32768f,
        WavSampleFormat.Pcm24 => random.Next(-(1 << 23), 1 << 23) / 8388608f,
        // A float holds 24 significant bits, so 32-bit codes that survive a float are multiples of 2^8.
        WavSampleFormat.Pcm32 => random.Next(-(1 << 23), 1 << 23) * 256 / 2147483648f,
        _ => (float)(random.NextDouble() * 2.4 - 1.2),
    };

    private static float MaxValue(WavSampleFormat format) => format switch
    {
        WavSampleFormat.Pcm8 => 127 / 128f,
        WavSampleFormat.Pcm16 => 32767 / 32768f,
        WavSampleFormat.Pcm24 => 8388607 / 8388608f,
        WavSampleFormat.Pcm32 => 2147483392 / 2147483648f,
        _ => 1f,
    };

    // ----- programme material

    /// <summary>Kick-like decaying low thumps on every beat at 120 BPM.</summary>
    public static AudioBuffer Drums(int rate, double seconds, int channels = 1)
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

    // ----- buffers and blocks

    /// <summary>The same samples on every channel (shared, not copied: analysers only read).</summary>
    public static AudioBuffer Channels(int rate, float[] x, int channels) =>
        new(Enumerable.Repeat(x, channels).ToArray(), rate);

    /// <summary>A buffer of copies of the given channels.</summary>
    public static AudioBuffer Buffer(int sampleRate, params float[][] channels) =>
        new(channels.Select(c => (float[])c.Clone()).ToArray(), sampleRate);

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

    // ----- measures

    public static double DbToAmplitude(double db) => Math.Pow(10, db / 20);

    public static double Db(double linear) => 20 * Math.Log10(linear);

    public static double Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (float v in x) sum += (double)v * v;
        return Math.Sqrt(sum / x.Length);
    }

    /// <summary>Frequency from the interpolated upward zero crossings of the middle of a channel.</summary>
    public static double MeasureFrequency(ReadOnlySpan<float> x, int sampleRate)
    {
        int start = x.Length / 4, end = 3 * x.Length / 4;
        double first = -1, last = -1;
        int crossings = 0;
        for (int i = start; i < end; i++)
        {
            if (x[i - 1] < 0 && x[i] >= 0)
            {
                double t = i - 1 + x[i - 1] / (x[i - 1] - x[i]);
                if (first < 0) first = t;
                last = t;
                crossings++;
            }
        }
        return (crossings - 1) / ((last - first) / sampleRate);
    }

    public static void AssertSamplesEqual(AudioBuffer expected, AudioBuffer actual)
    {
        Assert.Equal(expected.ChannelCount, actual.ChannelCount);
        Assert.Equal(expected.Frames, actual.Frames);
        Assert.Equal(expected.SampleRate, actual.SampleRate);
        for (int c = 0; c < expected.ChannelCount; c++)
        {
            var e = expected.Channel(c);
            var a = actual.Channel(c);
            for (int i = 0; i < e.Length; i++)
            {
                if (BitConverter.SingleToInt32Bits(e[i]) != BitConverter.SingleToInt32Bits(a[i]))
                    Assert.Fail($"Channel {c} frame {i}: expected {e[i]:R}, got {a[i]:R}.");
            }
        }
    }
}
