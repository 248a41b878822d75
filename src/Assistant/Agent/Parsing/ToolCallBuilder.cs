using Mixwright.Dsp.Parameters;
using Mixwright.Embeddings.Descriptors;

namespace Mixwright.Assistant.Agent.Parsing;

/// <summary>A descriptor whose reading could not be settled for a target (see <see cref="ToolCallBuilder.ChooseVariant"/>).</summary>
internal sealed record OpenVariant(Descriptor Descriptor, BoundTarget Target);

/// <summary>
/// Turns an intent aimed at a target into tool calls with the shapes of <see cref="ToolCallShapes"/>.
/// Master-bus targets use set_master / the reverb return; a track's use its channel strip.
/// </summary>
internal sealed class ToolCallBuilder(DescriptorLexicon lexicon, InterpreterContext context)
{
    private readonly List<ToneRegion> _regionsByWidth =
        lexicon.Regions.Values.OrderBy(r => r.HighHz / r.LowHz).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The calls for one intent on one target. <paramref name="position"/> and <paramref name="count"/>
    /// place a target among several (for spreading pans). Ambiguous descriptors are reported in
    /// <paramref name="open"/> and produce no call.
    /// </summary>
    public IEnumerable<ToolCall> Build(ChangeIntent intent, BoundTarget target, int position, int count, List<OpenVariant> open)
    {
        string track = target.Name;
        switch (intent)
        {
            case LevelIntent l:
            {
                double? absolute = l.AbsoluteDb;
                double delta = l.DeltaDb ?? l.Sign * InterpreterDefaults.GainStepDb(l.Intensity);
                if (target.IsMix)
                    yield return ToolCall.Create(ToolNames.SetMaster, absolute is double a ? new SetMasterArgs(OutputGainDb: a) : new SetMasterArgs(OutputGainDeltaDb: delta));
                else
                    yield return ToolCall.Create(ToolNames.SetGain, absolute is double a ? new SetGainArgs(track, GainDb: a) : new SetGainArgs(track, DeltaDb: delta));
                break;
            }
            case PanIntent p when !target.IsMix:
                yield return ToolCall.Create(ToolNames.SetPan, p.Absolute is double absolutePan ? new SetPanArgs(track, Pan: absolutePan) : new SetPanArgs(track, PanDelta: p.Delta));
                break;
            case PanSpreadIntent spread when !target.IsMix:
            {
                double pan = count <= 1 ? 0 : InterpreterDefaults.RoundTo(-spread.Amount + 2 * spread.Amount * position / (count - 1), 0.05);
                yield return ToolCall.Create(ToolNames.SetPan, new SetPanArgs(track, Pan: pan));
                break;
            }
            case WidthIntent w when !target.IsMix:
                yield return ToolCall.Create(ToolNames.SetWidth, w.Absolute is double width ? new SetWidthArgs(track, Width: width) : new SetWidthArgs(track, WidthDelta: w.Delta));
                break;
            case ReverbIntent r:
            {
                double delta = r.DeltaDb ?? r.Sign * InterpreterDefaults.ReverbStepDb(r.Intensity);
                if (target.IsMix)
                    yield return ToolCall.Create(ToolNames.SetReverb, r.Off ? new SetReverbArgs(ReturnDb: ConsoleRanges.OffDb) : new SetReverbArgs(ReturnDeltaDb: delta));
                else if (r.Off)
                    yield return ToolCall.Create(ToolNames.SetReverb, new SetReverbArgs(track, SendDb: ConsoleRanges.OffDb));
                else if (r.AbsoluteDb is double a)
                    yield return ToolCall.Create(ToolNames.SetReverb, new SetReverbArgs(track, SendDb: a));
                else
                    yield return ToolCall.Create(ToolNames.SetReverb, new SetReverbArgs(track, SendDeltaDb: delta));
                break;
            }
            case DecayIntent d:
                yield return ToolCall.Create(ToolNames.SetReverb, d.AbsoluteS is double s
                    ? new SetReverbArgs(DecayS: s)
                    : new SetReverbArgs(DecayDeltaS: d.Sign * InterpreterDefaults.DecayStepS(d.Intensity)));
                break;
            case CompressionIntent c:
            {
                if (c.Enabled == false)
                    yield return ToolCall.Create(ToolNames.SetCompressor, new SetCompressorArgs(track, Enabled: false));
                else if (c.HasExplicitSettings)
                    yield return ToolCall.Create(ToolNames.SetCompressor, new SetCompressorArgs(track, Enabled: true, ThresholdDb: c.ThresholdDb,
                        Ratio: c.Ratio, AttackMs: c.AttackMs, ReleaseMs: c.ReleaseMs, MakeupDb: c.MakeupDb));
                else
                    yield return ToolCall.Create(ToolNames.SetCompressor, new SetCompressorArgs(track, Steps: InterpreterDefaults.CompressionSteps(c.Sign, c.Intensity)));
                break;
            }
            case EqIntent e:
                if (e.Type == "high_pass")
                {
                    if (!target.IsMix) yield return ToolCall.Create(ToolNames.SetHighPass, new SetHighPassArgs(track, e.FreqHz));
                }
                else
                    yield return ToolCall.Create(ToolNames.SetEqBand, new SetEqBandArgs(track, e.Type, e.FreqHz, DeltaDb: e.DeltaDb, Q: e.Q));
                break;
            case ResetEqIntent when !target.IsMix:
                yield return ToolCall.Create(ToolNames.ResetEq, new TrackArgs(track));
                break;
            case DescriptorIntent d:
            {
                string? variant = null;
                if (d.Descriptor.IsAmbiguous)
                {
                    variant = ChooseVariant(d.Descriptor, target, d.Negate);
                    if (variant is null) { open.Add(new OpenVariant(d.Descriptor, target)); yield break; }
                }
                if (d.ExplicitDb is double db && d.Descriptor.MovesFor(variant).Eq.FirstOrDefault() is { } move)
                {
                    if (move.Type == EqMoveType.HighPass)
                    {
                        if (!target.IsMix) yield return ToolCall.Create(ToolNames.SetHighPass, new SetHighPassArgs(track, move.FrequencyHz));
                        yield break;
                    }
                    yield return ToolCall.Create(ToolNames.SetEqBand, new SetEqBandArgs(track, move.Type.ToName(), move.FrequencyHz, DeltaDb: db, Q: move.Q));
                    yield break;
                }
                yield return Descriptor(track, d.Descriptor.Word, d.Intensity, d.Negate, variant);
                break;
            }
            case MuteIntent m when !target.IsMix:
                yield return ToolCall.Create(ToolNames.SetMute, new SetMuteArgs(track, m.Mute));
                break;
            case SoloIntent solo when !target.IsMix:
                yield return ToolCall.Create(ToolNames.SetSolo, new SetSoloArgs(track, solo.Solo));
                break;
            case MasterIntent m:
                yield return ToolCall.Create(ToolNames.SetMaster, new SetMasterArgs(LoudnessTargetLufs: m.LoudnessLufs, CeilingDbtp: m.CeilingDbtp));
                break;
        }
    }

