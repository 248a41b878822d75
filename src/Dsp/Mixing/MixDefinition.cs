using System.Collections.Immutable;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Dsp.Mixing;

/// <summary>One stem on the console: its file and its channel strip.</summary>
public sealed record MixTrack(string Name, string FilePath, TrackSettings Settings);

/// <summary>
/// Everything the engine needs to render a mix: the stems with their strips, the shared reverb and the
/// master bus. The session layer owns persistence, history and roles; this is the engine's input.
/// </summary>
public sealed record MixDefinition(ImmutableArray<MixTrack> Tracks, ReverbSettings Reverb, MasterSettings Master, int SampleRate = 44100)
{
    public const int MinSampleRate = 8000;
    public const int MaxSampleRate = 384000;

    public bool AnySolo => Tracks.Any(t => t.Settings.Solo);

    /// <summary>Whether a track is heard: muted tracks never are; when any track is soloed only soloed ones are.</summary>
    public bool IsAudible(MixTrack track) => !track.Settings.Mute && (!AnySolo || track.Settings.Solo);

    /// <summary>Checks every parameter against its declared range and the stems for duplicates.</summary>
    public MixDefinition Validated()
    {
        if (Tracks.IsDefaultOrEmpty) throw new ArgumentException("A mix needs at least one track.");
        if (SampleRate < MinSampleRate || SampleRate > MaxSampleRate)
            throw new ArgumentException($"Session sample rate must be between {MinSampleRate} and {MaxSampleRate} Hz (got {SampleRate}).");
        var duplicate = Tracks.GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Two tracks are named \"{duplicate.Key}\"; track names must be unique.");
        foreach (var t in Tracks) t.Settings.Validated(t.Name);
        Reverb.Validated();
        Master.Validated();
        return this;
    }
}
