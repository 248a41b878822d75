using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Analysis;
using Mixwright.Tools.Balance;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Moves;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Plugin;

/// <summary>
/// The mix tools as a Semantic Kernel plugin: the only way the agent changes a mix. Every tool that changes
/// sound adds to a pending proposal that only <c>commit</c> applies; every value is checked against the
/// ranges in <see cref="ConsoleRanges"/> before anything is proposed; every result is compact JSON.
/// Parameter names are snake_case on purpose: they are the model's API and match the session's keys.
/// </summary>
public sealed partial class MixTools
{
    public const string PluginName = "mix";

    private const string ReasonHelp = "One plain sentence for the user saying why, e.g. \"I raised the vocal 3 dB so the words stay on top of the guitars.\"";
    private const string UserWordsHelp = "The user's request, quoted verbatim, when this change comes from what they said; empty if it is your own idea.";
    private const string MeasurementHelp = "The measurement that motivated the change, if any, e.g. \"vocals sit 7.2 LU below the instrumental bed\".";
    private const string TrackHelp = "Track name as listed by list_tracks (case, spaces and 'the' do not matter; a role such as 'bass' works when only one track has it).";
    private const string TrackOrMasterHelp = TrackHelp + " Use \"master\" for the master bus.";

    private readonly MixSession _session;
    private readonly IMixEngine _engine;
    private readonly StemAnalyses _analyses;
    private readonly IDescriptorResolver? _descriptors;
    private readonly IReferenceMatcher? _referenceMatcher;
    private readonly Lock _gate = new();

    public MixTools(MixSession session, IMixEngine engine, IDescriptorResolver? descriptors = null, IReferenceMatcher? referenceMatcher = null)
    {
        _session = session;
        _engine = engine;
        _analyses = StemAnalyses.For(session, engine);
        _descriptors = descriptors;
        _referenceMatcher = referenceMatcher;
        Reads = new FileReadPermission(session);
    }

    public MixSession Session => _session;

    /// <summary>The files a tool may open besides the session's own: the chat layer adds those the user named.</summary>
    public FileReadPermission Reads { get; }

    /// <summary>
    /// This object as a kernel plugin named "mix", with the allowed ranges written into the descriptions
    /// from <see cref="ConsoleRanges"/> (attributes cannot hold them without repeating the numbers).
    /// </summary>
    public KernelPlugin AsPlugin() => ToolDescriptions.CreatePlugin(this, PluginName);

    // ----- Plumbing ------------------------------------------------------------------------------

    private string Read(Func<JsonObject> body)
    {
        lock (_gate)
        {
            try { return ToolResult.Ok(body()); }
            catch (Exception e) when (IsUserError(e)) { return ToolResult.Error(e.Message); }
        }
    }

    private string Write(Func<JsonObject> body)
    {
        lock (_gate)
        {
            try { return ToolResult.Ok(body()); }
            catch (Exception e) when (IsUserError(e)) { return ToolResult.Error(NothingChanged(e.Message)); }
        }
    }

    /// <summary>Runs a tool that proposes changes: build the requests, add them to the proposal, report it.</summary>
    private string Change(Func<IReadOnlyList<ChangeRequest>> build) => Change(() => new ProposalPlan(build()));

    /// <summary>Runs a tool that proposes a plan: its requests go into the proposal under its summary, its notes into the reply.</summary>
    private string Change(Func<ProposalPlan> build)
    {
        lock (_gate)
        {
            try
            {
                var plan = build();
                var proposal = _session.Propose(plan.Requests, plan.Summary);
                var result = ToolResult.Proposal(proposal);
                if (plan.Notes is { Count: > 0 } notes) result["notes"] = new JsonArray([.. notes.Select(n => (JsonNode)n)]);
                result["message"] = "Proposed, not applied. Tell the user what will change and why; call commit when they agree, discard if not.";
                return ToolResult.Ok(result);
            }
            catch (Exception e) when (IsUserError(e))
            {
                return ToolResult.Error(NothingChanged(e.Message));
            }
        }
    }

    private static bool IsUserError(Exception e) => e is SessionException or ArgumentException;

    private static string NothingChanged(string message) =>
        message.Contains("Nothing was", StringComparison.Ordinal) ? message : message.TrimEnd() + " Nothing was changed.";

