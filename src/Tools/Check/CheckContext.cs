using Mixwright.Tools.Session;

namespace Mixwright.Tools.Check;

/// <summary>What every finding rule reads: the session (console and roles), what was measured, and the delivery target.</summary>
public sealed record CheckContext(MixSession Session, MixMeasurements Measurements, DeliveryTarget Target)
{
    public ConsoleState Console => Session.Console;

    /// <summary>The audible tracks that are not silent: the ones a finding can be about.</summary>
    public IReadOnlyList<TrackMeasure> Playing { get; } = Measurements.Tracks.Where(t => !t.IsSilent).ToList();
}
