namespace Mixwright.Tools.Tests.Support;

/// <summary>A clock that starts at a fixed instant and moves one minute each time it is read.</summary>
internal sealed class SteppingClock : TimeProvider
{
    private DateTimeOffset _now = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        var now = _now;
        _now = _now.AddMinutes(1);
        return now;
    }
}
