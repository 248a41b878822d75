using System.Collections.Immutable;
using Mixwright.Dsp.Mixing;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>One stem's matched strip; <paramref name="SectionStartSeconds"/> is where the analysed section began.</summary>
public sealed record MatchedTrack(string Name, TrackSettings Settings, bool Silent, double SectionStartSeconds);

/// <summary>
/// A match: the console as engine records (the tracks in the order given, the master, and the reverb the
/// sends assume), why each moved parameter has its value, and the features of the reference section and of
/// the matched mix of the analysed sections as the real engine renders it.
/// </summary>
public sealed record MatchResult(
    MatchMethod Method,
    IReadOnlyList<MatchedTrack> Tracks,
    MasterSettings Master,
    ReverbSettings Reverb,
    IReadOnlyList<ParameterDriver> Drivers,
    MixFeatures Reference,
    MixFeatures? Matched,
    double ReferenceSectionStartSeconds,
    double SectionSeconds,
    double ElapsedSeconds)
{
    /// <summary>Whether the reference was found to be a mix of the stems, and where; null when not checked.</summary>
    public Recording.RecordingAlignment? Alignment { get; init; }

    /// <summary>The console solved from the aligned signals when the reference is a mix of the stems, with its fit; null otherwise.</summary>
    public Recording.RecordingFit? Recording { get; init; }

    /// <summary>Errors of the matched sections against the reference section; null when the match was not rendered.</summary>
    public FeatureErrors? Errors => Matched is null ? null : FeatureErrors.Between(Matched, Reference);

    public MatchedTrack Track(string name) =>
        Tracks.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No matched track is named \"{name}\".", nameof(name));

    public IEnumerable<ParameterDriver> DriversFor(string target) =>
        Drivers.Where(d => string.Equals(d.Target, target, StringComparison.OrdinalIgnoreCase));

    /// <summary>The whole mix on the engine, each track reading the file given for it (same order as <see cref="Tracks"/>).</summary>
    public MixDefinition ToMixDefinition(IReadOnlyList<string> stemPaths, int sampleRate)
    {
        if (stemPaths.Count != Tracks.Count)
            throw new ArgumentException($"{Tracks.Count} matched tracks but {stemPaths.Count} stem files.", nameof(stemPaths));
        var tracks = Tracks.Select((t, i) => new MixTrack(t.Name, stemPaths[i], t.Settings)).ToImmutableArray();
        return new MixDefinition(tracks, Reverb, Master, sampleRate);
    }
}
