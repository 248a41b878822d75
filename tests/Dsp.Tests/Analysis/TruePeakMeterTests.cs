using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Tests.Analysis;

public class TruePeakMeterTests
{
    [Fact]
    public void Sees_the_peak_between_samples_that_the_sample_peak_misses()
    {
        // A quarter-rate sine sampled at 45 degrees: every sample is 0.707, the waveform reaches 1.
        var x = Enumerable.Range(0, 8000).Select(n => (float)Math.Sin(Math.PI / 2 * n + Math.PI / 4)).ToArray();
        var meter = new TruePeakMeter(1);
        meter.Add(new AudioBuffer([x], 48000), x.Length);
        Assert.InRange(meter.SamplePeakDbfs, -3.02, -3.0);
        Assert.InRange(meter.TruePeakDbtp, -0.1, 0.3); // the switch-on from silence may ring slightly above 0
    }

    [Fact]
    public void Reports_the_loudest_channel()
    {
        var quiet = TestSignals.SineAtDbfs(48000, 1, 1000, -20, 1).ChannelArray(0);
        var loud = TestSignals.SineAtDbfs(48000, 1, 1000, -6, 1).ChannelArray(0);
        var meter = new TruePeakMeter(2);
        meter.Add(new AudioBuffer([quiet, loud], 48000), quiet.Length);
        Assert.InRange(meter.TruePeakDbtp, -6.05, -5.9);
        Assert.InRange(meter.SamplePeakDbfs, -6.01, -5.99);
    }

    [Fact]
    public void Streaming_in_blocks_gives_exactly_the_same_peak()
    {
        var audio = TestSignals.Song(44100, 2);
        var whole = new TruePeakMeter(2);
        whole.Add(audio, audio.Frames);
        var streamed = new TruePeakMeter(2);
        TestSignals.Stream(audio, 1000, streamed.Add);
        Assert.Equal(whole.TruePeak, streamed.TruePeak);
        Assert.Equal(whole.SamplePeak, streamed.SamplePeak);
    }

    [Fact]
    public void Silence_reads_minus_infinity()
    {
        var meter = new TruePeakMeter(2);
        meter.Add(new AudioBuffer(2, 4800, 48000), 4800);
        Assert.Equal(double.NegativeInfinity, meter.TruePeakDbtp);
        Assert.Equal(double.NegativeInfinity, meter.SamplePeakDbfs);
    }
}