    private MixTarget TrackTarget(string track) => MixTarget.ForTrack(_session.ResolveTrack(track).Name);

    private MixTarget TrackOrMaster(string track)
    {
        var target = _session.ResolveTarget(track);
        if (target.Scope == TargetScope.Reverb)
            throw new SessionException("The reverb bus has no EQ or compressor here; use set_reverb for the reverb.");
        return target;
    }

    private ChangeRequest Request(MixTarget target, string parameter, ParameterValue to, string reason, string userWords, string measurement)
    {
        var spec = ParameterCatalog.Get(target.Scope, parameter);
        // Without a reason of its own, a change the user asked for says so rather than sounding arbitrary.
        string fallback = $"Set {DisplayText.Clean(target.ToString())} {parameter} to {to.Display(spec.Unit)}"
                          + (string.IsNullOrWhiteSpace(userWords) ? "." : ", as you asked.");
        var source = !string.IsNullOrWhiteSpace(userWords) ? RationaleSource.UserWords
            : !string.IsNullOrWhiteSpace(measurement) ? RationaleSource.Analysis
            : RationaleSource.Manual;
        return new ChangeRequest(target, parameter, to, new Rationale(source, Or(reason, fallback), Empty(userWords), Empty(measurement)));
    }

    /// <summary><see cref="ConsoleRanges.FirstSendDb"/> as the tool description prints it (an attribute needs a constant string).</summary>
    private const string FirstSendText = "-24 dB";

    /// <summary>
    /// The value a tool sets from "exactly one of an absolute value and a delta". A delta on a send or return
    /// that is off starts from <paramref name="offStart"/>, so "more reverb" on a dry track is audible.
    /// </summary>
    private double AbsoluteOrDelta(MixTarget target, string parameter, double? absolute, double? delta, string absoluteName, string deltaName, double? offStart = null)
    {
        if ((absolute is null) == (delta is null))
            throw new SessionException($"Give exactly one of {absoluteName} (absolute) and {deltaName} (change from the current value).");
        var spec = ParameterCatalog.Get(target.Scope, parameter);
        if (absolute is double a) return a;
        double d = delta!.Value;
        if (!double.IsFinite(d)) throw new SessionException($"{deltaName} must be a number (got {d.ToString(CultureInfo.InvariantCulture)}).");
        double current = spec.Get(Working, target).Number;
        if (offStart is double start && current <= ConsoleRanges.OffDb)
        {
            if (d < 0) throw new SessionException($"{DisplayText.Clean(target.ToString())} {spec.Name} is already off; it cannot go lower.");
            current = start;
        }
        double to = Math.Round(current + d, 3);
        var range = spec.Range!;
        if (!range.Contains(to))
            throw new SessionException($"{DisplayText.Clean(target.ToString())}: {spec.Name} is {ParameterValue.FormatNumber(current, spec.Unit)} now; " +
                $"{deltaName} {ParameterValue.FormatNumber(d, spec.Unit)} would make it {ParameterValue.FormatNumber(to, spec.Unit)}, outside {range.Describe()}.");
        return to;
    }

    /// <summary>
    /// The console as the pending proposal would leave it: relative requests build on what is already
    /// proposed, so "up 2 dB, and the vocal up 1 more" adds up and two descriptors share the EQ's bands.
    /// </summary>
    private ConsoleState Working => _session.Pending is null ? _session.Console : _session.StateAt(_session.ParsePoint("pending"));

    private ParametricEqSettings Eq(MixTarget target) =>
        target.Scope == TargetScope.Master ? Working.Master.Eq : Working.Track(target.Track!).Eq;

    private static EqBandType ParseBandType(string type) => type.Trim().ToLowerInvariant() switch
    {
        "peak" or "peaking" or "bell" => EqBandType.Peaking,
        "low_shelf" or "lowshelf" or "low shelf" => EqBandType.LowShelf,
        "high_shelf" or "highshelf" or "high shelf" => EqBandType.HighShelf,
        "high_pass" or "highpass" or "low_cut" => throw new SessionException("A high-pass is not an EQ band here; use set_high_pass."),
        _ => throw new SessionException($"type must be \"peak\", \"low_shelf\" or \"high_shelf\" (got {DisplayText.Quote(type)})."),
    };

