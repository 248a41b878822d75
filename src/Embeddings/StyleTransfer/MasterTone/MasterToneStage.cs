using System.Globalization;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;
using Mixwright.Dsp.Processors;
using Mixwright.Embeddings.StyleTransfer.Recording;

namespace Mixwright.Embeddings.StyleTransfer.MasterTone;

/// <summary>
/// The bounded master stage after a per-track match to another song: the reference's long-term tonal balance on the
/// master EQ, in the spirit of Matchering's reference mastering. The mix's long-term mid spectrum is estimated from
/// the stems through their matched strips (gains and EQ; stems taken to add in energy), the reference's is
/// measured, both in <see cref="BandEnergies"/>' bands over up to <see cref="Frames"/> frames spread over the whole
/// song; their difference with the overall level removed (shape only), smoothed over neighbouring bands and limited
/// to ±<see cref="MaxCorrectionDb"/> per band, is fitted by the master's 6-band EQ (on top of what the matcher set,
/// within ±<see cref="ConsoleCoordinates.EqSearchDb"/>). The master EQ moves every track alike, so the per-track
/// balance is not undone; each band's move is explained and, like every proposal, undoable.
/// </summary>
public static class MasterToneStage
{
    public const double MaxCorrectionDb = 6;
    public const int Frames = 160;
    /// <summary>Band moves under this (dB) are not made.</summary>
    public const double MinimumMoveDb = 0.5;

    public static MatchResult Apply(MatchResult result, IReadOnlyList<AudioBuffer> stems, AudioBuffer reference, string referenceName)
    {
        int rate = reference.SampleRate;
        var referenceMid = BandMeans(Mid(reference));
        var mix = new double[BandEnergies.Count];
        for (int i = 0; i < stems.Count; i++)
        {
            var t = result.Tracks[i];
            if (t.Silent || t.Settings.Mute) continue;
            var own = BandMeans(Mid(stems[i]));
            double g = Math.Pow(10, t.Settings.GainDb / 10);
            for (int b = 0; b < mix.Length; b++)
                mix[b] += g * own[b] * Math.Pow(10, ParametricEq.ResponseDb(t.Settings.Eq, t.Settings.HighPass, BandEnergies.CentreHz(b), rate) / 10);
        }
        var masterEq = result.Master.Eq;
        var current = Enumerable.Range(0, mix.Length).Select(b => ParametricEq.ResponseDb(masterEq, null, BandEnergies.CentreHz(b), rate)).ToArray();
        var mixDb = mix.Select((v, b) => 10 * Math.Log10(v + 1e-20) + current[b]).ToArray();
        var refDb = referenceMid.Select(v => 10 * Math.Log10(v + 1e-20)).ToArray();
        // Bands where either spectrum is 60 dB under its loudest band say nothing about tone.
        var usable = Enumerable.Range(0, mix.Length).Select(b => mixDb[b] > mixDb.Max() - 60 && refDb[b] > refDb.Max() - 60).ToArray();
        if (usable.Count(u => u) < 4) return result;
        double offset = Enumerable.Range(0, mix.Length).Where(b => usable[b]).Average(b => refDb[b] - mixDb[b]);
        var difference = Enumerable.Range(0, mix.Length).Select(b => usable[b] ? refDb[b] - mixDb[b] - offset : 0).ToArray();
        var smooth = Enumerable.Range(0, mix.Length).Select(b =>
        {
            var near = Enumerable.Range(b - 1, 3).Where(k => k >= 0 && k < mix.Length && usable[k]).ToArray();
            return near.Length == 0 ? 0 : Math.Clamp(near.Average(k => difference[k]), -MaxCorrectionDb, MaxCorrectionDb);
        }).ToArray();
        var target = smooth.Select((d, b) => current[b] + d).ToArray();
        var weight = usable.Select(u => u ? 1.0 : 0).ToArray();
        var gains = EqCurveFit.Fit(masterEq, target, weight, rate);
        var eq = masterEq;
        var drivers = result.Drivers.Where(d => !(d.IsMaster && d.Parameter.StartsWith("eq.", StringComparison.Ordinal))).ToList();
        var inv = CultureInfo.InvariantCulture;
        for (int j = 0; j < ParametricEqSettings.BandCount; j++)
        {
            double g = Math.Round(gains[j], 1);
            if (Math.Abs(g - masterEq.Bands[j].GainDb) < MinimumMoveDb) g = masterEq.Bands[j].GainDb;
            eq = eq.WithBand(j, eq.Bands[j] with { GainDb = g });
            if (Math.Abs(g) < 0.1) continue;
            double hz = eq.Bands[j].FrequencyHz;
            int nearest = Enumerable.Range(0, mix.Length).MinBy(b => Math.Abs(Math.Log(BandEnergies.CentreHz(b) / hz)));
            string sentence = string.Create(inv,
                $"Master EQ band {j + 1} ({DriverSentences.Hz(hz)}) {g:+0.0;-0.0;0.0} dB, because {referenceName}'s long-term spectrum has {Math.Abs(smooth[nearest]):0.0} dB {(smooth[nearest] >= 0 ? "more" : "less")} around {DriverSentences.Hz(hz)} than the matched mix, the overall level set aside (limited to ±{MaxCorrectionDb:0} dB).");
            drivers.Add(new ParameterDriver(ParameterDriver.MasterTarget, $"eq.band{j + 1}.gain_db", g, DriverFeature.BarkMid,
                refDb[nearest] - offset, mixDb[nearest], BandEnergies.EdgeHz(nearest), BandEnergies.EdgeHz(nearest + 1), Math.Abs(g) / 12, sentence));
        }
        // The engine did not render the new master, so the measured features would be stale.
        return result with { Master = result.Master with { Eq = eq }, Drivers = drivers, Matched = null };
    }

    private static AudioBuffer Mid(AudioBuffer audio)
    {
        if (audio.ChannelCount == 1) return audio;
        var mid = new float[audio.Frames];
        ReadOnlySpan<float> l = audio.Channel(0), r = audio.Channel(1);
        for (int i = 0; i < mid.Length; i++) mid[i] = 0.5f * (l[i] + r[i]);
        return new AudioBuffer([mid], audio.SampleRate);
    }

    /// <summary>Mean power per band over frames spread through the whole signal.</summary>
    private static double[] BandMeans(AudioBuffer mono)
    {
        int last = Math.Max(0, mono.Frames - BandEnergies.FftSize);
        int count = Math.Clamp(last / BandEnergies.FftSize, 1, Frames);
        var starts = Enumerable.Range(0, count).Select(f => (int)((long)last * f / Math.Max(1, count - 1))).ToArray();
        var e = BandEnergies.Measure(mono, starts).Power[0];
        return Enumerable.Range(0, BandEnergies.Count).Select(b => e.Average(f => f[b])).ToArray();
    }
}
