using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>
/// A console for the audible stems (in <see cref="PreparedMatch.Audible"/> order), with the starting point its
/// moves are explained against (<see cref="Baseline"/>), and the engine's measurement of it when a matcher
/// already rendered it.
/// </summary>
internal sealed record ConsoleProposal(
    IReadOnlyList<TrackSettings> Tracks,
    MasterSettings Master,
    ReverbSettings Reverb,
    ConsoleProposal? Baseline = null,
    MixFeatures? Measured = null,
    IReadOnlyList<ParameterDriver>? Drivers = null);
