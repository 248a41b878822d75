using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Mixwright.Dsp.Mixing;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools;
using Mixwright.Tools.Analysis;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Plugin;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;

namespace Mixwright.Assistant.Tui;

/// <summary>
/// What the TUI shows and the few things its keys do, over the same session, tools and engine the chat
/// uses: the stems' cached analyses, the last render (loudness, gain reduction per track), the reference's
/// analysis, and Apply / Discard / Edit / Why on the pending proposal. Long operations take a progress
/// sink and a cancellation token and are meant to run off the UI thread; what they produce is swapped in
/// whole, so the UI thread always reads a consistent value.
/// </summary>
public sealed partial class MixingDesk
{
    private readonly StemAnalyses _analyses;
    private ImmutableDictionary<string, AnalysisSummary> _stemAnalyses = ImmutableDictionary<string, AnalysisSummary>.Empty;

    /// <param name="descriptors">Turns words such as "warm" into settings; without one the tools say they cannot.</param>
    /// <param name="referenceMatcher">Matches the mix to a reference; without one the tools say they cannot.</param>
    public MixingDesk(MixSession session, DspMixEngine engine, IDescriptorResolver? descriptors = null, IReferenceMatcher? referenceMatcher = null)
    {
        Session = session;
        Engine = engine;
        Tools = new MixTools(session, engine, descriptors, referenceMatcher);
        _analyses = Mixwright.Tools.Analysis.StemAnalyses.For(session, engine);
        foreach (var stem in session.Stems)
            if (_analyses.Cached(stem).Analysis is { } cached) _stemAnalyses = _stemAnalyses.SetItem(stem.Name, cached);
    }

    public MixSession Session { get; }
    public DspMixEngine Engine { get; }
    public MixTools Tools { get; }

    /// <summary>Raw stem measurements by track name (before gain, EQ and compression).</summary>
    public IReadOnlyDictionary<string, AnalysisSummary> StemAnalyses => _stemAnalyses;
    public RenderSummary? LastRender { get; private set; }
    public ReferenceAnalysis? Reference { get; private set; }

    /// <summary>The file the render key writes: beside the session, named after it.</summary>
    public string RenderPath => Path.Combine(Session.Directory, Path.GetFileNameWithoutExtension(Session.FilePath) + "-mix.wav");

    /// <summary>Stems with no analysis yet, and whether the newest reference still needs measuring.</summary>
    public bool NeedsAnalysis => Session.Stems.Any(s => !_stemAnalyses.ContainsKey(s.Name))
        || (Session.References.Count > 0 && Reference?.Clip != Session.References[^1]);

    /// <summary>Measures every stem the cache does not hold, then the newest reference.</summary>
    public void Analyse(IProgress<RenderProgress>? progress, CancellationToken cancellation)
    {
        var missing = Session.Stems.Where(s => !_stemAnalyses.ContainsKey(s.Name)).ToList();
        var clip = Session.References.Count > 0 && Reference?.Clip != Session.References[^1] ? Session.References[^1] : null;
        int total = missing.Count + (clip is null ? 0 : 1), done = 0;
        foreach (var stem in missing)
        {
            cancellation.ThrowIfCancellationRequested();
            progress?.Report(new RenderProgress($"analysing {DisplayText.Clean(stem.Name)}", (double)done / total));
            _stemAnalyses = _stemAnalyses.SetItem(stem.Name, _analyses.Analyze(stem));
            done++;
        }
        if (clip is not null)
        {
            cancellation.ThrowIfCancellationRequested();
            progress?.Report(new RenderProgress($"analysing reference {clip.Name}", (double)done / total));
            Reference = new ReferenceAnalysis(clip, Engine.AnalyzeStem(Session.ResolvePath(clip.File)));
        }
        progress?.Report(new RenderProgress("analysis done", 1));
    }

    /// <summary>Renders the current console to <see cref="RenderPath"/>; a cancelled render leaves no file.</summary>
    public RenderSummary Render(IProgress<RenderProgress>? progress, CancellationToken cancellation)
    {
        var console = Session.Console;
        var result = OfflineRenderer.Render(Session.ToMixDefinition(console), new RenderOptions(RenderPath) { CacheDirectory = Engine.CacheDirectory }, progress, cancellation);
        var summary = new RenderSummary(result.OutputPath, DspMixEngine.Summarise(result.Analysis), result.TrackGainReductionDb,
            result.MasterGainReductionDb, result.LimiterGainReductionDb, console);
        LastRender = summary;
        return summary;
    }

    /// <summary>Renders one track alone, through its strip and the master, for listening.</summary>
    public string RenderSolo(string track, IProgress<RenderProgress>? progress, CancellationToken cancellation)
    {
        var stem = Session.ResolveTrack(track);
        var console = Session.Console;
        var solo = console.Tracks.Aggregate(console, (state, t) => state.WithTrack(t.Key, t.Value with { Solo = t.Key == stem.Name, Mute = false }));
        Directory.CreateDirectory(Engine.CacheDirectory);
        string path = Path.Combine(Engine.CacheDirectory, "solo.wav");
        OfflineRenderer.Render(Session.ToMixDefinition(solo), new RenderOptions(path) { CacheDirectory = Engine.CacheDirectory }, progress, cancellation);
        return path;
    }

