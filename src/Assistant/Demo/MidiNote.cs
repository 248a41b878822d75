namespace Mixwright.Assistant.Demo;

/// <summary>
/// One note of a <see cref="MidiTrack"/>, in ticks from the start of the song (ticks per quarter note
/// are chosen when the file is written). Ranges are checked here, once, so every later stage can
/// trust a note (a class rather than a struct, so no unchecked default note can exist).
/// </summary>
public sealed record MidiNote
{
    public MidiNote(long startTick, long durationTicks, int key, int velocity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startTick);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(durationTicks);
        if (key is < 0 or > 127)
            throw new ArgumentOutOfRangeException(nameof(key), key, "A MIDI key is 0..127.");
        // Velocity 0 would be read back as a note-off, so an audible note starts at 1.
        if (velocity is < 1 or > 127)
            throw new ArgumentOutOfRangeException(nameof(velocity), velocity, "A MIDI note velocity is 1..127.");
        StartTick = startTick;
        DurationTicks = durationTicks;
        Key = key;
        Velocity = velocity;
    }

    public long StartTick { get; }
    public long DurationTicks { get; }
    public int Key { get; }
    public int Velocity { get; }
    public long EndTick => StartTick + DurationTicks;
}
