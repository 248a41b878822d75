using System.Globalization;
using System.Text.RegularExpressions;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;
using Mixwright.Dsp.Processors;

namespace Mixwright.Dsp.Tests.Processors;

public class TruePeakLimiterTests
{
    /// <summary>Hot test material, 12 dB over the ceiling in sample peak (more in true peak for some).</summary>
    private static float[][] Hot(string kind, int fs, double ceilingDb, int frames)
    {
        double a = Math.Pow(10, (ceilingDb + 12) / 20);
        var rng = new Random(kind.Length * 31 + fs);
        float[] Make(int channel) => kind switch
        {
            "sine" => TestSignals.SineSamples(fs, frames, 997, a, channel),
            // A naive square wave: full of harmonics up to Nyquist, so its true peak is well above its samples.
            "square" => Enumerable.Range(0, frames).Select(n => (float)((n * 1000 / fs) % 2 == 0 ? a : -a)).ToArray(),
            "near-nyquist" => TestSignals.SineSamples(fs, frames, 0.45 * fs, a, 0.7 + channel),
            // White-noise bursts switching on and off abruptly every 50 ms.
            "bursts" => Enumerable.Range(0, frames).Select(n => (n / (fs / 20)) % 2 == 0 ? (float)(a * (2 * rng.NextDouble() - 1)) : 0f).ToArray(),
            // Single-sample clicks straddling every 512-frame block boundary, opposite polarity per channel.
            "clicks" => Enumerable.Range(0, frames).Select(n => n % 512 is 0 or 511 or 1 ? (float)(channel == 0 ? a : -a) : 0f).ToArray(),
            // Bass and a mid tone with decaying noise hits, a little like a mix.
            "mix" => Enumerable.Range(0, frames).Select(n =>
                (float)(a * 0.4 * Math.Sin(2 * Math.PI * 110 * n / fs) + a * 0.3 * Math.Sin(2 * Math.PI * 3310 * n / fs + channel)
                        + (n % (fs / 4) < 200 ? a * (1 - (n % (fs / 4)) / 200.0) * (rng.NextDouble() * 2 - 1) : 0))).ToArray(),
            _ => throw new ArgumentException(kind),
        };
        return [Make(0), Make(1)];
    }

    public static TheoryData<string, int, double, int> HotCases()
    {
        var data = new TheoryData<string, int, double, int>();
        foreach (var kind in new[] { "sine", "square", "near-nyquist", "bursts", "clicks", "mix" })
        {
            data.Add(kind, 44100, -1, 512);
            data.Add(kind, 48000, -0.1, 333);
        }
        data.Add("mix", 48000, -6, 4096);
        data.Add("square", 44100, 0, 1);
        data.Add("bursts", 44100, -3, 64);
        return data;
    }

    [Theory]
    [MemberData(nameof(HotCases))]
    public void Output_true_peak_never_exceeds_the_ceiling_on_a_fresh_TruePeakDetector(string kind, int fs, double ceilingDb, int block)
    {
        var output = LimitTrimmed(Hot(kind, fs, ceilingDb, fs / 2), fs, new LimiterSettings(true, ceilingDb, 50), block);
        double ceiling = Math.Pow(10, ceilingDb / 20);
        foreach (var ch in output)
        {
            float peak = new TruePeakDetector().Process(ch);
            Assert.True(peak <= ceiling, $"{kind}: true peak {TestSignals.Db(peak):F3} dBTP over the {ceilingDb} dBTP ceiling");
            // It limits, but not far more than needed (near-Nyquist content is deliberately over-read).
            Assert.True(TestSignals.Db(peak) > ceilingDb - (kind == "near-nyquist" ? 1.5 : 0.5), $"{kind}: limited to {TestSignals.Db(peak):F2} dBTP");
        }
    }

