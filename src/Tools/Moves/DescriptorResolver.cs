using System.Globalization;
using Mixwright.Dsp.Parameters;
using Mixwright.Embeddings.Descriptors;
using Mixwright.Embeddings.Roles;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Plugin;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Moves;

/// <summary>
/// Turns a descriptor ("warm", "less boomy", "a bit more air") into console changes from the
/// <see cref="DescriptorLexicon"/> data: each EQ move goes to the band <see cref="EqPlanner"/> picks from the
/// track's current EQ, compression steps through <see cref="CompressionSteps"/> at the track's measured
/// level, reverb, width and level moves to the send, width and gain (on the whole mix: the reverb return and
/// the master gain). Every change carries the same rationale: source descriptor, the user's words, what the
/// track's analysis shows where the biggest move works ("the vocal's 250 Hz octave sits 4 dB above its
/// 2 kHz octave"), and a sentence with the trade-off worded by <paramref name="explainer"/> (the prompts'
/// templates). It is console knowledge, so a language model's apply_descriptor gets the same plan as the
/// local interpreter.
/// </summary>
public sealed class DescriptorResolver(IDescriptorExplainer explainer, DescriptorLexicon? lexicon = null, RoleLexicon? roles = null) : IDescriptorResolver
{
    private readonly DescriptorLexicon _lexicon = lexicon ?? DescriptorLexicon.Default;
    private readonly IDescriptorExplainer _explainer = explainer;
    private readonly RoleLexicon _roles = roles ?? RoleLexicon.Default;

    public DescriptorResolution Resolve(DescriptorRequest request)
    {
        var match = _lexicon.Lookup(request.Word)
            ?? throw new SessionException($"{DisplayText.Quote(request.Word)} is not a descriptor I know. Known words include {string.Join(", ", _lexicon.Descriptors.Take(24).Select(d => d.Word))}, and {_lexicon.Descriptors.Count - 24} more.");
        var descriptor = match.Descriptor;
        string? variant = ChooseVariant(descriptor, request);
        double factor = request.Intensity * (request.Negate ? -1 : 1);
        var moves = descriptor.MovesFor(variant).Scaled(factor);

        bool master = request.Target.Scope == TargetScope.Master;
        string who = master ? "the mix" : DisplayText.Clean(request.Target.Track!);
        var planned = master ? MasterChanges(request.Console, moves, out var applied) : TrackChanges(request, moves, out applied);
        if (planned.Count == 0)
            throw new SessionException($"{Capitalize(who)} is already as {(request.Negate ? "little " : "")}{descriptor.Word} as these controls allow; nothing to propose.");

        string? measurement = Measurement(who, request.Analysis, applied);
        string sentence = _explainer.Explain(who, descriptor, applied, request.Negate, measurement);
        var rationale = new Rationale(RationaleSource.Descriptor, sentence, request.UserWords ?? descriptor.Word, measurement);
        string summary = $"{(request.Negate ? "Less" : "More")} {descriptor.Word}{(variant is null ? "" : $" ({variant})")} on {who}";
        return new DescriptorResolution(summary, planned.Select(p => new ChangeRequest(p.Target, p.Parameter, p.Value, rationale)).ToList());
    }

    private sealed record Planned(MixTarget Target, string Parameter, ParameterValue Value);

