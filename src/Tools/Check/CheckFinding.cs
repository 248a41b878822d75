using Mixwright.Tools.Session;

namespace Mixwright.Tools.Check;

/// <summary>
/// One thing the mix check found, from measurement: what kind of problem, how bad, on which tracks, the numbers
/// in words a musician reads, why it matters, and the console changes that would address it. The proposal is
/// only a proposal: nothing is applied until the user confirms it. An empty proposal means no console move can
/// repair it (a stem clipped in its file must be exported again).
/// </summary>
/// <param name="Kind">Wire name: buried, too_loud, masking, mud, boom, harsh, sibilance, dull, phase, clipping, loudness, dynamics, imbalance.</param>
/// <param name="Score">How far past its threshold the measurement is, to rank findings of equal severity.</param>
public sealed record CheckFinding(
    string Kind,
    FindingSeverity Severity,
    IReadOnlyList<string> Tracks,
    string Measurement,
    string Explanation,
    IReadOnlyList<ChangeRequest> Proposal,
    double Score)
{
    /// <summary>A one-line title: "high: Lead Vox is buried".</summary>
    public string Title { get; init; } = Kind;
}