    [Theory]
    [MemberData(nameof(HotCases))]
    public void Output_true_peak_never_exceeds_the_ceiling_on_ffmpeg_ebur128(string kind, int fs, double ceilingDb, int block)
    {
        var output = LimitTrimmed(Hot(kind, fs, ceilingDb, fs / 2), fs, new LimiterSettings(true, ceilingDb, 50), block);
        using var dir = new TempDir();
        WavWriter.Write(dir.File("out.wav"), new AudioBuffer(output, fs), WavSampleFormat.Float32);
        string text = ExternalTool.Run("ffmpeg", "-hide_banner", "-nostats", "-i", dir.File("out.wav"),
            "-af", "ebur128=peak=true:metadata=1,ametadata=print:key=lavfi.r128.true_peak", "-f", "null", "-");

        // The summary's "Peak:" has one decimal; the per-frame metadata gives the linear peak to 3 decimals.
        var summary = Regex.Match(text, @"True peak:\s+Peak:\s+(-?[0-9.]+) dBFS");
        Assert.True(summary.Success, "no true-peak summary in ffmpeg's output");
        Assert.True(double.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture) <= ceilingDb, $"{kind}: ffmpeg summary {summary.Value}");
        double linear = Regex.Matches(text, @"lavfi\.r128\.true_peak=([0-9.]+)").Max(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.True(linear <= Math.Pow(10, ceilingDb / 20) + 0.0005, $"{kind}: ffmpeg true peak {TestSignals.Db(linear):F3} dBTP");
    }

    [Fact]
    public void A_signal_below_the_ceiling_comes_out_bit_identical_only_delayed()
    {
        const int fs = 44100;
        var rng = new Random(3);
        var quiet = Enumerable.Range(0, fs).Select(n => (float)(0.25 * Math.Sin(2 * Math.PI * 220 * n / fs) + 0.05 * (rng.NextDouble() - 0.5))).ToArray();
        var limiter = Prepared(fs, 1, new LimiterSettings(true, -1, 50));
        var audio = TestSignals.Buffer(fs, quiet);
        TestSignals.InBlocks(audio, 300, limiter.Process);
        int latency = limiter.LatencyFrames;
        Assert.All(audio.ChannelArray(0)[..latency], v => Assert.Equal(0f, v));
        Assert.Equal(quiet[..^latency], audio.ChannelArray(0)[latency..]);
        Assert.Equal(0, limiter.LastGainReductionDb);
    }

    [Theory]
    [InlineData(44100)]
    [InlineData(48000)]
    public void Latency_is_the_lookahead_and_an_impulse_comes_out_that_late(int fs)
    {
        var limiter = Prepared(fs, 2, LimiterSettings.Default);
        // 1.5 ms ramp + the detector's window + padding: a few ms at most.
        Assert.InRange(limiter.LatencyFrames * 1000.0 / fs, 2, 4);
        var impulse = new float[4096];
        impulse[1000] = 0.5f;
        var audio = TestSignals.Buffer(fs, impulse, impulse);
        TestSignals.InBlocks(audio, 512, limiter.Process);
        Assert.Equal(1000 + limiter.LatencyFrames, Array.IndexOf(audio.ChannelArray(1), 0.5f));
    }

    [Fact]
    public void Gain_ramps_down_without_a_step_and_reports_the_reduction()
    {
        const int fs = 48000;
        // Silence, then a tone 12 dB over a -1 dBTP ceiling.
        var tone = Enumerable.Range(0, fs / 2).Select(n => n < fs / 4 ? 0f : (float)(3.55 * Math.Sin(2 * Math.PI * 500 * n / fs))).ToArray();
        var limiter = Prepared(fs, 1, new LimiterSettings(true, -1, 100));
        var audio = TestSignals.Buffer(fs, tone);
        TestSignals.InBlocks(audio, 1024, limiter.Process);
        int latency = limiter.LatencyFrames;
        var y = audio.ChannelArray(0);
        // Gain per sample where the input is not near a zero crossing.
        var gains = Enumerable.Range(fs / 4, fs / 4 - latency).Where(n => Math.Abs(tone[n]) > 0.5).Select(n => y[n + latency] / tone[n]).ToArray();
        // 3.55 is 12 dB over 0.891 (-1 dBTP); the target sits the safety margin lower still.
        double expected = 12 + TruePeakLimiter.SafetyMarginDb;
        Assert.InRange(-TestSignals.Db(gains.Last()), expected - 0.05, expected + 0.2);
        Assert.InRange(limiter.LastGainReductionDb, expected - 0.05, expected + 0.2);
        // The 1.5 ms ramp finished before the tone arrived: the first loud samples already have the full reduction.
        Assert.InRange(gains[0] / gains.Last(), 0.999, 1.001);
    }

