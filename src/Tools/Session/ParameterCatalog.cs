using System.Text.RegularExpressions;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Tools.Session;

/// <summary>
/// Every console parameter the tools can change, addressed by a dotted name ("gain_db",
/// "eq.band3.gain_db", "compressor.ratio", "limiter.ceiling_dbtp"). Ranges come from
/// <see cref="ConsoleRanges"/>, so the catalog, the engine and the messages can never disagree.
/// </summary>
public static partial class ParameterCatalog
{
    private sealed record Lens<T>(Func<ConsoleState, MixTarget, T> Get, Func<ConsoleState, MixTarget, T, ConsoleState> Set)
    {
        public Lens<TInner> Then<TInner>(Func<T, TInner> get, Func<T, TInner, T> set) =>
            new((s, t) => get(Get(s, t)), (s, t, v) => Set(s, t, set(Get(s, t), v)));
    }

    private static readonly Lens<TrackSettings> TrackStrip = new((s, t) => s.Track(t.Track!), (s, t, v) => s.WithTrack(t.Track!, v));
    private static readonly Lens<MasterSettings> MasterBus = new((s, _) => s.Master, (s, _, v) => s with { Master = v });
    private static readonly Lens<ReverbSettings> ReverbBus = new((s, _) => s.Reverb, (s, _, v) => s with { Reverb = v });

    public static IReadOnlyList<ParameterSpec> All { get; } = Build();

    private static readonly Dictionary<(TargetScope, string), ParameterSpec> ByName =
        All.ToDictionary(p => (p.Scope, p.Name));

    public static IEnumerable<ParameterSpec> For(TargetScope scope) => All.Where(p => p.Scope == scope);

    public static string EqBand(int band, string field) => $"eq.band{band}.{field}";

    public static bool TryGet(TargetScope scope, string name, out ParameterSpec spec) =>
        ByName.TryGetValue((scope, name), out spec!);

    /// <summary>The parameter with exactly this name, or a message listing the names that exist.</summary>
    public static ParameterSpec Get(TargetScope scope, string name)
    {
        if (TryGet(scope, name, out var spec)) return spec;
        var groups = For(scope).Select(p => Regex.Replace(p.Name, @"band\d", "bandN")).Distinct();
        throw new SessionException($"Unknown {ScopeWords(scope)} parameter \"{Text.DisplayText.Clean(name)}\". Known: {string.Join(", ", groups)}.");
    }

    /// <summary>
    /// The parameters a person means by a loose name: "gain", "the compressor", "eq band 3", "threshold".
    /// A whole group matches a group word ("eq" gives all EQ parameters).
    /// </summary>
    public static IReadOnlyList<ParameterSpec> Match(TargetScope scope, string query)
    {
        string q = Regex.Replace(query.Trim().ToLowerInvariant(), @"\s+", " ");
        if (WholeQueryAliases.TryGetValue(q, out string? canonical)) q = canonical;
        if (TryGet(scope, q, out var exact)) return [exact];

        q = BandNumber().Replace(q, "band$1");
        var words = WordSplit().Split(q).Where(w => w.Length > 0 && w != "the")
            .SelectMany(w => WordAliases.TryGetValue(w, out var a) ? a.Split(' ') : [w])
            .ToArray();
        if (words.Length == 0) return [];
        return For(scope).Where(p =>
        {
            var nameWords = p.Name.Split('.', '_');
            return words.All(w => nameWords.Contains(w));
        }).ToArray();
    }

    private static string ScopeWords(TargetScope scope) => scope switch
    {
        TargetScope.Master => "master",
        TargetScope.Reverb => "reverb bus",
        _ => "track",
    };

    private static readonly Dictionary<string, string> WholeQueryAliases = new()
    {
        ["gain"] = "gain_db", ["level"] = "gain_db", ["volume"] = "gain_db", ["fader"] = "gain_db", ["loudness"] = "gain_db",
        ["panning"] = "pan", ["pan position"] = "pan", ["stereo width"] = "width",
        ["reverb"] = "reverb_send_db", ["reverb send"] = "reverb_send_db", ["send"] = "reverb_send_db", ["verb"] = "reverb_send_db",
        ["muted"] = "mute", ["soloed"] = "solo", ["polarity"] = "invert_polarity", ["phase"] = "invert_polarity",
        ["output"] = "output_gain_db", ["output gain"] = "output_gain_db", ["master gain"] = "output_gain_db",
        ["loudness target"] = "loudness_target_lufs", ["target"] = "loudness_target_lufs", ["lufs"] = "loudness_target_lufs",
        ["ceiling"] = "limiter.ceiling_dbtp",
    };