    /// <summary>Applies the pending proposal through the commit tool.</summary>
    public (string Text, bool Ok) Apply() => ToolReplyText.Describe("commit", Tools.Commit());

    /// <summary>Drops the pending proposal through the discard tool.</summary>
    public (string Text, bool Ok) Discard() => ToolReplyText.Describe("discard", Tools.Discard());

    /// <summary>
    /// Replaces one proposed value with what the user typed ("4", "+4 dB", "on", "off"), checked against the
    /// parameter's declared range before the proposal changes.
    /// </summary>
    public (string Text, bool Ok) Edit(ParameterChange change, string typed)
    {
        try
        {
            var spec = ParameterCatalog.Get(change.Target.Scope, change.Parameter);
            var value = spec.Validate(Parse(spec, typed), change.Target);
            string sentence = $"You changed the proposed value by hand ({change.To.Display(spec.Unit)} → {value.Display(spec.Unit)}). {change.Rationale.Sentence}";
            Session.Propose([new ChangeRequest(change.Target, change.Parameter, value,
                new Rationale(RationaleSource.Manual, sentence, change.Rationale.Quote, change.Rationale.Measurement))]);
            return ($"Edited: {DisplayText.Clean(change.Target.ToString())} {change.Parameter} → {value.Display(spec.Unit)} (not applied yet).", true);
        }
        catch (Exception e) when (e is SessionException or ArgumentException)
        {
            return (e.Message, false);
        }
    }

    /// <summary>"Why is it like this?" for one track (or the master) and parameter, from the rationale history.</summary>
    public string Why(MixTarget target, string parameter)
    {
        try
        {
            return Session.Explain(target.Scope == TargetScope.Track ? target.Track! : target.ScopeWireName, parameter);
        }
        catch (SessionException e)
        {
            return e.Message;
        }
    }

    /// <summary>The EQ's net response at the ten octave centres, for a track or the master, now or with the proposal applied.</summary>
    public IReadOnlyList<double> EqResponse(MixTarget target, bool withPending = false)
    {
        var console = withPending && Session.Pending is not null ? Session.StateAt(Session.ParsePoint("pending")) : Session.Console;
        var (eq, highPass) = target.Scope == TargetScope.Track
            ? (console.Track(target.Track!).Eq, console.Track(target.Track!).HighPass)
            : (console.Master.Eq, (HighPassSettings?)null);
        return Engine.EqResponseDb(eq, highPass is { Enabled: true } ? highPass : null, OctaveBands.CentresHz, Session.SampleRate);
    }

    /// <summary>
    /// Mix minus reference per octave, with the overall level difference taken out (the reference is usually
    /// mastered louder): what is left is tonal balance. Null until both a render and a reference analysis exist.
    /// </summary>
    public IReadOnlyList<double?>? ReferenceDifference()
    {
        if (LastRender is not { } render || Reference is not { } reference) return null;
        var raw = OctaveBands.Labels.Select(label =>
            render.Mix.OctaveDb.TryGetValue(label, out double m) && reference.Analysis.OctaveDb.TryGetValue(label, out double r)
            && double.IsFinite(m) && double.IsFinite(r) ? m - r : (double?)null).ToList();
        var known = raw.OfType<double>().ToList();
        if (known.Count == 0) return raw;
        double offset = known.Average();
        return raw.Select(d => d - offset).ToList();
    }

    private static ParameterValue Parse(ParameterSpec spec, string typed)
    {
        string t = typed.Trim().ToLowerInvariant();
        if (spec.Kind == ParameterKind.Flag)
        {
            return t switch
            {
                "on" or "true" or "yes" or "1" => ParameterValue.Of(true),
                "off" or "false" or "no" or "0" => ParameterValue.Of(false),
                _ => throw new SessionException($"{spec.Name} is on or off; type on or off (got \"{DisplayText.Clean(typed)}\")."),
            };
        }
        if (spec.Kind == ParameterKind.OptionalNumber && t == "off") return ParameterValue.Off;
        var number = LeadingNumber().Match(t);
        if (!number.Success)
            throw new SessionException($"{spec.Name} needs a number, {spec.Range!.Describe()} (got \"{DisplayText.Clean(typed)}\").");
        return ParameterValue.Of(double.Parse(number.Value, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?=\s*[a-z:%]*$)")]
    private static partial Regex LeadingNumber();
}

/// <summary>The last full render: where it went, how it measured, each compressor's deepest gain reduction, the console it rendered.</summary>
public sealed record RenderSummary(
    string File,
    AnalysisSummary Mix,
    IReadOnlyDictionary<string, double> TrackGainReductionDb,
    double MasterGainReductionDb,
    double LimiterGainReductionDb,
    ConsoleState Console);

/// <summary>A reference clip and its measurements.</summary>
public sealed record ReferenceAnalysis(ReferenceClip Clip, AnalysisSummary Analysis);
