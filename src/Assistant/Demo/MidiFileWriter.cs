using System.Buffers.Binary;

namespace Mixwright.Assistant.Demo;

/// <summary>
/// Writes a Standard MIDI File, format 1: a tempo track followed by one track per
/// <see cref="MidiTrack"/>, each with its name, program change, notes and end-of-track.
/// It is our own because the NuGet mirror this project builds from carries no MIDI package, and the
/// demo needs only this small, well-specified subset of the format (no running status, no sysex).
/// </summary>
public static class MidiFileWriter
{
    public const int DefaultTicksPerQuarterNote = 480;

    // Delta times are variable-length quantities of at most four bytes (28 bits).
    private const long MaxDeltaTicks = 0x0FFF_FFFF;

    /// <summary>Writes <paramref name="tracks"/> to a new file at <paramref name="path"/>.</summary>
    /// <param name="endTick">
    /// Where every track ends at the latest of this and its last note-off. Giving the song's length
    /// makes separate files of one song render to the same length.
    /// </param>
    public static void Write(string path, IReadOnlyList<MidiTrack> tracks, double beatsPerMinute,
        int ticksPerQuarterNote = DefaultTicksPerQuarterNote, long endTick = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var file = File.Create(path);
        Write(file, tracks, beatsPerMinute, ticksPerQuarterNote, endTick);
    }

    /// <inheritdoc cref="Write(string, IReadOnlyList{MidiTrack}, double, int, long)"/>
    public static void Write(Stream destination, IReadOnlyList<MidiTrack> tracks, double beatsPerMinute,
        int ticksPerQuarterNote = DefaultTicksPerQuarterNote, long endTick = 0)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(tracks);
        if (tracks.Count > ushort.MaxValue - 1)
            throw new ArgumentOutOfRangeException(nameof(tracks), tracks.Count, "A MIDI file holds at most 65534 tracks besides its tempo track.");
        // The header's division field holds ticks per quarter note in 15 bits; bit 15 would mean SMPTE timing.
        if (ticksPerQuarterNote is < 1 or > 0x7FFF)
            throw new ArgumentOutOfRangeException(nameof(ticksPerQuarterNote), ticksPerQuarterNote, "Ticks per quarter note must be 1..32767.");
        ArgumentOutOfRangeException.ThrowIfNegative(endTick);
        long microsecondsPerQuarter = double.IsFinite(beatsPerMinute) && beatsPerMinute > 0
            ? (long)Math.Round(60_000_000.0 / beatsPerMinute)
            : 0;
        if (microsecondsPerQuarter is < 1 or > 0xFF_FFFF)
            throw new ArgumentOutOfRangeException(nameof(beatsPerMinute), beatsPerMinute, "The tempo must be between 3.6 and 60,000,000 beats per minute (a 24-bit tempo event).");

