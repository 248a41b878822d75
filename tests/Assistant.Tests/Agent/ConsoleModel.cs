using Mixwright.Assistant.Agent;
using Mixwright.Embeddings.Descriptors;

namespace Mixwright.Assistant.Tests.Agent;

/// <summary>
/// A deliberately simple stand-in for the session's console, so the phrase suite can judge tool calls by
/// what they would do before the real session tools exist: per strip gain, pan, width, reverb send, a
/// compression score, mute/solo and a list of EQ moves; a master with gain, EQ, compression and the
/// reverb return. It follows the documented argument shapes (ToolCallShapes).
/// </summary>
public sealed class ConsoleModel
{
    public sealed class Strip
    {
        public double GainDb;
        public double Pan;
        public bool PanTouched;
        public double Width = 1;
        public double ReverbSendDb = -20;
        public double Compression;
        public bool Mute;
        public bool Solo;
        public List<EqMove> Eq = [];

        public Strip Clone() => new()
        {
            GainDb = GainDb, Pan = Pan, PanTouched = false, Width = Width, ReverbSendDb = ReverbSendDb,
            Compression = Compression, Mute = Mute, Solo = Solo, Eq = [.. Eq],
        };
    }

    private readonly DescriptorLexicon _lexicon;

    public ConsoleModel(IEnumerable<string> tracks, DescriptorLexicon lexicon)
    {
        _lexicon = lexicon;
        foreach (string t in tracks) Tracks[t] = new Strip();
    }

    private ConsoleModel(DescriptorLexicon lexicon) => _lexicon = lexicon;

    public Dictionary<string, Strip> Tracks { get; } = new(StringComparer.Ordinal);
    public Strip Master { get; private set; } = new() { ReverbSendDb = 0 };
    public double ReverbDecayS { get; private set; } = 1.8;
    public double? LoudnessTargetLufs { get; private set; }
    public bool Balanced { get; private set; }

    public ConsoleModel Clone()
    {
        var copy = new ConsoleModel(_lexicon) { Master = Master.Clone(), ReverbDecayS = ReverbDecayS, LoudnessTargetLufs = LoudnessTargetLufs, Balanced = Balanced };
        foreach (var (name, strip) in Tracks) copy.Tracks[name] = strip.Clone();
        return copy;
    }

    /// <summary>Applies a call as if it had been proposed and committed. Unknown tracks fail the test loudly.</summary>
    public void Apply(ToolCall call)
    {
        Strip StripOf(string? name) =>
            name is null or ToolCallShapes.MixTarget ? Master
            : Tracks.TryGetValue(name, out var s) ? s : throw new InvalidOperationException($"{call}: no track '{name}' in the session.");

        switch (call.Name)
        {
            case ToolNames.SetGain:
            {
                var s = StripOf(call.Track);
                s.GainDb = call.GetNumber("gain_db") ?? s.GainDb + (call.GetNumber("delta_db") ?? 0);
                break;
            }
            case ToolNames.SetPan:
            {
                var s = StripOf(call.Track);
                if (call.GetNumber("pan") is double p) s.Pan = p;
                if (call.GetNumber("pan_delta") is double d) s.Pan = Math.Clamp(s.Pan + d, -1, 1);
                s.PanTouched = true;
                break;
            }
            case ToolNames.SetWidth:
            {
                var s = StripOf(call.Track);
                if (call.GetNumber("width") is double w) s.Width = w;
                if (call.GetNumber("width_delta") is double wd) s.Width = Math.Clamp(s.Width + wd, 0, 2);
                break;
            }
            case ToolNames.SetEqBand:
            {
                var type = EqMoveTypeNames.Parse(call.GetString("type") ?? "peak", call.ToString());
                double freq = call.GetNumber("freq_hz") ?? 1000;
                double gain = call.GetNumber("delta_db") ?? call.GetNumber("gain_db") ?? 0;
                StripOf(call.Track).Eq.Add(new EqMove(type, freq, gain, call.GetNumber("q") ?? 1));
                break;
            }
            case ToolNames.SetHighPass:
                StripOf(call.Track).Eq.Add(new EqMove(EqMoveType.HighPass, call.GetNumber("freq_hz") ?? 100, 0, 0.7));
                break;
            case ToolNames.ResetEq: StripOf(call.Track).Eq.Clear(); break;
            case ToolNames.SetCompressor:
            {
                var s = StripOf(call.Track);
                if (call.GetBool("enabled") == false) s.Compression = Math.Min(s.Compression, 0) - 1;
                else if (call.GetNumber("steps") is double steps) s.Compression += steps * 0.6;
                else if (call.GetNumber("ratio") is double r && r > 1 || call.GetNumber("threshold_db") is not null) s.Compression += 1;
                break;
            }
            case ToolNames.SetReverb:
                if (call.Track is { } t)
                {
                    var s = StripOf(t);
                    if (call.GetNumber("send_db") is double sd) s.ReverbSendDb = sd;
                    if (call.GetNumber("send_delta_db") is double d) s.ReverbSendDb += d;
                }
                if (call.GetNumber("return_delta_db") is double r2) Master.ReverbSendDb += r2;
                if (call.GetNumber("return_db") is double r3) Master.ReverbSendDb = r3;
                if (call.GetNumber("decay_s") is double ds) ReverbDecayS = ds;
                if (call.GetNumber("decay_delta_s") is double dd) ReverbDecayS += dd;
                break;
            case ToolNames.SetMute: StripOf(call.Track).Mute = call.GetBool("muted") ?? true; break;
            case ToolNames.SetSolo: StripOf(call.Track).Solo = call.GetBool("soloed") ?? true; break;
            case ToolNames.SetMaster:
                if (call.GetNumber("output_gain_db") is double g) Master.GainDb = g;
                if (call.GetNumber("output_gain_delta_db") is double gd) Master.GainDb += gd;
                if (call.GetNumber("loudness_target_lufs") is double l)
                {
                    Master.GainDb += l - (LoudnessTargetLufs ?? -14);
                    LoudnessTargetLufs = l;
                }
                break;
            case ToolNames.ApplyDescriptor:
            {
                var d = _lexicon.Get(call.GetString("descriptor") ?? throw new InvalidOperationException($"{call}: no descriptor."));
                double factor = (call.GetNumber("intensity") ?? 0.6) * (call.GetBool("negate") == true ? -1 : 1);
                var moves = d.MovesFor(call.GetString("variant")).Scaled(factor);
                var s = StripOf(call.Track);
                s.Eq.AddRange(moves.Eq);
                s.Compression += moves.CompressionSteps;
                s.ReverbSendDb += moves.ReverbSendDb;
                s.GainDb += moves.GainDb;
                s.Width = Math.Clamp(s.Width + moves.Width, 0, 2);
                break;
            }
            case ToolNames.BalanceLevels: Balanced = true; break;
        }
    }
}