    private static readonly Dictionary<string, string> WordAliases = new()
    {
        ["frequency"] = "freq", ["comp"] = "compressor", ["compression"] = "compressor", ["dynamics"] = "compressor",
        ["equaliser"] = "eq", ["equalizer"] = "eq", ["hpf"] = "high pass", ["highpass"] = "high pass",
        ["bandwidth"] = "q", ["lowcut"] = "high pass",
    };

    [GeneratedRegex(@"band\s*(\d)")]
    private static partial Regex BandNumber();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex WordSplit();

    private static List<ParameterSpec> Build()
    {
        var specs = new List<ParameterSpec>
        {
            Number("gain_db", TargetScope.Track, ConsoleRanges.GainDb, TrackStrip.Then(t => t.GainDb, (t, v) => t with { GainDb = v })),
            Number("pan", TargetScope.Track, ConsoleRanges.Pan, TrackStrip.Then(t => t.Pan, (t, v) => t with { Pan = v })),
            Number("width", TargetScope.Track, ConsoleRanges.Width, TrackStrip.Then(t => t.Width, (t, v) => t with { Width = v })),
            Number("reverb_send_db", TargetScope.Track, ConsoleRanges.ReverbSendDb, TrackStrip.Then(t => t.ReverbSendDb, (t, v) => t with { ReverbSendDb = v })),
            Flag("mute", TargetScope.Track, "silences the track", TrackStrip.Then(t => t.Mute, (t, v) => t with { Mute = v })),
            Flag("solo", TargetScope.Track, "plays only soloed tracks", TrackStrip.Then(t => t.Solo, (t, v) => t with { Solo = v })),
            Flag("invert_polarity", TargetScope.Track, "flips the waveform", TrackStrip.Then(t => t.InvertPolarity, (t, v) => t with { InvertPolarity = v })),
            Flag("invert_right_polarity", TargetScope.Track, "flips the right channel of a stereo stem only (channels that cancel in mono)", TrackStrip.Then(t => t.InvertRightPolarity, (t, v) => t with { InvertRightPolarity = v })),
        };
        var highPass = TrackStrip.Then(t => t.HighPass, (t, v) => t with { HighPass = v });
        specs.Add(Flag("high_pass.enabled", TargetScope.Track, "turns the high-pass filter on", highPass.Then(h => h.Enabled, (h, v) => h with { Enabled = v })));
        specs.Add(Number("high_pass.freq_hz", TargetScope.Track, ConsoleRanges.HighPassFrequencyHz, highPass.Then(h => h.FrequencyHz, (h, v) => h with { FrequencyHz = v })));
        specs.AddRange(Eq(TargetScope.Track, TrackStrip.Then(t => t.Eq, (t, v) => t with { Eq = v })));
        specs.AddRange(Compressor(TargetScope.Track, TrackStrip.Then(t => t.Compressor, (t, v) => t with { Compressor = v })));

        specs.AddRange(Eq(TargetScope.Master, MasterBus.Then(m => m.Eq, (m, v) => m with { Eq = v })));
        specs.AddRange(Compressor(TargetScope.Master, MasterBus.Then(m => m.Compressor, (m, v) => m with { Compressor = v })));
        specs.Add(Number("output_gain_db", TargetScope.Master, ConsoleRanges.OutputGainDb, MasterBus.Then(m => m.OutputGainDb, (m, v) => m with { OutputGainDb = v })));
        var limiter = MasterBus.Then(m => m.Limiter, (m, v) => m with { Limiter = v });
        specs.Add(Flag("limiter.enabled", TargetScope.Master, "turns the true-peak limiter on", limiter.Then(l => l.Enabled, (l, v) => l with { Enabled = v })));
        specs.Add(Number("limiter.ceiling_dbtp", TargetScope.Master, ConsoleRanges.CeilingDbtp, limiter.Then(l => l.CeilingDbtp, (l, v) => l with { CeilingDbtp = v })));
        specs.Add(Number("limiter.release_ms", TargetScope.Master, ConsoleRanges.LimiterReleaseMs, limiter.Then(l => l.ReleaseMs, (l, v) => l with { ReleaseMs = v })));
        specs.Add(new ParameterSpec("loudness_target_lufs", TargetScope.Master, ParameterKind.OptionalNumber, ConsoleRanges.LoudnessTargetLufs,
            ConsoleRanges.LoudnessTargetLufs.Meaning,
            (s, _) => s.Master.LoudnessTargetLufs is double t ? ParameterValue.Of(t) : ParameterValue.Off,
            (s, _, v) => s with { Master = s.Master with { LoudnessTargetLufs = v.Kind == ParameterValueKind.Off ? null : v.Number } }));

        specs.Add(Number("return_db", TargetScope.Reverb, ConsoleRanges.ReverbReturnDb, ReverbBus.Then(r => r.ReturnDb, (r, v) => r with { ReturnDb = v })));
        specs.Add(Number("decay_s", TargetScope.Reverb, ConsoleRanges.ReverbDecayS, ReverbBus.Then(r => r.DecayS, (r, v) => r with { DecayS = v })));
        specs.Add(Number("pre_delay_ms", TargetScope.Reverb, ConsoleRanges.ReverbPreDelayMs, ReverbBus.Then(r => r.PreDelayMs, (r, v) => r with { PreDelayMs = v })));
        specs.Add(Number("damping", TargetScope.Reverb, ConsoleRanges.ReverbDamping, ReverbBus.Then(r => r.Damping, (r, v) => r with { Damping = v })));
        return specs;
    }