    private static string BandTypeWords(EqBandType type) => type switch
    {
        EqBandType.LowShelf => "low shelf",
        EqBandType.HighShelf => "high shelf",
        _ => "peaking bell",
    };

    private List<ChangeRequest> BandRequests(MixTarget target, int band, EqBand current, double? freq, double? gain, double? q, string reason, string userWords, string measurement)
    {
        var requests = new List<ChangeRequest>();
        if (freq is double f && f != current.FrequencyHz) requests.Add(Request(target, ParameterCatalog.EqBand(band, "freq_hz"), ParameterValue.Of(f), reason, userWords, measurement));
        if (gain is double g) requests.Add(Request(target, ParameterCatalog.EqBand(band, "gain_db"), ParameterValue.Of(Math.Round(g, 2)), reason, userWords, measurement));
        if (q is double qq && qq != current.Q) requests.Add(Request(target, ParameterCatalog.EqBand(band, "q"), ParameterValue.Of(qq), reason, userWords, measurement));
        if (requests.Count == 0) requests.Add(Request(target, ParameterCatalog.EqBand(band, "gain_db"), ParameterValue.Of(current.GainDb), reason, userWords, measurement));
        return requests;
    }

    /// <summary>The compressor after "more" or "less" steps, as requests for the fields that change.</summary>
    private List<ChangeRequest> CompressorStepRequests(MixTarget target, double steps, string reason, string userWords, string measurement)
    {
        if (double.IsNaN(steps) || steps == 0 || Math.Abs(steps) > CompressionSteps.MaxSteps)
            throw new SessionException($"steps must be between -{CompressionSteps.MaxSteps} and +{CompressionSteps.MaxSteps}, and not 0 (got {steps.ToString(CultureInfo.InvariantCulture)}).");
        var current = target.Scope == TargetScope.Master ? Working.Master.Compressor : Working.Track(target.Track!).Compressor;
        if (steps < 0 && !current.Enabled)
            throw new SessionException($"{DisplayText.Clean(target.ToString())} has no compression to ease: its compressor is off.");
        var (rms, peak) = InputLevels(target);
        var next = CompressionSteps.Apply(current, steps, rms, peak);
        return CompressorRequests(target, current, next, reason, userWords, measurement);
    }

    /// <summary>Requests for every compressor field that differs between two settings.</summary>
    internal List<ChangeRequest> CompressorRequests(MixTarget target, CompressorSettings current, CompressorSettings next, string reason, string userWords, string measurement)
    {
        var requests = new List<ChangeRequest>();
        void Add(string name, double from, double to)
        {
            if (from != to) requests.Add(Request(target, "compressor." + name, ParameterValue.Of(to), reason, userWords, measurement));
        }
        if (current.Enabled != next.Enabled) requests.Add(Request(target, "compressor.enabled", ParameterValue.Of(next.Enabled), reason, userWords, measurement));
        Add("threshold_db", current.ThresholdDb, next.ThresholdDb);
        Add("ratio", current.Ratio, next.Ratio);
        Add("attack_ms", current.AttackMs, next.AttackMs);
        Add("release_ms", current.ReleaseMs, next.ReleaseMs);
        Add("knee_db", current.KneeDb, next.KneeDb);
        Add("makeup_db", current.MakeupDb, next.MakeupDb);
        return requests;
    }

    /// <summary>The level reaching a track's compressor (stem RMS and peak plus its gain); unknown for the master.</summary>
    private (double? Rms, double? Peak) InputLevels(MixTarget target)
    {
        if (target.Scope != TargetScope.Track) return (null, null);
        var stem = _session.ResolveTrack(target.Track);
        var a = _analyses.Analyze(stem);
        double gain = Working.Track(stem.Name).GainDb;
        return (a.RmsDbfs + gain, a.SamplePeakDbfs + gain);
    }

    private static List<ChangeSet> Repeat(int steps, Func<ChangeSet> step, Func<bool> possible)
    {
        if (steps < 1 || steps > 100) throw new SessionException($"steps must be 1 to 100 (got {steps}).");
        var done = new List<ChangeSet> { step() };
        while (done.Count < steps && possible()) done.Add(step());
        return done;
    }

