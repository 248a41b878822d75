using Mixwright.Dsp.Audio;

namespace Mixwright.Embeddings.StyleTransfer.Recording;

/// <summary>
/// Finds whether a reference contains the stems, at any offset: envelopes (mean square per 10 ms, channels
/// pooled) of every stem and of the reference; a coarse search over every lag on 100 ms envelopes (the sum over
/// stems of each stem's normalised cross-correlation of envelope rises with the reference's), refined on the 10 ms
/// envelopes; then, at the lag found, a non-negative fit of the reference's envelope by the stems' whose explained
/// share of variance is the confidence. A stem the reference lacks gets weight 0 and lowers nothing.
/// </summary>
public static class SameRecordingDetector
{
    private const double FineHopSeconds = 0.010;
    private const int CoarseFactor = 10;

    /// <summary>Stems and reference must share <paramref name="reference"/>'s sample rate.</summary>
    public static RecordingAlignment Detect(IReadOnlyList<AudioBuffer> stems, AudioBuffer reference, string referenceName)
    {
        if (stems.Count == 0) throw new ArgumentException("Detecting a same-recording reference needs at least one stem.", nameof(stems));
        int rate = reference.SampleRate;
        foreach (var s in stems)
            if (s.SampleRate != rate) throw new ArgumentException($"Stems at {s.SampleRate} Hz but the reference at {rate} Hz; bring them to one rate first.", nameof(stems));
        int hop = Math.Max(1, (int)Math.Round(FineHopSeconds * rate));
        var fine = stems.Select(s => Envelope(s, hop)).ToArray();
        var refFine = Envelope(reference, hop);
        var coarse = fine.Select(e => Decimate(e, CoarseFactor)).ToArray();
        var refCoarse = Decimate(refFine, CoarseFactor);

        int coarseLag = BestLag(coarse, refCoarse, -coarse.Max(c => c.Length) + 1, refCoarse.Length - 1);
        int fineLag = BestLag(fine, refFine, coarseLag * CoarseFactor - 2 * CoarseFactor, coarseLag * CoarseFactor + 2 * CoarseFactor);
        double confidence = Explained(fine, refFine, fineLag);
        return new RecordingAlignment(confidence >= RecordingAlignment.SameRecordingConfidence, confidence, fineLag * hop, rate, referenceName);
    }

    /// <summary>Mean square per hop, channels pooled.</summary>
    internal static double[] Envelope(AudioBuffer audio, int hop)
    {
        int count = audio.Frames / hop;
        var e = new double[count];
        for (int c = 0; c < audio.ChannelCount; c++)
        {
            ReadOnlySpan<float> x = audio.Channel(c);
            for (int h = 0; h < count; h++)
            {
                double sum = 0;
                foreach (float v in x.Slice(h * hop, hop)) sum += (double)v * v;
                e[h] += sum / (hop * audio.ChannelCount);
            }
        }
        return e;
    }

    private static double[] Decimate(double[] e, int factor)
    {
        var d = new double[e.Length / factor];
        for (int i = 0; i < d.Length; i++)
        {
            double sum = 0;
            for (int k = 0; k < factor; k++) sum += e[i * factor + k];
            d[i] = sum / factor;
        }
        return d;
    }

    /// <summary>Rises of the envelope (half-wave rectified first difference), mean removed, unit norm: onsets line up sharply.</summary>
    private static double[] Rises(double[] e)
    {
        var r = new double[e.Length];
        for (int i = 1; i < e.Length; i++) r[i] = Math.Max(0, e[i] - e[i - 1]);
        double mean = r.Length == 0 ? 0 : r.Average();
        double norm = 0;
        for (int i = 0; i < r.Length; i++) { r[i] -= mean; norm += r[i] * r[i]; }
        norm = Math.Sqrt(norm);
        if (norm > 0) for (int i = 0; i < r.Length; i++) r[i] /= norm;
        return r;
    }

    /// <summary>The lag in [<paramref name="from"/>, <paramref name="to"/>] (reference index = stem index + lag) where the stems' rises best line up with the reference's.</summary>
    private static int BestLag(double[][] stems, double[] reference, int from, int to)
    {
        var rises = stems.Select(Rises).ToArray();
        var refRises = Rises(reference);
        int bestLag = 0;
        double bestScore = double.NegativeInfinity;
        for (int lag = from; lag <= to; lag++)
        {
            double score = 0;
            foreach (var r in rises)
            {
                int start = Math.Max(0, -lag), end = Math.Min(r.Length, refRises.Length - lag);
                double dot = 0;
                for (int i = start; i < end; i++) dot += r[i] * refRises[i + lag];
                score += Math.Max(0, dot);   // a stem that is absent or unrelated adds nothing rather than vetoing
            }
            if (score > bestScore) (bestScore, bestLag) = (score, lag);
        }
        return bestLag;
    }

    /// <summary>Share of the reference envelope's variance (over the overlap) that a non-negative mix of the stems' envelopes explains.</summary>
    internal static double Explained(double[][] stems, double[] reference, int lag)
    {
        int n = stems.Length;
        int start = Math.Max(0, lag), end = Math.Min(reference.Length, stems.Max(s => s.Length) + lag);
        if (end - start < 10) return 0;
        double refMean = 0;
        for (int t = start; t < end; t++) refMean += reference[t];
        refMean /= end - start;
        var means = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int t = start; t < end; t++) means[i] += At(stems[i], t - lag);
            means[i] /= end - start;
        }
        var ata = new double[n, n];
        var atb = new double[n];
        double total = 0;
        for (int t = start; t < end; t++)
        {
            double y = reference[t] - refMean;
            total += y * y;
            for (int i = 0; i < n; i++)
            {
                double xi = At(stems[i], t - lag) - means[i];
                atb[i] += xi * y;
                for (int j = 0; j <= i; j++) ata[i, j] += xi * (At(stems[j], t - lag) - means[j]);
            }
        }
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) ata[j, i] = ata[i, j];
        if (total <= 0) return 0;
        var w = NonNegativeLeastSquares.Solve(ata, atb);
        double residual = 0;
        for (int t = start; t < end; t++)
        {
            double fit = 0;
            for (int i = 0; i < n; i++) fit += w[i] * (At(stems[i], t - lag) - means[i]);
            double d = reference[t] - refMean - fit;
            residual += d * d;
        }
        return 1 - residual / total;
    }

    private static double At(double[] e, int i) => i >= 0 && i < e.Length ? e[i] : 0;
}
