using System.Collections.Immutable;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Tools.Session;

/// <summary>
/// The whole console at one moment: every track's strip, the shared reverb and the master, as the engine's
/// own immutable records. Immutable itself, so history points and proposals are cheap copies.
/// </summary>
public sealed record ConsoleState(ImmutableDictionary<string, TrackSettings> Tracks, ReverbSettings Reverb, MasterSettings Master)
{
    public static ConsoleState Initial(IEnumerable<string> trackNames) => new(
        trackNames.ToImmutableDictionary(n => n, _ => TrackSettings.Default, StringComparer.OrdinalIgnoreCase),
        ReverbSettings.Default,
        MasterSettings.Default);

    public TrackSettings Track(string name) =>
        Tracks.TryGetValue(name, out var settings) ? settings : throw new SessionException($"There is no track named {Text.DisplayText.Quote(name)}.");

    public ConsoleState WithTrack(string name, TrackSettings settings)
    {
        if (!Tracks.ContainsKey(name)) throw new SessionException($"There is no track named {Text.DisplayText.Quote(name)}.");
        return this with { Tracks = Tracks.SetItem(name, settings) };
    }
}