    /// <summary>An apply_descriptor call with the intensity rounded into the tool's range.</summary>
    public static ToolCall Descriptor(string track, string word, double intensity, bool negate, string? variant) =>
        ToolCall.Create(ToolNames.ApplyDescriptor, new ApplyDescriptorArgs(word, track,
            Math.Round(Math.Clamp(intensity, Mixwright.Tools.Plugin.DescriptorRequest.MinIntensity, 1), 2), negate, variant));

    /// <summary>
    /// The reading of an ambiguous word for a target, or null when nothing decides it. Policy: first the
    /// track's analysis (a reading that cuts a region the track has too much of, or boosts one it lacks,
    /// wins); then the track's role (the data lists which roles each reading is usual for); the master bus
    /// and tracks whose role fits no reading stay open, and the interpreter asks.
    /// </summary>
    public string? ChooseVariant(Descriptor descriptor, BoundTarget target, bool negate)
    {
        var hint = context.HintFor(target.Name) ?? (target.IsMix ? context.HintFor("master") : null);
        if (hint is not null)
        {
            var votes = descriptor.Alternatives.Select(alt => (alt.Id, Votes: Votes(alt.Moves, hint, negate))).ToList();
            int best = votes.Max(v => v.Votes);
            if (best > 0 && votes.Count(v => v.Votes == best) == 1) return votes.First(v => v.Votes == best).Id;
        }
        if (target.Track is { } track)
        {
            var fitting = descriptor.Alternatives.Where(a => a.Roles.Any(r => track.RoleIds.Contains(r))).ToList();
            if (fitting.Count == 1) return fitting[0].Id;
        }
        return null;
    }

    private int Votes(DescriptorMoves moves, TrackAnalysisHint hint, bool negate)
    {
        const double Decisive = 1.5;
        int votes = 0;
        foreach (var move in moves.Eq)
        {
            var region = RegionOf(move.FrequencyHz);
            if (region is null || !hint.RegionExcessDb.TryGetValue(region.Name, out double excess)) continue;
            double gain = negate ? -move.GainDb : move.GainDb;
            if ((gain < 0 && excess >= Decisive) || (gain > 0 && excess <= -Decisive)) votes++;
            else if ((gain > 0 && excess >= Decisive) || (gain < 0 && excess <= -Decisive)) votes--;
        }
        return votes;
    }

    private ToneRegion? RegionOf(double hz) => _regionsByWidth.FirstOrDefault(r => hz >= r.LowHz && hz <= r.HighHz);
}