        Span<byte> header = stackalloc byte[14];
        "MThd"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], 6);
        BinaryPrimitives.WriteUInt16BigEndian(header[8..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(header[10..], (ushort)(tracks.Count + 1));
        BinaryPrimitives.WriteUInt16BigEndian(header[12..], (ushort)ticksPerQuarterNote);
        destination.Write(header);

        long songEnd = Math.Max(endTick, tracks.Count == 0 ? 0 : tracks.Max(t => t.EndTick));
        WriteTempoTrack(destination, microsecondsPerQuarter, songEnd);
        foreach (var track in tracks) WriteTrack(destination, track, songEnd);
    }

    private static void WriteTempoTrack(Stream destination, long microsecondsPerQuarter, long songEnd)
    {
        var events = new TrackEvents();
        events.Add(0, [0xFF, 0x51, 0x03, (byte)(microsecondsPerQuarter >> 16), (byte)(microsecondsPerQuarter >> 8), (byte)microsecondsPerQuarter]);
        events.WriteChunk(destination, songEnd);
    }

    private static void WriteTrack(Stream destination, MidiTrack track, long songEnd)
    {
        var events = new TrackEvents();
        byte[] name = System.Text.Encoding.UTF8.GetBytes(track.Name);
        events.Add(0, [0xFF, 0x03, .. VariableLength(name.Length), .. name]);
        events.Add(0, [(byte)(0xC0 | track.Channel), (byte)track.Program]);
        foreach (var note in WithoutSameKeyOverlaps(track.Notes))
        {
            // Note-off as a note-on with velocity 0 would also do, but an explicit 0x80 reads unambiguously.
            events.Add(note.StartTick, [(byte)(0x90 | track.Channel), (byte)note.Key, (byte)note.Velocity]);
            events.Add(note.EndTick, [(byte)(0x80 | track.Channel), (byte)note.Key, 0x40], isNoteOff: true);
        }
        events.WriteChunk(destination, songEnd);
    }

    /// <summary>
    /// A channel has one voice per key in MIDI: a note-off ends the key whatever note-on started it.
    /// So a note that is still held when the same key strikes again is cut at that strike, and of
    /// two notes struck together on one key the later-listed wins.
    /// </summary>
    private static IEnumerable<MidiNote> WithoutSameKeyOverlaps(IReadOnlyList<MidiNote> notes)
    {
        foreach (var sameKey in notes.GroupBy(n => n.Key))
        {
            var ordered = sameKey.OrderBy(n => n.StartTick).ToList();
            for (int i = 0; i < ordered.Count; i++)
            {
                var note = ordered[i];
                if (i + 1 < ordered.Count)
                {
                    long nextStart = ordered[i + 1].StartTick;
                    if (nextStart == note.StartTick) continue;
                    if (note.EndTick > nextStart)
                        note = new MidiNote(note.StartTick, nextStart - note.StartTick, note.Key, note.Velocity);
                }
                yield return note;
            }
        }
    }

    private static byte[] VariableLength(long value)
    {
        if (value is < 0 or > MaxDeltaTicks)
            throw new ArgumentOutOfRangeException(nameof(value), value, "A MIDI variable-length quantity is 0..0x0FFFFFFF.");
        Span<byte> reversed = stackalloc byte[4];
        int count = 0;
        do
        {
            reversed[count++] = (byte)(value & 0x7F);
            value >>= 7;
        } while (value > 0);
        var bytes = new byte[count];
        // Big-endian groups of seven bits; every byte but the last has its continuation bit set.
        for (int i = 0; i < count; i++)
            bytes[i] = (byte)(reversed[count - 1 - i] | (i < count - 1 ? 0x80 : 0));
        return bytes;
    }

    private sealed class TrackEvents
    {
        private readonly List<(long Tick, int Order, int Sequence, byte[] Bytes)> _events = [];

        // At one tick note-offs go first, so a key released and struck again at the same moment sounds again.
        public void Add(long tick, byte[] bytes, bool isNoteOff = false) =>
            _events.Add((tick, isNoteOff ? 0 : 1, _events.Count, bytes));

        public void WriteChunk(Stream destination, long endTick)
        {
            using var body = new MemoryStream();
            long previous = 0;
            foreach (var e in _events.OrderBy(e => e.Tick).ThenBy(e => e.Order).ThenBy(e => e.Sequence))
            {
                body.Write(VariableLength(e.Tick - previous));
                body.Write(e.Bytes);
                previous = e.Tick;
            }
            body.Write(VariableLength(Math.Max(0, endTick - previous)));
            body.Write([0xFF, 0x2F, 0x00]);

            Span<byte> chunkHeader = stackalloc byte[8];
            "MTrk"u8.CopyTo(chunkHeader);
            BinaryPrimitives.WriteUInt32BigEndian(chunkHeader[4..], checked((uint)body.Length));
            destination.Write(chunkHeader);
            body.Position = 0;
            body.CopyTo(destination);
        }
    }
}
