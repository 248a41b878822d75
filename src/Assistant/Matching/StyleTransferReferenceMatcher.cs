using System.Collections.Immutable;
using System.Globalization;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Mixing;
using Mixwright.Dsp.Parameters;
using Mixwright.Embeddings.StyleTransfer;
using Mixwright.Embeddings.StyleTransfer.Recording;
using Mixwright.Embeddings.StyleTransfer.Scope;
using Mixwright.Tools;
using Mixwright.Tools.Plugin;
using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Matching;

/// <summary>
/// <c>match_reference</c> over a <see cref="IMixMatcher"/>: reads the audible stems and the reference, matches,
/// and proposes every parameter the match changes, each with the reference feature that drove it as a sentence
/// and as a measurement ("the reference's side channel is 3.1 dB louder above 4.2 kHz, so I panned hats 60%
/// right"). For one track only that track's strip is proposed; for the whole mix every audible track, the master
/// (its EQ, compressor and output gain; the limiter and loudness target stay as the user set them) and, when the
/// matched sends feed it, the reverb the sends were chosen for.
/// </summary>
public sealed class StyleTransferReferenceMatcher(IMixMatcher matcher) : IReferenceMatcher
{
    /// <summary>The model when one is installed (see <see cref="ModelFiles.Locate"/>), the search against the engine otherwise.</summary>
    public static StyleTransferReferenceMatcher CreateDefault(MatchOptions? options = null)
    {
        var files = ModelFiles.Locate();
        // A rough mix of the session's own stems is solved from the aligned signals before either is asked.
        return new StyleTransferReferenceMatcher(new RecordingMixMatcher(files.HasModel
            ? ModelMixMatcher.Load(files, options)
            : new OptimizingMixMatcher(options ?? new MatchOptions { OptimizeMaxTime = TimeSpan.FromSeconds(30) })));
    }

    public ReferenceMatchResult Match(ReferenceMatchRequest request)
    {
        var mix = request.Mix;
        var audible = mix.Tracks.Where(mix.IsAudible).ToArray();
        if (audible.Length == 0) throw new SessionException("Every track is muted, so there is no mix to match to the reference.");
        if (request.Target.Scope == TargetScope.Track && !audible.Any(t => Same(t.Name, request.Target.Track!)))
            throw new SessionException($"{request.Target.Track} is muted (or another track is soloed), so it is not in the mix to match; unmute it first.");

        MatchScope scope;
        try
        {
            scope = new MatchScope(MatchAspects.Parse(request.Only), request.AmountPercent,
                request.Target.Scope == TargetScope.Track ? [request.Target.Track!] : null).Validated();
        }
        catch (ArgumentException e)
        {
            throw new SessionException(e.Message, e);
        }

        MatchResult result;
        try
        {
            string cache = matcher.Options.ScratchDirectory ?? Path.Combine(Path.GetTempPath(), "mixwright-cache");
            var files = audible.Select(t => new StemFile(t.Name, t.FilePath, t.Settings)).ToArray();
            // Whole songs when a rough mix of these stems could be recognised (and they fit in memory); else only the analysed sections.
            var whole = matcher is RecordingMixMatcher ? WholeSongLoader.TryLoad(files, request.ReferencePath, cache) : null;
            if (matcher is RecordingMixMatcher recording) recording.ReferenceName = request.Reference.Name;
            if (whole is not null)
                result = matcher.Match(whole.Stems, whole.Reference);
            else
            {
                var stems = SectionLoader.LoadStems(files, matcher.Options, cache);
                var reference = SectionLoader.LoadReference(request.ReferencePath, matcher.Options, cache);
                result = matcher.Match(stems.Select(s => s.Stem).ToArray(), reference.Stem.Audio);
            }
        }
        catch (Exception e) when (e is AudioFormatException or InvalidDataException or IOException)
        {
            throw new SessionException($"Could not match {request.Reference.Name}: {e.Message}", e);
        }
        var strips = mix.Tracks.ToDictionary(t => t.Name, t => t.Settings, StringComparer.OrdinalIgnoreCase);
        result = MatchScoping.Apply(result, scope, name => strips[name], mix.Master, mix.Reverb);

        var current = new ConsoleState(mix.Tracks.ToImmutableDictionary(t => t.Name, t => t.Settings, StringComparer.OrdinalIgnoreCase), mix.Reverb, mix.Master);
        bool sendsOn = result.Tracks.Any(t => !t.Silent && t.Settings.ReverbSendDb > ConsoleRanges.OffDb);
        var matched = current with
        {
            Tracks = result.Tracks.Aggregate(current.Tracks, (d, t) => d.SetItem(t.Name, t.Settings)),
            Master = mix.Master with { Eq = result.Master.Eq, Compressor = result.Master.Compressor, OutputGainDb = result.Master.OutputGainDb },
            Reverb = sendsOn ? result.Reverb : mix.Reverb,
        };

        var targets = request.Target.Scope == TargetScope.Track
            ? [MixTarget.ForTrack(audible.First(t => Same(t.Name, request.Target.Track!)).Name)]
            : audible.Select(t => MixTarget.ForTrack(t.Name)).Append(MixTarget.Master).Append(MixTarget.Reverb).ToArray();
        var changes = new List<ChangeRequest>();
        foreach (var target in targets)
            foreach (var spec in ParameterCatalog.For(target.Scope))
            {
                var from = spec.Get(current, target);
                var to = spec.Get(matched, target);
                if (from == to || Inaudible(spec.Name, from, to, current, matched, target)) continue;
                changes.Add(new ChangeRequest(target, spec.Name, to, Rationale(result, target, spec.Name, request.Reference.Name)));
            }
        return new ReferenceMatchResult(Summary(result, request, changes.Count), changes);
    }

