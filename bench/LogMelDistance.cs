using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Audio;

namespace Mixwright.Bench;

/// <summary>
/// Log-mel spectrogram distance between two stereo signals at one rate: 2048-point Hann frames every 1024 samples,
/// 64 mel bands from 30 Hz to 16 kHz, power in dB floored 80 dB under each signal's loudest cell, and the mean
/// absolute difference over frames, bands and both channels (dB). The protocol A measure.
/// </summary>
internal static class LogMelDistance
{
    private const int Fft = 2048, Hop = 1024, Bands = 64;

    public static double Between(AudioBuffer a, AudioBuffer b)
    {
        if (a.SampleRate != b.SampleRate) throw new ArgumentException("Both signals need one sample rate.");
        int frames = (Math.Min(a.Frames, b.Frames) - Fft) / Hop;
        if (frames < 1) throw new ArgumentException("Signals shorter than one frame.");
        var x = Spectrogram(a, frames);
        var y = Spectrogram(b, frames);
        double sum = 0;
        long n = 0;
        for (int c = 0; c < 2; c++)
            for (int f = 0; f < frames; f++)
                for (int m = 0; m < Bands; m++) { sum += Math.Abs(x[c][f][m] - y[c][f][m]); n++; }
        return sum / n;
    }

    private static double[][][] Spectrogram(AudioBuffer audio, int frames)
    {
        var fft = new ComplexFft(Fft);
        var window = Enumerable.Range(0, Fft).Select(i => 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / Fft)).ToArray();
        double Mel(double hz) => 2595 * Math.Log10(1 + hz / 700);
        double lo = Mel(30), hi = Mel(16000);
        var edges = Enumerable.Range(0, Bands + 2).Select(i => 700 * (Math.Pow(10, (lo + (hi - lo) * i / (Bands + 1)) / 2595) - 1)).ToArray();
        var re = new double[Fft];
        var im = new double[Fft];
        var result = new double[2][][];
        double peak = double.NegativeInfinity;
        for (int c = 0; c < 2; c++)
        {
            var ch = audio.Channel(Math.Min(c, audio.ChannelCount - 1));
            result[c] = new double[frames][];
            for (int f = 0; f < frames; f++)
            {
                for (int i = 0; i < Fft; i++) { re[i] = ch[f * Hop + i] * window[i]; im[i] = 0; }
                fft.Forward(re, im);
                var mel = result[c][f] = new double[Bands];
                for (int k = 1; k < Fft / 2; k++)
                {
                    double hz = (double)k * audio.SampleRate / Fft, p = re[k] * re[k] + im[k] * im[k];
                    for (int m = 0; m < Bands; m++)
                    {
                        if (hz <= edges[m] || hz >= edges[m + 2]) continue;
                        double w = hz < edges[m + 1] ? (hz - edges[m]) / (edges[m + 1] - edges[m]) : (edges[m + 2] - hz) / (edges[m + 2] - edges[m + 1]);
                        mel[m] += w * p;
                    }
                }
                for (int m = 0; m < Bands; m++) { mel[m] = 10 * Math.Log10(mel[m] + 1e-12); peak = Math.Max(peak, mel[m]); }
            }
        }
        foreach (var ch in result) foreach (var frame in ch) for (int m = 0; m < Bands; m++) frame[m] = Math.Max(frame[m], peak - 80);
        return result;
    }
}
