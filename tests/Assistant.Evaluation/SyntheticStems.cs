using Mixwright.Dsp.Audio;

namespace Mixwright.Assistant.Evaluation;

/// <summary>
/// Short stems whose spectra look like their role (a kick's energy low, a hat's high, a voice's in the
/// mids with formants), so analysis-driven moves have something real to measure. One second at 48 kHz:
/// enough for loudness gating, quick to analyse. Deterministic for a given name.
/// </summary>
public static class SyntheticStems
{
    public const int SampleRate = 48000;
    public const double Seconds = 1.2;

    /// <summary>Writes "NAME.wav" into <paramref name="directory"/>, shaped by <paramref name="role"/> (a role word such as "kick" or "vocals").</summary>
    public static string Write(string directory, string name, string? role)
    {
        int frames = (int)(SampleRate * Seconds);
        string r = (role ?? name).ToLowerInvariant();
        bool stereo = r.Contains("pad") || r.Contains("overhead") || r.Contains("piano") || r.Contains("music") || r.Contains("jingle");
        var buffer = new AudioBuffer(stereo ? 2 : 1, frames, SampleRate);
        var random = new Random(StableSeed(name));
        for (int ch = 0; ch < buffer.ChannelCount; ch++)
        {
            var x = buffer.Channel(ch);
            double lowState = 0, prevNoise = 0;
            for (int n = 0; n < frames; n++)
            {
                double t = (double)n / SampleRate;
                double beat = t % 0.5;
                double noise = random.NextDouble() * 2 - 1;
                double v;
                if (r.Contains("kick")) v = Math.Sin(2 * Math.PI * (50 + 80 * Math.Exp(-beat * 40)) * beat) * Math.Exp(-beat * 9);
                else if (r.Contains("snare")) v = (0.6 * noise + 0.5 * Math.Sin(2 * Math.PI * 190 * beat)) * Math.Exp(-beat * 18);
                else if (r.Contains("hat") || r.Contains("overhead") || r.Contains("cymbal")) { v = (noise - prevNoise) * 0.5 * Math.Exp(-(t % 0.25) * 12); }
                else if (r.Contains("bass")) v = Saw(55 * (ch + 1), t) * 0.6;
                else if (r.Contains("voc") || r.Contains("voice") || r.Contains("mic") || r.Contains("speech") || r.Contains("host") || r.Contains("guest"))
                    v = Voice(r.Contains("back") ? 262 : 196, t);
                else if (r.Contains("guitar") || r.Contains("gtr")) v = Saw(196, t) * 0.5 + Saw(294, t) * 0.3;
                else if (r.Contains("piano") || r.Contains("keys")) v = (Math.Sin(2 * Math.PI * 262 * t) + 0.5 * Math.Sin(2 * Math.PI * 523 * t) + 0.3 * Math.Sin(2 * Math.PI * 785 * t)) * Math.Exp(-(t % 0.6) * 3) * 0.5;
                else if (r.Contains("pad") || r.Contains("synth")) v = (Saw(130.8 + ch * 0.7, t) + Saw(196.2 - ch * 0.5, t)) * 0.25;
                else if (r.Contains("room") || r.Contains("noise")) v = noise * 0.05;
                else v = (Saw(110, t) * 0.3 + noise * 0.2) * (0.6 + 0.4 * Math.Sin(2 * Math.PI * 2 * t));
                prevNoise = noise;
                // A gentle one-pole low-pass keeps saws from sounding like pure buzz.
                lowState += 0.35 * (v - lowState);
                x[n] = (float)(0.3 * (r.Contains("hat") || r.Contains("overhead") || r.Contains("snare") ? v : lowState));
            }
        }
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, name + ".wav");
        WavWriter.Write(path, buffer, WavSampleFormat.Pcm24);
        return path;
    }

    private static double Saw(double hz, double t) => 2 * (t * hz % 1) - 1;

    /// <summary>Harmonics of a sung pitch shaped by three formants (roughly an open vowel).</summary>
    private static double Voice(double f0, double t)
    {
        double v = 0;
        for (int k = 1; k <= 24; k++)
        {
            double f = f0 * k;
            double formants = 1.0 / (1 + Math.Pow((f - 600) / 150, 2)) + 0.6 / (1 + Math.Pow((f - 1200) / 200, 2)) + 0.35 / (1 + Math.Pow((f - 2600) / 300, 2));
            v += formants * Math.Sin(2 * Math.PI * f * t + k);
        }
        return v * 0.6 * (0.7 + 0.3 * Math.Sin(2 * Math.PI * 3 * t));
    }

    private static int StableSeed(string text)
    {
        int h = 23;
        foreach (char c in text) h = unchecked(h * 31 + c);
        return h & 0x7fffffff;
    }
}
