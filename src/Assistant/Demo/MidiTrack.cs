namespace Mixwright.Assistant.Demo;

/// <summary>
/// One instrument's part: a named MIDI track on one channel with one General MIDI program.
/// Channels are 0-based as on the wire, so the General MIDI drum channel ("channel 10") is
/// <see cref="DrumChannel"/> = 9; programs are 0-based too (0 = Acoustic Grand Piano).
/// </summary>
public sealed record MidiTrack
{
    public const int DrumChannel = 9;

    public MidiTrack(string name, int channel, int program, IReadOnlyList<MidiNote> notes)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(notes);
        if (channel is < 0 or > 15)
            throw new ArgumentOutOfRangeException(nameof(channel), channel, "A MIDI channel is 0..15 (the drum channel is 9).");
        if (program is < 0 or > 127)
            throw new ArgumentOutOfRangeException(nameof(program), program, "A General MIDI program is 0..127.");
        Name = name;
        Channel = channel;
        Program = program;
        Notes = notes;
    }

    public string Name { get; }
    public int Channel { get; }
    public int Program { get; }
    public IReadOnlyList<MidiNote> Notes { get; }
    public bool IsDrums => Channel == DrumChannel;
    public long EndTick => Notes.Count == 0 ? 0 : Notes.Max(n => n.EndTick);
}
