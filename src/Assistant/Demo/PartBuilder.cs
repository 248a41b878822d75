namespace Mixwright.Assistant.Demo;

/// <summary>
/// Collects one part's notes and plays them like a person: each note lands a few milliseconds
/// off the grid and a little louder or softer than written, so the rendered stem has the uneven
/// dynamics of a performance rather than a flat machine level.
/// </summary>
internal sealed class PartBuilder(SeededRandom random, double timingSpreadTicks, int velocitySpread)
{
    private readonly List<MidiNote> _notes = [];

    public IReadOnlyList<MidiNote> Notes => _notes;

    public void Add(long tick, long durationTicks, int key, int velocity)
    {
        long start = Math.Max(0, tick + (long)Math.Round(random.Spread(timingSpreadTicks)));
        int played = Math.Clamp(velocity + (int)Math.Round(random.Spread(velocitySpread)), 1, 127);
        _notes.Add(new MidiNote(start, Math.Max(1, durationTicks), key, played));
    }

    public void AddChord(long tick, long durationTicks, IEnumerable<int> keys, int velocity)
    {
        foreach (int key in keys) Add(tick, durationTicks, key, velocity);
    }
}