    private string LastChangeText()
    {
        var history = _session.History;
        var pending = _session.Pending is { } p ? $" Pending, not applied yet: {DisplayText.Clean(p.Title, 300)}." : "";
        if (!history.CanUndo) return "Nothing has been changed yet." + pending;
        var cs = history.ChangeSets[history.Position - 1];
        var lines = cs.Changes.Select(c => $"- {c.Describe()}: {DisplayText.Clean(c.Rationale.Sentence, 300)}");
        return $"The last change ({cs.Id}{(cs.Turn > 0 ? $", turn {cs.Turn}" : "")}): {DisplayText.Clean(cs.Summary, 300)}\n{string.Join("\n", lines)}{pending}";
    }

    private string HistoryText()
    {
        var applied = _session.History.Applied.ToList();
        if (applied.Count == 0) return "Nothing has been changed yet.";
        return string.Join("\n", applied.Select(cs => $"{cs.Id}{(cs.Turn > 0 ? $" (turn {cs.Turn})" : "")}: {DisplayText.Clean(cs.Summary, 300)}"));
    }

    private string TrackChangesText(MixTarget target)
    {
        var touched = _session.History.Applied.SelectMany(cs => cs.Changes)
            .Where(c => c.Target.Scope == target.Scope && string.Equals(c.Target.Track, target.Track, StringComparison.OrdinalIgnoreCase))
            .Select(c => c.Parameter).Distinct().ToList();
        if (touched.Count == 0) return $"{DisplayText.Clean(target.ToString())} is at its starting settings; nothing in the history changed it.";
        string name = target.Scope == TargetScope.Track ? target.Track! : target.ScopeWireName;
        return string.Join("\n", touched.Select(p => _session.Explain(name, p)));
    }

    /// <summary>The file a render the assistant asked for goes to: inside the session's renders/ folder, see <see cref="AssistantOutputPolicy"/>.</summary>
    private string OutputPath(string requested, HistoryPoint at)
    {
        string suffix = at.Label == "current" ? "" : "-" + string.Concat(at.Label.Select(ch => char.IsLetterOrDigit(ch) ? ch : '-'));
        return new AssistantOutputPolicy(_session).Choose(requested, Path.GetFileNameWithoutExtension(_session.FilePath) + "-mix" + suffix + ".wav");
    }

    private static JsonObject Measurements(AnalysisSummary a)
    {
        var octaves = new JsonObject();
        foreach (string label in OctaveBands.Labels)
            if (a.OctaveDb.TryGetValue(label, out double db)) octaves[label] = ToolResult.Number(db);
        var o = new JsonObject
        {
            ["integrated_lufs"] = ToolResult.Number(a.IntegratedLufs),
            ["loudness_range_lu"] = ToolResult.Number(a.LoudnessRangeLu),
            ["true_peak_dbtp"] = ToolResult.Number(a.TruePeakDbtp),
            ["sample_peak_dbfs"] = ToolResult.Number(a.SamplePeakDbfs),
            ["rms_dbfs"] = ToolResult.Number(a.RmsDbfs),
            ["crest_db"] = ToolResult.Number(a.CrestDb),
            ["stereo_width"] = ToolResult.Number(a.StereoWidth),
            ["stereo_imbalance"] = ToolResult.Number(a.StereoImbalance),
            ["duration_s"] = ToolResult.Number(a.DurationSeconds),
            ["octave_db"] = octaves,
        };
        if (a.IsSilent) o["note"] = "silent (below -70 LUFS)";
        return o;
    }

    private static JsonArray EqSummary(ParametricEqSettings eq)
    {
        var bands = new JsonArray();
        for (int i = 0; i < eq.Bands.Length; i++)
        {
            var b = eq.Bands[i];
            if (b.IsFlat) continue;
            bands.Add(new JsonObject
            {
                ["band"] = i + 1,
                ["type"] = Persistence.EqBandTypes.WireName(b.Type),
                ["freq_hz"] = b.FrequencyHz,
                ["gain_db"] = b.GainDb,
                ["q"] = b.Q,
            });
        }
        return bands;
    }

    private static JsonObject CompressorSummary(CompressorSettings c) => new()
    {
        ["threshold_db"] = c.ThresholdDb,
        ["ratio"] = c.Ratio,
        ["attack_ms"] = c.AttackMs,
        ["release_ms"] = c.ReleaseMs,
        ["knee_db"] = c.KneeDb,
        ["makeup_db"] = c.MakeupDb,
    };

    private static string Or(string text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text.Trim();

    private static string? Empty(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
