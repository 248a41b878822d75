using System.Collections.Immutable;
using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Bench;

/// <summary>
/// A plausible random mix of a song, made to serve as a reference: a level balance, pans (drums and bass mostly
/// centred), EQ moves, some compression (the engine's default peak detector), reverb sends, master EQ,
/// compressor and gain. Every value lies in its ConsoleRanges range.
/// </summary>
internal static class RandomConsole
{
    private static readonly HashSet<string> Centred = ["kick", "snare", "fm_bass"];

    public static (ImmutableArray<TrackSettings> Tracks, MasterSettings Master) Make(Random rng, IReadOnlyList<string> names, IReadOnlyList<AudioBuffer> stems)
    {
        double Normal(double sd) => sd * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        double Uniform(double lo, double hi) => lo + (hi - lo) * rng.NextDouble();
        double LogUniform(double lo, double hi) => Math.Exp(Uniform(Math.Log(lo), Math.Log(hi)));

        double mixLevel = Uniform(-30, -20);
        var tracks = ImmutableArray.CreateBuilder<TrackSettings>(names.Count);
        for (int i = 0; i < names.Count; i++)
        {
            double rms = MixAnalyzer.Analyze(stems[i]).RmsDbfs;
            double level = mixLevel + Normal(4);
            double gain = ConsoleRanges.GainDb.Clamp(level - rms);
            double pan = Centred.Contains(names[i]) && rng.NextDouble() < 0.7 ? 0
                : rng.NextDouble() < 0.3 ? 0 : Uniform(-1, 1) * Uniform(0.3, 1);
            var eq = ParametricEqSettings.Flat;
            for (int b = 0; b < ParametricEqSettings.BandCount; b++)
            {
                if (rng.NextDouble() >= 0.45) continue;
                var band = eq.Bands[b];
                bool shelf = band.Type != EqBandType.Peaking;
                eq = eq.WithBand(b, band with
                {
                    GainDb = ConsoleRanges.EqGainDb.Clamp(Normal(5)),
                    FrequencyHz = ConsoleRanges.EqFrequencyHz.Clamp(band.FrequencyHz * Math.Pow(2, Uniform(-1, 1))),
                    Q = shelf ? LogUniform(0.5, 1.0) : LogUniform(0.4, 4.0),
                });
            }
            var compressor = rng.NextDouble() < 0.4
                ? new CompressorSettings(true, ConsoleRanges.ThresholdDb.Clamp(rms + gain + Uniform(-4, 8)), LogUniform(1.5, 10),
                    LogUniform(1, 80), LogUniform(30, 800), Uniform(0, 12), Uniform(0, 6))
                : CompressorSettings.Off;
            double send = rng.NextDouble() < 0.5 ? ConsoleRanges.OffDb : Uniform(-30, -6);
            tracks.Add(new TrackSettings { GainDb = gain, Pan = pan, Eq = eq, Compressor = compressor, ReverbSendDb = send });
        }

        var masterEq = ParametricEqSettings.Flat;
        for (int b = 0; b < ParametricEqSettings.BandCount; b++)
            if (rng.NextDouble() < 0.4)
            {
                var band = masterEq.Bands[b];
                masterEq = masterEq.WithBand(b, band with
                {
                    GainDb = ConsoleRanges.EqGainDb.Clamp(Normal(3)),
                    FrequencyHz = ConsoleRanges.EqFrequencyHz.Clamp(band.FrequencyHz * Math.Pow(2, Uniform(-0.7, 0.7))),
                });
            }
        double sum = 10 * Math.Log10(names.Count) + mixLevel;
        var masterComp = rng.NextDouble() < 0.35
            ? new CompressorSettings(true, ConsoleRanges.ThresholdDb.Clamp(sum + Uniform(-8, 2)), LogUniform(1.5, 4), LogUniform(5, 50), LogUniform(50, 500), 6, Uniform(0, 4))
            : CompressorSettings.Off;
        var master = new MasterSettings { Eq = masterEq, Compressor = masterComp, OutputGainDb = ConsoleRanges.OutputGainDb.Clamp(Uniform(-4, 6)) };
        return (tracks.MoveToImmutable(), master);
    }
}