    /// <summary>
    /// The reading of an ambiguous word: the one asked for; else the one whose data lists the track's role;
    /// else the caller has to choose, and the message says how.
    /// </summary>
    private string? ChooseVariant(Descriptor d, DescriptorRequest request)
    {
        // A reading given for a word that has only one is ignored rather than refused.
        if (!d.IsAmbiguous) return request.Variant is { } v && d.FindAlternative(v) is { } only ? only.Id : null;
        if (request.Variant is { } asked) return d.FindAlternative(asked)?.Id ?? throw NoSuchVariant(d, asked);
        if (request.Role is StemRole role && _roles.Normalize(role.Words()) is { } def)
        {
            var fitting = d.Alternatives.Where(a => a.Roles.Contains(def.Id, StringComparer.OrdinalIgnoreCase)).ToList();
            if (fitting.Count == 1) return fitting[0].Id;
        }
        throw new SessionException($"{DisplayText.Quote(d.Word)} can mean {string.Join(" or ", d.Alternatives.Select(a => $"{a.Label} (variant \"{a.Id}\")"))}; ask the user which, then call again with variant.");
    }

    private static SessionException NoSuchVariant(Descriptor d, string v) =>
        new($"{DisplayText.Quote(d.Word)} has no variant {DisplayText.Quote(v)}" +
            (d.Alternatives.Count > 0 ? $" (variants: {string.Join(", ", d.Alternatives.Select(a => a.Id))})." : "; leave variant empty."));

    private List<Planned> TrackChanges(DescriptorRequest request, DescriptorMoves moves, out DescriptorMoves applied)
    {
        var target = request.Target;
        var strip = request.Console.Track(target.Track!);
        var planned = new List<Planned>();
        var appliedEq = new List<EqMove>();

        var eq = strip.Eq;
        foreach (var move in moves.Eq)
        {
            if (move.Type == EqMoveType.HighPass)
            {
                // "More" of a high-pass word switches it on there; "less" switches an active one off.
                if (move.GainDb >= 0 && !(strip.HighPass.Enabled && strip.HighPass.FrequencyHz >= move.FrequencyHz))
                {
                    planned.Add(new(target, "high_pass.enabled", ParameterValue.Of(true)));
                    planned.Add(new(target, "high_pass.freq_hz", ParameterValue.Of(ConsoleRanges.HighPassFrequencyHz.Clamp(move.FrequencyHz))));
                    appliedEq.Add(move);
                }
                else if (move.GainDb < 0 && strip.HighPass.Enabled)
                {
                    planned.Add(new(target, "high_pass.enabled", ParameterValue.Of(false)));
                    appliedEq.Add(move);
                }
                continue;
            }
            eq = PlaceEq(eq, move, appliedEq);
        }
        planned.AddRange(EqDiff(target, strip.Eq, eq));

        double steps = 0;
        if (moves.CompressionSteps != 0 && (moves.CompressionSteps > 0 || strip.Compressor.Enabled))
        {
            double s = Math.Clamp(moves.CompressionSteps, -CompressionSteps.MaxSteps, CompressionSteps.MaxSteps);
            var a = request.Analysis;
            var next = CompressionSteps.Apply(strip.Compressor, s,
                a is null ? null : a.RmsDbfs + strip.GainDb, a is null ? null : a.SamplePeakDbfs + strip.GainDb);
            planned.AddRange(CompressorDiff(target, strip.Compressor, next));
            steps = s;
        }
        double send = 0;
        if (moves.ReverbSendDb != 0)
        {
            bool off = strip.ReverbSendDb <= ConsoleRanges.OffDb;
            if (!(off && moves.ReverbSendDb < 0))
            {
                double from = off ? ConsoleRanges.FirstSendDb : strip.ReverbSendDb;
                double to = Round(ConsoleRanges.ReverbSendDb.Clamp(from + moves.ReverbSendDb));
                if (to != strip.ReverbSendDb) { planned.Add(new(target, "reverb_send_db", ParameterValue.Of(to))); send = to - from; }
            }
        }
        double width = Move(planned, target, "width", strip.Width, moves.Width, ConsoleRanges.Width);
        double gain = Move(planned, target, "gain_db", strip.GainDb, moves.GainDb, ConsoleRanges.GainDb);
        applied = new DescriptorMoves([.. appliedEq], steps, send, width, gain);
        return planned;
    }

    private static List<Planned> MasterChanges(ConsoleState console, DescriptorMoves moves, out DescriptorMoves applied)
    {
        var master = MixTarget.Master;
        var planned = new List<Planned>();
        var appliedEq = new List<EqMove>();
        // The master has no high-pass or width; its space is the reverb return.
        var eq = console.Master.Eq;
        foreach (var move in moves.Eq.Where(m => m.Type != EqMoveType.HighPass)) eq = PlaceEq(eq, move, appliedEq);
        planned.AddRange(EqDiff(master, console.Master.Eq, eq));
        double steps = 0;
        if (moves.CompressionSteps != 0 && (moves.CompressionSteps > 0 || console.Master.Compressor.Enabled))
        {
            steps = Math.Clamp(moves.CompressionSteps, -CompressionSteps.MaxSteps, CompressionSteps.MaxSteps);
            planned.AddRange(CompressorDiff(master, console.Master.Compressor, CompressionSteps.Apply(console.Master.Compressor, steps, null, null)));
        }
        double send = Move(planned, MixTarget.Reverb, "return_db", console.Reverb.ReturnDb, moves.ReverbSendDb, ConsoleRanges.ReverbReturnDb);
        double gain = Move(planned, master, "output_gain_db", console.Master.OutputGainDb, moves.GainDb, ConsoleRanges.OutputGainDb);
        // The master bus has no width control: the mix gets wider when every part does.
        double widest = 0;
        if (moves.Width != 0)
            foreach (var (name, strip) in console.Tracks.OrderBy(t => t.Key, StringComparer.Ordinal))
                widest = Math.Max(widest, Math.Abs(Move(planned, MixTarget.ForTrack(name), "width", strip.Width, moves.Width, ConsoleRanges.Width)));
        double width = widest * Math.Sign(moves.Width);
        applied = new DescriptorMoves([.. appliedEq], steps, send, width, gain);
        return planned;
    }

    private static ParametricEqSettings PlaceEq(ParametricEqSettings eq, EqMove move, List<EqMove> applied)
    {
        var type = move.Type switch { EqMoveType.LowShelf => EqBandType.LowShelf, EqMoveType.HighShelf => EqBandType.HighShelf, _ => EqBandType.Peaking };
        var plan = EqPlanner.Plan(eq, type, move.FrequencyHz, null, Math.Round(move.GainDb, 2), move.Q);
        var after = plan.After with { GainDb = Round(ConsoleRanges.EqGainDb.Clamp(plan.After.GainDb)) };
        // 0.7 for 0.707 is no change worth showing.
        if (Math.Abs(after.Q - plan.Before.Q) < 0.02) after = after with { Q = plan.Before.Q };
        if (after.GainDb == plan.Before.GainDb && after.FrequencyHz == plan.Before.FrequencyHz) return eq;
        applied.Add(move with { GainDb = after.GainDb - (plan.Reused ? plan.Before.GainDb : 0) });
        return eq.WithBand(plan.Index, after);
    }

    private static IEnumerable<Planned> EqDiff(MixTarget target, ParametricEqSettings before, ParametricEqSettings after)
    {
        for (int i = 0; i < ParametricEqSettings.BandCount; i++)
        {
            var (b, a) = (before.Bands[i], after.Bands[i]);
            if (a.FrequencyHz != b.FrequencyHz) yield return new(target, ParameterCatalog.EqBand(i + 1, "freq_hz"), ParameterValue.Of(a.FrequencyHz));
            if (a.GainDb != b.GainDb) yield return new(target, ParameterCatalog.EqBand(i + 1, "gain_db"), ParameterValue.Of(a.GainDb));
            if (a.Q != b.Q) yield return new(target, ParameterCatalog.EqBand(i + 1, "q"), ParameterValue.Of(a.Q));
        }
    }

    private static IEnumerable<Planned> CompressorDiff(MixTarget target, CompressorSettings before, CompressorSettings after)
    {
        if (before.Enabled != after.Enabled) yield return new(target, "compressor.enabled", ParameterValue.Of(after.Enabled));
        if (before.ThresholdDb != after.ThresholdDb) yield return new(target, "compressor.threshold_db", ParameterValue.Of(after.ThresholdDb));
        if (before.Ratio != after.Ratio) yield return new(target, "compressor.ratio", ParameterValue.Of(after.Ratio));
        if (before.AttackMs != after.AttackMs) yield return new(target, "compressor.attack_ms", ParameterValue.Of(after.AttackMs));
        if (before.ReleaseMs != after.ReleaseMs) yield return new(target, "compressor.release_ms", ParameterValue.Of(after.ReleaseMs));
    }

    /// <summary>A relative move kept inside its range; returns how far it actually moved.</summary>
    private static double Move(List<Planned> planned, MixTarget target, string parameter, double from, double delta, ParameterRange range)
    {
        if (delta == 0) return 0;
        double to = Round(range.Clamp(from + delta));
        if (to == from) return 0;
        planned.Add(new(target, parameter, ParameterValue.Of(to)));
        return to - from;
    }

    /// <summary>
    /// What the track's spectrum shows where the biggest EQ move works: that octave against one on the
    /// other side of the midrange. Other moves are grounded in the crest factor or the stereo width.
    /// </summary>
    private static string? Measurement(string who, AnalysisSummary? analysis, DescriptorMoves applied)
    {
        if (analysis is null || analysis.IsSilent) return null;
        var biggest = applied.Eq.Where(m => m.Type != EqMoveType.HighPass && m.GainDb != 0).OrderByDescending(m => Math.Abs(m.GainDb)).FirstOrDefault();
        if (biggest is not null)
        {
            double hz = biggest.Type switch { EqMoveType.LowShelf => biggest.FrequencyHz / 2, EqMoveType.HighShelf => biggest.FrequencyHz * 1.5, _ => biggest.FrequencyHz };
            string at = NearestOctave(hz);
            string against = double.Parse(at, CultureInfo.InvariantCulture) <= 1000 ? "2000" : "500";
            if (analysis.OctaveDb.TryGetValue(at, out double a) && analysis.OctaveDb.TryGetValue(against, out double b) && double.IsFinite(a) && double.IsFinite(b))
            {
                double diff = a - b;
                string relation = Math.Abs(diff) < 0.5 ? "sits level with" : $"sits {DisplayText.Number(Math.Abs(diff))} dB {(diff > 0 ? "above" : "below")}";
                return $"{who}'s {OctaveWords(at)} octave {relation} its {OctaveWords(against)} octave";
            }
        }
        if (applied.CompressionSteps != 0 && double.IsFinite(analysis.CrestDb))
            return $"{who} has a crest factor of {DisplayText.Number(analysis.CrestDb)} dB (peak to RMS)";
        if ((applied.Width != 0 || applied.ReverbSendDb != 0) && double.IsFinite(analysis.StereoWidth))
            return $"{who}'s stereo width measures {analysis.StereoWidth.ToString("0.00", CultureInfo.InvariantCulture)} (side to mid energy)";
        return null;
    }

    private static string NearestOctave(double hz) =>
        OctaveBands.Labels.Zip(OctaveBands.CentresHz).OrderBy(x => Math.Abs(Math.Log2(x.Second / hz))).First().First;

    private static string OctaveWords(string label) =>
        double.Parse(label, CultureInfo.InvariantCulture) is var hz && hz >= 1000 ? DisplayText.Number(hz / 1000) + " kHz" : label + " Hz";

    private static double Round(double v) => Math.Round(v, 2);

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
