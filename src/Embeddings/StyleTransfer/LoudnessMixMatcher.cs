using System.Globalization;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>
/// The <c>loudness</c> baseline: every stem at the same integrated loudness, and the master gain that brings the
/// rendered mix to the reference's RMS (set from the engine's render of the sections). Nothing else moves.
/// </summary>
public sealed class LoudnessMixMatcher(MatchOptions? options = null) : IMixMatcher
{
    private readonly MatchOptions _options = (options ?? new MatchOptions()).Validated();

    public MatchMethod Method => MatchMethod.Loudness;

    public MatchResult Match(IReadOnlyList<StemAudio> stems, AudioBuffer reference, CancellationToken cancellation = default) =>
        MatchPipeline.Run(Method, stems, reference, _options, Solve, cancellation);

    private ConsoleProposal Solve(MatchContext context)
    {
        var balance = context.Baseline;
        var first = context.Render(balance);
        double trim = context.Match.ReferenceFeatures.RmsDb - first.RmsDb;
        var master = balance.Master with { OutputGainDb = Math.Round(ConsoleRanges.OutputGainDb.Clamp(balance.Master.OutputGainDb + trim), 2) };
        var result = balance with { Master = master };
        var measured = _options.MeasureMatch ? context.Render(result) : null;
        return result with { Measured = measured, Drivers = Drivers(context, result, first.RmsDb - balance.Master.OutputGainDb) };
    }

    /// <summary>Gains are explained by the equal-loudness rule, the master gain by the reference's level.</summary>
    private static List<ParameterDriver> Drivers(MatchContext context, ConsoleProposal result, double unityMixRmsDb)
    {
        var inv = CultureInfo.InvariantCulture;
        var match = context.Match;
        double target = EqualLoudness.TargetLoudness(match, context.Profiles.Count);
        var drivers = new List<ParameterDriver>();
        for (int i = 0; i < match.Audible.Count; i++)
        {
            string name = match.Audible[i].Name;
            double loudness = context.Profiles[i].LoudnessForBalance, gain = result.Tracks[i].GainDb;
            drivers.Add(new ParameterDriver(name, "gain_db", gain, DriverFeature.EqualLoudness, target, loudness, null, null, 0,
                string.Create(inv, $"Every stem is brought to the same loudness: {name} measures {loudness:0.0} LUFS, so gain {gain:+0.0;-0.0;0.0} dB puts it at {target:0.0} LUFS with the others.")));
        }
        double reference = match.ReferenceFeatures.RmsDb, output = result.Master.OutputGainDb;
        var candidate = new DriverAttribution.Candidate(DriverFeature.Rms, reference, unityMixRmsDb, null, null, 0, 0, 0);
        drivers.Add(new ParameterDriver(ParameterDriver.MasterTarget, "output_gain_db", output, DriverFeature.Rms, reference, unityMixRmsDb, null, null,
            Math.Abs(reference - unityMixRmsDb) / FeatureLoss.RmsScaleDb / FeatureLoss.FeatureCount,
            $"{char.ToUpperInvariant(DriverSentences.Observation(candidate)[0])}{DriverSentences.Observation(candidate)[1..]}, so I {(output >= 0 ? "raised" : "lowered")} the master by {Math.Abs(output).ToString("0.0", inv)} dB."));
        return drivers;
    }
}