    [Fact]
    public void After_a_loud_passage_the_gain_recovers_with_the_release_time()
    {
        const int fs = 44100;
        const double releaseMs = 80;
        int loudEnd = fs / 4;
        var x = Enumerable.Range(0, fs * 2).Select(n => (float)((n < loudEnd ? 3.0 : 0.1) * Math.Sin(2 * Math.PI * 300 * n / fs))).ToArray();
        var limiter = Prepared(fs, 1, new LimiterSettings(true, -1, releaseMs));
        var audio = TestSignals.Buffer(fs, x);
        TestSignals.InBlocks(audio, 512, limiter.Process);
        int latency = limiter.LatencyFrames;
        var y = audio.ChannelArray(0);
        double GainNear(int n)
        {
            int best = Enumerable.Range(n - 80, 160).MaxBy(i => Math.Abs(x[i]));
            return y[best + latency] / x[best];
        }
        double low = GainNear(loudEnd - 500);
        // The hold spans the lookahead; the release starts then. One release time later the gain has
        // covered about 63 % of the way back to 1 (the 1.5 ms ramp smears it a little).
        int releaseStart = loudEnd + latency;
        double progress = (GainNear(releaseStart + (int)(releaseMs / 1000 * fs)) - low) / (1 - low);
        Assert.InRange(progress, 0.55, 0.72);
        // Long after, nothing is left: first within a millionth, then (once the gain has snapped back to
        // exactly 1) bit for bit.
        for (int n = fs * 13 / 10; n < x.Length - latency; n++) Assert.InRange(y[n + latency] - x[n], -1e-6f, 1e-6f);
        Assert.Equal(x[(fs * 17 / 10)..^latency], y[(fs * 17 / 10 + latency)..]);
        Assert.Equal(0, limiter.LastGainReductionDb);
    }

    [Fact]
    public void Disabled_only_delays_the_audio()
    {
        const int fs = 44100;
        var hot = Hot("bursts", fs, -1, fs / 4);
        var limiter = Prepared(fs, 2, new LimiterSettings(false, -1, 50));
        var audio = TestSignals.Buffer(fs, hot);
        TestSignals.InBlocks(audio, 700, limiter.Process);
        for (int c = 0; c < 2; c++)
            Assert.Equal(hot[c][..^limiter.LatencyFrames], audio.ChannelArray(c)[limiter.LatencyFrames..]);
        Assert.Equal(0, limiter.LastGainReductionDb);
    }

    [Fact]
    public void Process_allocates_nothing()
    {
        var limiter = Prepared(44100, 2, LimiterSettings.Default);
        var hot = Hot("bursts", 44100, -1, 4096);
        var audio = TestSignals.Buffer(44100, hot);
        limiter.Process(audio, 4096);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) limiter.Process(audio, 1000 + i);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Settings_are_validated_and_misuse_is_reported()
    {
        var limiter = new TruePeakLimiter();
        Assert.Contains("Prepare", Assert.Throws<InvalidOperationException>(() => limiter.Update(LimiterSettings.Default)).Message);
        limiter.Prepare(44100, 2);
        Assert.Contains("ceiling_dbtp", Assert.Throws<ParameterOutOfRangeException>(() => limiter.Update(new LimiterSettings(true, 3, 50))).Message);
        Assert.Contains("2 channel", Assert.Throws<ArgumentException>(() => limiter.Process(new AudioBuffer(1, 8, 44100), 8)).Message);
    }

    private static TruePeakLimiter Prepared(int fs, int channels, LimiterSettings s)
    {
        var limiter = new TruePeakLimiter();
        limiter.Prepare(fs, channels);
        limiter.Update(s);
        return limiter;
    }

    /// <summary>Limits like the renderer: drops the first LatencyFrames and flushes the tail with zeros.</summary>
    private static float[][] LimitTrimmed(float[][] input, int fs, LimiterSettings s, int block)
    {
        var limiter = Prepared(fs, input.Length, s);
        int latency = limiter.LatencyFrames;
        var padded = input.Select(c => c.Concat(new float[latency]).ToArray()).ToArray();
        var audio = TestSignals.Buffer(fs, padded);
        TestSignals.InBlocks(audio, block, limiter.Process);
        return Enumerable.Range(0, input.Length).Select(c => audio.ChannelArray(c)[latency..]).ToArray();
    }
}
