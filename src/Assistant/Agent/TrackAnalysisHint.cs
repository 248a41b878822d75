namespace Mixwright.Assistant.Agent;

/// <summary>
/// What analysis says about a track's tone, used to choose between readings of an ambiguous word.
/// <see cref="RegionExcessDb"/> maps a region name (low, lowmid, mid, presence, high...) to how many dB
/// the track has there above what is typical for its role (negative: below).
/// </summary>
public sealed record TrackAnalysisHint(string Track, IReadOnlyDictionary<string, double> RegionExcessDb);
