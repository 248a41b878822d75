namespace Mixwright.Assistant.Demo;

/// <summary>
/// The piano comps the chords: soft half notes in the intro, a 3-3-2 pulse in the verse, harder
/// pushed chords over a left-hand root in the chorus, and a full final chord. The right hand keeps
/// its place and moves each chord as little as it can.
/// </summary>
internal static class PianoPart
{
    private const int RightHandLow = 57, RightHandHigh = 74;   // A3..D5
    private const int LeftHandLow = 43;                        // roots in G2..F#3, above the bass

    // (start, length, velocity) in eighths.
    private static readonly (int Start, int Length, int Velocity)[] IntroRhythm = [(0, 4, 58), (4, 4, 52)];
    private static readonly (int Start, int Length, int Velocity)[] VerseRhythm = [(0, 3, 74), (3, 3, 64), (6, 2, 68)];
    private static readonly (int Start, int Length, int Velocity)[] ChorusRhythm =
        [(0, 2, 98), (2, 1, 82), (3, 2, 92), (5, 1, 80), (6, 2, 88)];

    public static IReadOnlyList<MidiNote> Compose(IReadOnlyList<SongBar> bars, int seed)
    {
        var piano = new PartBuilder(new SeededRandom(seed, 7), 6, 6);
        int[]? hand = null;
        foreach (var bar in bars)
        {
            hand = bar.Chord.Voicing(RightHandLow, RightHandHigh, hand);
            var rhythm = bar.Section switch
            {
                DemoSectionKind.Intro => IntroRhythm,
                DemoSectionKind.Verse => VerseRhythm,
                DemoSectionKind.Chorus => ChorusRhythm,
                _ => [(0, 8, 100)],
            };
            foreach (var (start, length, velocity) in rhythm)
                piano.AddChord(bar.TickAtEighth(start), length * bar.TicksPerEighth - 20, hand, velocity);

            int leftRoot = Chord.AtOrAbove(bar.Chord.RootPitchClass, LeftHandLow);
            if (bar.Section == DemoSectionKind.Chorus)
                piano.Add(bar.StartTick, 8L * bar.TicksPerEighth - 20, leftRoot, 84);
            else if (bar.Section == DemoSectionKind.Ending)
                piano.AddChord(bar.StartTick, 8L * bar.TicksPerEighth, [leftRoot - 12, leftRoot], 96);
        }
        return piano.Notes;
    }
}