    private static IEnumerable<ParameterSpec> Eq(TargetScope scope, Lens<ParametricEqSettings> eq)
    {
        for (int band = 1; band <= ParametricEqSettings.BandCount; band++)
        {
            int index = band - 1;
            var bandLens = eq.Then(e => e.Bands[index], (e, b) => e.WithBand(index, b));
            yield return Number(EqBand(band, "freq_hz"), scope, ConsoleRanges.EqFrequencyHz, bandLens.Then(b => b.FrequencyHz, (b, v) => b with { FrequencyHz = v }));
            yield return Number(EqBand(band, "gain_db"), scope, ConsoleRanges.EqGainDb, bandLens.Then(b => b.GainDb, (b, v) => b with { GainDb = v }));
            yield return Number(EqBand(band, "q"), scope, ConsoleRanges.EqQ, bandLens.Then(b => b.Q, (b, v) => b with { Q = v }));
        }
    }

    private static IEnumerable<ParameterSpec> Compressor(TargetScope scope, Lens<CompressorSettings> comp)
    {
        yield return Flag("compressor.enabled", scope, "turns the compressor on", comp.Then(c => c.Enabled, (c, v) => c with { Enabled = v }));
        yield return Number("compressor.threshold_db", scope, ConsoleRanges.ThresholdDb, comp.Then(c => c.ThresholdDb, (c, v) => c with { ThresholdDb = v }));
        yield return Number("compressor.ratio", scope, ConsoleRanges.Ratio, comp.Then(c => c.Ratio, (c, v) => c with { Ratio = v }));
        yield return Number("compressor.attack_ms", scope, ConsoleRanges.AttackMs, comp.Then(c => c.AttackMs, (c, v) => c with { AttackMs = v }));
        yield return Number("compressor.release_ms", scope, ConsoleRanges.ReleaseMs, comp.Then(c => c.ReleaseMs, (c, v) => c with { ReleaseMs = v }));
        yield return Number("compressor.knee_db", scope, ConsoleRanges.KneeDb, comp.Then(c => c.KneeDb, (c, v) => c with { KneeDb = v }));
        yield return Number("compressor.makeup_db", scope, ConsoleRanges.MakeupDb, comp.Then(c => c.MakeupDb, (c, v) => c with { MakeupDb = v }));
    }

    private static ParameterSpec Number(string name, TargetScope scope, ParameterRange range, Lens<double> lens) =>
        new(name, scope, ParameterKind.Number, range, range.Meaning,
            (s, t) => ParameterValue.Of(lens.Get(s, t)),
            (s, t, v) => lens.Set(s, t, v.Number));

    private static ParameterSpec Flag(string name, TargetScope scope, string meaning, Lens<bool> lens) =>
        new(name, scope, ParameterKind.Flag, null, meaning,
            (s, t) => ParameterValue.Of(lens.Get(s, t)),
            (s, t, v) => lens.Set(s, t, v.Flag));
}
