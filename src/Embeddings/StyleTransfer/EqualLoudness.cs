using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>
/// The equal-loudness balance: every audible stem brought to the same integrated loudness (BS.1770, measured by
/// the engine's meter on its analysed section), that loudness chosen so the stems together land near the
/// reference, and the master gain setting the mix's RMS to the reference's. Nothing else moves. It is the
/// loudness method's answer and the starting point the other methods' moves are explained against.
/// </summary>
internal static class EqualLoudness
{
    public static ConsoleProposal Balance(PreparedMatch match, IReadOnlyList<StemProfile> profiles, MixEstimator estimator)
    {
        double perStem = TargetLoudness(match, profiles.Count);
        var tracks = match.Audible.Select((s, i) => s.Source.Settings with
        {
            GainDb = Math.Round(ConsoleRanges.GainDb.Clamp(perStem - profiles[i].LoudnessForBalance), 2),
        }).ToArray();
        var reverb = ReverbSettings.Default;
        var master = MasterSettings.Default;
        double trim = match.ReferenceFeatures.RmsDb - estimator.Estimate(tracks, master, reverb).RmsDb;
        master = master with { OutputGainDb = Math.Round(ConsoleRanges.OutputGainDb.Clamp(trim), 2) };
        return new ConsoleProposal(tracks, master, reverb);
    }

    /// <summary>The loudness every stem is brought to: n stems at this level sum to about the reference's loudness.</summary>
    public static double TargetLoudness(PreparedMatch match, int stems) => match.ReferenceLufs - 10 * Math.Log10(stems);
}
