using System.Numerics;
using MathNet.Numerics.IntegralTransforms;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;
using Mixwright.Dsp.Processors;

namespace Mixwright.Dsp.Tests.Processors;

public class FdnReverbTests
{
    private const int Fs = 44100;

    /// <summary>Wet response to a unit impulse on both send channels.</summary>
    private static (float[] Left, float[] Right) ImpulseResponse(ReverbSettings s, double seconds, int fs = Fs, int block = 512)
    {
        int frames = (int)(seconds * fs);
        var send = new AudioBuffer(2, frames, fs);
        send.Channel(0)[0] = 1;
        send.Channel(1)[0] = 1;
        var wet = new AudioBuffer(2, frames, fs);
        var reverb = Prepared(s, fs);
        for (int start = 0; start < frames; start += block)
        {
            int n = Math.Min(block, frames - start);
            var input = send.Slice(start, n);
            var output = new AudioBuffer(2, n, fs);
            reverb.Process(input, output, n);
            for (int c = 0; c < 2; c++) output.Channel(c).CopyTo(wet.Channel(c).Slice(start, n));
        }
        return (wet.ChannelArray(0), wet.ChannelArray(1));
    }

    /// <summary>RT60 from the Schroeder energy decay curve: slope of a line fitted from -5 to -35 dB, extrapolated to 60 dB.</summary>
    private static double Rt60(float[] ir, int fs)
    {
        var edc = new double[ir.Length];
        double acc = 0;
        for (int n = ir.Length - 1; n >= 0; n--) { acc += (double)ir[n] * ir[n]; edc[n] = acc; }
        var points = Enumerable.Range(0, ir.Length)
            .Select(n => (t: (double)n / fs, db: 10 * Math.Log10(edc[n] / edc[0])))
            .Where(p => p.db <= -5 && p.db >= -35).ToArray();
        var (_, slope) = MathNet.Numerics.Fit.Line(points.Select(p => p.t).ToArray(), points.Select(p => p.db).ToArray());
        return -60 / slope;
    }

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(1.8, 0.0)]
    [InlineData(4.0, 0.0)]
    [InlineData(1.8, 0.5)]
    public void Impulse_response_decays_60_dB_in_the_decay_time(double decayS, double damping)
    {
        var s = ReverbSettings.Default with { DecayS = decayS, Damping = damping, PreDelayMs = 0 };
        var (left, right) = ImpulseResponse(s, decayS * 1.2);
        foreach (var ir in new[] { left, right })
        {
            double rt60 = Rt60(ir, Fs);
            Assert.InRange(rt60, 0.75 * decayS, 1.25 * decayS);
        }
    }

    [Fact]
    public void Left_and_right_tails_are_decorrelated()
    {
        var (left, right) = ImpulseResponse(ReverbSettings.Default with { PreDelayMs = 0 }, 1.0);
        int from = Fs / 20; // after the first 50 ms
        double lr = 0, ll = 0, rr = 0;
        for (int n = from; n < left.Length; n++) { lr += left[n] * right[n]; ll += left[n] * left[n]; rr += right[n] * right[n]; }
        double correlation = lr / Math.Sqrt(ll * rr);
        Assert.InRange(correlation, -0.5, 0.5);
        Assert.True(ll > 0 && rr > 0);
    }

    [Fact]
    public void More_damping_leaves_less_high_frequency_energy_in_the_tail()
    {
        double bright = HighToLowRatioDb(0);
        double medium = HighToLowRatioDb(0.5);
        double dark = HighToLowRatioDb(1);
        Assert.True(medium < bright - 3, $"damping 0.5: {medium:F1} dB vs 0: {bright:F1} dB");
        Assert.True(dark < medium - 3, $"damping 1: {dark:F1} dB vs 0.5: {medium:F1} dB");

        static double HighToLowRatioDb(double damping)
        {
            var (left, _) = ImpulseResponse(ReverbSettings.Default with { Damping = damping, PreDelayMs = 0, DecayS = 2 }, 1.0);
            const int n = 1 << 15; // the tail from 0.2 s on
            var spectrum = left.Skip(Fs / 5).Take(n).Select(v => new Complex(v, 0)).ToArray();
            Fourier.Forward(spectrum, FourierOptions.AsymmetricScaling);
            double Energy(double lo, double hi) => Enumerable.Range((int)(lo * n / Fs), (int)((hi - lo) * n / Fs)).Sum(b => spectrum[b].Magnitude * spectrum[b].Magnitude);
            return 10 * Math.Log10(Energy(6000, 12000) / Energy(200, 1000));
        }
    }

    [Theory]
    [InlineData(44100)]
    [InlineData(48000)]
    public void Pre_delay_shifts_the_onset_by_exactly_its_length(int fs)
    {
        int Onset(double preDelayMs)
        {
            var (left, right) = ImpulseResponse(ReverbSettings.Default with { PreDelayMs = preDelayMs }, 0.5, fs, block: 300);
            return Math.Min(Array.FindIndex(left, v => v != 0), Array.FindIndex(right, v => v != 0));
        }
        int direct = Onset(0);
        Assert.InRange(direct * 1000.0 / fs, 20, 30); // the shortest line is 23 ms
        Assert.Equal(direct + (int)Math.Round(0.05 * fs), Onset(50));
        Assert.Equal(direct + (int)Math.Round(0.2 * fs), Onset(200));
    }

    [Fact]
    public void Stays_finite_and_bounded_at_every_corner_of_the_settings_and_fades_to_exact_silence()
    {
        var noise = TestSignals.WhiteNoiseSamples(Fs, 1, seed: 2);
        foreach (double decay in new[] { ConsoleRanges.ReverbDecayS.Min, ConsoleRanges.ReverbDecayS.Max })
        foreach (double damping in new[] { ConsoleRanges.ReverbDamping.Min, ConsoleRanges.ReverbDamping.Max })
        foreach (double pre in new[] { ConsoleRanges.ReverbPreDelayMs.Min, ConsoleRanges.ReverbPreDelayMs.Max })
        {
            var reverb = Prepared(new ReverbSettings { DecayS = decay, Damping = damping, PreDelayMs = pre }, Fs);
            var send = TestSignals.Buffer(Fs, noise, noise.Reverse().ToArray());
            var wet = new AudioBuffer(2, Fs, Fs);
            reverb.Process(send, wet, Fs);
            float loudest = Math.Max(wet.ChannelArray(0).Max(MathF.Abs), wet.ChannelArray(1).Max(MathF.Abs));
            Assert.True(float.IsFinite(loudest) && loudest < 20, $"decay {decay}, damping {damping}: peak {loudest}");
        }

        // Max decay: after the send stops the tail keeps falling, never grows.
        var longTail = Prepared(new ReverbSettings { DecayS = ConsoleRanges.ReverbDecayS.Max, Damping = 0 }, Fs);
        var energies = new List<double>();
        var silence = new AudioBuffer(2, Fs / 2, Fs);
        var block = new AudioBuffer(2, Fs / 2, Fs);
        longTail.Process(TestSignals.Buffer(Fs, noise[..(Fs / 2)], noise[..(Fs / 2)]), block, Fs / 2);
        for (int i = 0; i < 8; i++)
        {
            longTail.Process(silence, block, Fs / 2);
            energies.Add(TestSignals.Rms(block.ChannelArray(0)));
        }
        for (int i = 1; i < energies.Count; i++) Assert.True(energies[i] < energies[i - 1]);
        // 60 dB per 10 s: about 3 dB per half second.
        Assert.InRange(TestSignals.Db(energies[^1] / energies[^2]), -4.5, -1.5);

        // Short decay: the tail ends in exact zeros (no denormals lingering).
        var shortTail = Prepared(new ReverbSettings { DecayS = ConsoleRanges.ReverbDecayS.Min }, Fs);
        shortTail.Process(TestSignals.Buffer(Fs, noise[..(Fs / 2)], noise[..(Fs / 2)]), block, Fs / 2);
        for (int i = 0; i < 16; i++) shortTail.Process(silence, block, Fs / 2);
        Assert.All(block.ChannelArray(0), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Process_allocates_nothing()
    {
        var reverb = Prepared(ReverbSettings.Default, Fs);
        var send = TestSignals.Buffer(Fs, TestSignals.WhiteNoiseSamples(4096, 0.5, 1), TestSignals.WhiteNoiseSamples(4096, 0.5, 2));
        var wet = new AudioBuffer(2, 4096, Fs);
        reverb.Process(send, wet, 4096);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) reverb.Process(send, wet, 1000);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Settings_are_validated_and_buses_must_be_stereo()
    {
        var reverb = new FdnReverb();
        Assert.Contains("Prepare", Assert.Throws<InvalidOperationException>(() => reverb.Update(ReverbSettings.Default)).Message);
        reverb.Prepare(Fs);
        Assert.Contains("decay_s", Assert.Throws<ParameterOutOfRangeException>(() => reverb.Update(ReverbSettings.Default with { DecayS = 30 })).Message);
        Assert.Contains("stereo", Assert.Throws<ArgumentException>(() => reverb.Process(new AudioBuffer(1, 8, Fs), new AudioBuffer(2, 8, Fs), 8)).Message);
    }

    private static FdnReverb Prepared(ReverbSettings s, int fs)
    {
        var reverb = new FdnReverb();
        reverb.Prepare(fs);
        reverb.Update(s);
        return reverb;
    }
}