    /// <summary>A change nobody would hear (pan 0 -> -0, a send to -56 dB, the frequency of a flat band) is not proposed.</summary>
    private static bool Inaudible(string parameter, ParameterValue from, ParameterValue to, ConsoleState current, ConsoleState matched, MixTarget target)
    {
        static double Number(ParameterValue v) => v.Kind == ParameterValueKind.Off ? ConsoleRanges.OffDb : v.Number;
        if (from.Kind == ParameterValueKind.Flag || to.Kind == ParameterValueKind.Flag) return false;
        double bandFrom = double.NaN, bandTo = double.NaN;
        bool compressorOn = true;
        if (parameter.StartsWith("eq.band", StringComparison.Ordinal) && !parameter.EndsWith(".gain_db", StringComparison.Ordinal)
            && ParameterCatalog.TryGet(target.Scope, parameter[..(parameter.LastIndexOf('.') + 1)] + "gain_db", out var gain))
            (bandFrom, bandTo) = (Number(gain.Get(current, target)), Number(gain.Get(matched, target)));
        if (parameter.StartsWith("compressor.", StringComparison.Ordinal) && ParameterCatalog.TryGet(target.Scope, "compressor.enabled", out var enabled))
            compressorOn = enabled.Get(current, target).Flag || enabled.Get(matched, target).Flag;
        return InaudibleChange.Is(parameter, Number(from), Number(to), bandFrom, bandTo, compressorOn);
    }

    private static Rationale Rationale(MatchResult result, MixTarget target, string parameter, string referenceName)
    {
        string owner = target.Scope == TargetScope.Track ? target.Track! : ParameterDriver.MasterTarget;
        var driver = target.Scope == TargetScope.Reverb ? null
            : result.Drivers.FirstOrDefault(d => Same(d.Target, owner) && d.Parameter == parameter);
        if (driver is not null)
            return new Rationale(RationaleSource.ReferenceMatch, driver.Sentence, referenceName, driver.Measurement);
        string sentence = target.Scope switch
        {
            TargetScope.Reverb => $"The matched reverb sends were chosen for the console's default reverb ({ReverbText(result.Reverb)}).",
            _ when parameter == "gain_db" => $"Every stem starts from the same loudness; matching {referenceName} asked for no change from there.",
            _ => $"Set by matching {referenceName} ({MatchMethods.WireName(result.Method)} method).",
        };
        return new Rationale(RationaleSource.ReferenceMatch, sentence, referenceName);
    }

    private static string Summary(MatchResult result, ReferenceMatchRequest request, int changes)
    {
        var inv = CultureInfo.InvariantCulture;
        string scope = request.Target.Scope == TargetScope.Track ? $"{request.Target.Track} matched" : "Mix matched";
        string text = $"{scope} to {request.Reference.Name} ({MatchMethods.WireName(result.Method)}, {changes} changes)";
        if (result.Alignment is { } alignment) text += "; " + alignment.Message.TrimEnd('.');
        if (result.Recording is { } fit) text += string.Create(inv, $"; fit residual {fit.ResidualDb:0.0} dB");
        if (!string.IsNullOrEmpty(request.Only) || request.AmountPercent < 100)
            text += "; matched " + new MatchScope(MatchAspects.Parse(request.Only), request.AmountPercent).Describe();
        if (result.Errors is { } e)
            text += string.Create(inv, $"; left over on the analysed section: level {e.RmsDb:0.0} dB, crest {e.CrestDb:0.0} dB, width {e.Width:0.00}, spectrum {e.BarkMidDb:0.0} dB mid / {e.BarkSideDb:0.0} dB side");
        return text;
    }

    private static string ReverbText(ReverbSettings r) => string.Create(CultureInfo.InvariantCulture,
        $"decay {r.DecayS:0.0} s, pre-delay {r.PreDelayMs:0} ms, damping {r.Damping:0.0}, return {r.ReturnDb:0} dB");

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
