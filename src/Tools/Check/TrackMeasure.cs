using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Session;

namespace Mixwright.Tools.Check;

/// <summary>One audible track as the mix check measured it: in the mix, post-fader and panned, and its raw stem's clipping.</summary>
public sealed class TrackMeasure
{
    public TrackMeasure(Stem stem, TrackSettings settings, StripMeasurement strip)
    {
        Stem = stem;
        Settings = settings;
        Strip = strip;
        var energy = Enumerable.Range(0, strip.Blocks).Select(strip.BlockLoudnessEnergy).ToArray();
        BlockEnergy = energy;
        IntegratedLufs = BlockLoudness.IntegratedLufs(energy, strip.BlockFrames, strip.SampleRate);
        RangeLu = BlockLoudness.RangeLu(energy, strip.BlockFrames, strip.SampleRate);
        BandMeanPower = new double[ThirdOctaveBands.Count];
        foreach (var bands in strip.BandPower)
            for (int b = 0; b < bands.Length; b++) BandMeanPower[b] += bands[b];
        if (strip.Blocks > 0)
            for (int b = 0; b < BandMeanPower.Length; b++) BandMeanPower[b] /= strip.Blocks;
        EnergyLeft = strip.EnergyLeft.Sum();
        EnergyRight = strip.EnergyRight.Sum();
        EnergyCross = strip.EnergyCross.Sum();
    }

    public Stem Stem { get; }
    public string Name => Stem.Name;
    public TrackSettings Settings { get; }
    public StripMeasurement Strip { get; }
    /// <summary>K-weighted energy of each block, channel-summed.</summary>
    public double[] BlockEnergy { get; }
    /// <summary>Integrated loudness of the track as it enters the mix.</summary>
    public double IntegratedLufs { get; }
    /// <summary>Loudness range (EBU Tech 3342) of the track in the mix.</summary>
    public double RangeLu { get; }
    /// <summary>Mean mid power per third-octave band over the whole song.</summary>
    public double[] BandMeanPower { get; }
    public double EnergyLeft { get; }
    public double EnergyRight { get; }
    public double EnergyCross { get; }

    public bool IsSilent => !(IntegratedLufs > LoudnessMeter.AbsoluteGateLufs);

    /// <summary>Correlation of the two channels, -1 (opposite) to +1 (identical).</summary>
    public double Correlation => EnergyLeft > 0 && EnergyRight > 0 ? EnergyCross / Math.Sqrt(EnergyLeft * EnergyRight) : 1;

    /// <summary>How much quieter the track gets when the mix is played in mono (L+R)/2, in dB (0 for mono, 3 for uncorrelated).</summary>
    public double MonoLossDb => MonoFoldDown.LossDb(EnergyLeft, EnergyRight, EnergyCross);
}

/// <summary>Mono fold-down loss: the level of (L+R)/2 on both speakers against the stereo level.</summary>
public static class MonoFoldDown
{
    /// <summary>0 dB when the channels are identical, 3 dB when uncorrelated, large when they cancel.</summary>
    public static double LossDb(double left, double right, double cross)
    {
        double stereo = left + right;
        if (stereo <= 0) return 0;
        double mono = Math.Max(left + right + 2 * cross, stereo * 1e-6) / 2;    // two speakers of ((L+R)/2)²: (L+R)²/2
        return -10 * Math.Log10(mono / stereo);
    }
}
