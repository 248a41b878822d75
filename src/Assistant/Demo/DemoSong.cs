namespace Mixwright.Assistant.Demo;

/// <summary>
/// The demo song, composed from a seed: A minor, 100 BPM in 4/4, a two-bar intro, an eight-bar verse,
/// an eight-bar chorus that is louder and busier, and a final chord (about 46 s). Eight parts,
/// each its own stem: kick, snare, hats, bass, piano, pad, a choir-voiced lead and a koto
/// counter-melody. The same seed gives the same notes on every machine; the seed changes the
/// grooves, melodies and the humanised timing and velocities, not the form or the chords.
/// </summary>
public sealed class DemoSong
{
    public const double BeatsPerMinute = 100;
    public const int BeatsPerBar = 4;
    public const int TicksPerQuarterNote = MidiFileWriter.DefaultTicksPerQuarterNote;
    private const int TicksPerEighth = TicksPerQuarterNote / 2;
    private const int TicksPerBar = BeatsPerBar * TicksPerQuarterNote;

    private static readonly Chord Am = Chord.Minor(9), F = Chord.Major(5), C = Chord.Major(0),
        G = Chord.Major(7), E = Chord.Major(4), Em = Chord.Minor(4);

    private static readonly (DemoSectionKind Kind, Chord[] Chords)[] Form =
    [
        (DemoSectionKind.Intro, [Am, F]),
        (DemoSectionKind.Verse, [Am, F, C, G, Am, F, C, E]),
        (DemoSectionKind.Chorus, [F, G, Em, Am, F, G, C, E]),
        (DemoSectionKind.Ending, [Am]),
    ];

    private DemoSong(int seed, IReadOnlyList<DemoSection> sections, IReadOnlyList<DemoStem> stems, long lengthTicks)
    {
        Seed = seed;
        Sections = sections;
        Stems = stems;
        LengthTicks = lengthTicks;
        // Humanised final notes may be held a few ticks past the last bar line.
        FileEndTick = Math.Max(lengthTicks, stems.Max(s => s.Track.EndTick));
    }

    public int Seed { get; }
    public IReadOnlyList<DemoSection> Sections { get; }
    public IReadOnlyList<DemoStem> Stems { get; }

    /// <summary>Where the last bar ends; instruments ring on after it.</summary>
    public long LengthTicks { get; }

    /// <summary>Where every stem's MIDI file ends: the same for all, so their renders match in length.</summary>
    public long FileEndTick { get; }

    public double DurationSeconds => SecondsAt(LengthTicks);

    public static double SecondsAt(long tick) => tick * 60.0 / (BeatsPerMinute * TicksPerQuarterNote);

    public static DemoSong Compose(int seed = 1)
    {
        var bars = new List<SongBar>();
        var sections = new List<DemoSection>();
        var allChords = Form.SelectMany(s => s.Chords).ToArray();
        foreach (var (kind, chords) in Form)
        {
            int startBar = bars.Count;
            for (int b = 0; b < chords.Length; b++)
            {
                int index = bars.Count;
                var next = allChords[Math.Min(index + 1, allChords.Length - 1)];
                bars.Add(new SongBar(index, kind, b, chords.Length, chords[b], next, (long)index * TicksPerBar, TicksPerEighth));
            }
            sections.Add(new DemoSection(kind, startBar, chords.Length,
                SecondsAt((long)startBar * TicksPerBar), SecondsAt((long)bars.Count * TicksPerBar)));
        }

        var (kick, snare, hats) = DrumPart.Compose(bars, seed);
        // Levels are uneven on purpose (see DemoStem): a hot bass and a buried lead to fix.
        DemoStem[] stems =
        [
            new("Kick", Drums("Kick", kick), -4, 1),
            new("Snare", Drums("Snare", snare), -6, 1),
            new("Hats", Drums("Hats", hats), -14, 1),
            new("Bass", new MidiTrack("Bass", 0, GeneralMidi.FingeredBass, BassPart.Compose(bars, seed)), -5, 1),
            new("Piano", new MidiTrack("Piano", 1, GeneralMidi.AcousticGrandPiano, PianoPart.Compose(bars, seed)), -10, 2),
            new("Pad", new MidiTrack("Pad", 2, GeneralMidi.WarmPad, PadPart.Compose(bars, seed)), -14, 2),
            new("Lead Vocal", new MidiTrack("Lead Vocal", 3, GeneralMidi.ChoirAahs, LeadMelodyPart.Compose(bars, seed)), -15, 1),
            new("Koto", new MidiTrack("Koto", 4, GeneralMidi.Koto, CounterMelodyPart.Compose(bars, seed)), -12, 1),
        ];
        return new DemoSong(seed, sections, stems, (long)bars.Count * TicksPerBar);
    }

    /// <summary>
    /// Writes one stem's part as its own MIDI file, ending at <see cref="FileEndTick"/> so that every
    /// stem's file renders to the same length from the same start.
    /// </summary>
    public void WriteMidi(DemoStem stem, string path)
    {
        ArgumentNullException.ThrowIfNull(stem);
        if (!Stems.Contains(stem)) throw new ArgumentException($"Stem '{stem.Name}' is not part of this song.", nameof(stem));
        MidiFileWriter.Write(path, [stem.Track], BeatsPerMinute, TicksPerQuarterNote, FileEndTick);
    }

    private static MidiTrack Drums(string name, IReadOnlyList<MidiNote> notes) =>
        new(name, MidiTrack.DrumChannel, GeneralMidi.StandardDrumKit, notes);
}
