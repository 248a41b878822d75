using Mixwright.Dsp.Audio;

namespace Mixwright.Embeddings.StyleTransfer.Recording;

/// <summary>
/// Brings a lag found on 10 ms envelopes to the sample: the cross-correlation of the stems' plain sum (channels
/// pooled) with the reference's, over three 1.5 s windows spread through the overlap, within ±<c>radius</c>
/// samples of the envelope's lag. The coherent fit (<see cref="CoherentStemFit"/>) needs phase to line up.
/// </summary>
public static class SampleAlignment
{
    private const int Window = 1 << 16;

    public static int Refine(IReadOnlyList<AudioBuffer> stems, AudioBuffer reference, int lag, int radius)
    {
        int length = stems.Max(s => s.Frames);
        var sum = new float[length];
        foreach (var s in stems)
            for (int c = 0; c < s.ChannelCount; c++)
            {
                ReadOnlySpan<float> x = s.Channel(c);
                float scale = s.ChannelCount == 1 ? 2f : 1f;
                for (int i = 0; i < x.Length; i++) sum[i] += scale * x[i];
            }
        var refSum = new float[reference.Frames];
        for (int c = 0; c < reference.ChannelCount; c++)
        {
            ReadOnlySpan<float> y = reference.Channel(c);
            float scale = reference.ChannelCount == 1 ? 2f : 1f;
            for (int i = 0; i < y.Length; i++) refSum[i] += scale * y[i];
        }
        int first = Math.Max(0, -lag) + radius, last = Math.Min(length, reference.Frames - lag) - radius - Window;
        if (last <= first) return lag;
        var scores = new double[2 * radius + 1];
        for (int w = 0; w < 3; w++)
        {
            int start = first + (int)((long)(last - first) * (2 * w + 1) / 6);
            for (int d = -radius; d <= radius; d++)
            {
                double dot = 0;
                int offset = start + lag + d;
                for (int i = 0; i < Window; i++) dot += sum[start + i] * refSum[offset + i];
                scores[d + radius] += dot;
            }
        }
        int best = 0;
        for (int d = 1; d < scores.Length; d++) if (scores[d] > scores[best]) best = d;
        return lag + best - radius;
    }
}
