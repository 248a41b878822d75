namespace Mixwright.Tools.Bounce;

/// <summary>What a stem bounce wrote: one file per audible track, the reverb return (when the reverb is in use) and the settings sheet.</summary>
public sealed record BounceResult(
    string Folder,
    IReadOnlyList<string> TrackFiles,
    string? ReverbReturnFile,
    string SheetJson,
    string SheetText,
    IReadOnlyList<string> SkippedTracks,
    double DurationSeconds);
