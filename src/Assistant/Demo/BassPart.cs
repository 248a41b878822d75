namespace Mixwright.Assistant.Demo;

/// <summary>
/// The bass line: roots on the downbeats, fifths and octaves in between, and a passing note on the
/// last eighth that leads into the next chord's root, so the line walks with the harmony. It rests
/// in the intro, grooves in the verse and drives eighths in the chorus.
/// </summary>
internal static class BassPart
{
    private const int LowestRoot = 36;   // C2: roots sit in C2..B2, the fingered bass's sweet spot
    private const double Articulation = 0.92;

    // (start, length) in eighths: two verse grooves, each kept for two bars like a player would.
    private static readonly (int Start, int Length, Degree Degree)[][] VerseGrooves =
    [
        [(0, 3, Degree.Root), (3, 1, Degree.Root), (4, 2, Degree.Fifth), (6, 1, Degree.Root), (7, 1, Degree.Approach)],
        [(0, 2, Degree.Root), (2, 1, Degree.Root), (3, 1, Degree.Octave), (4, 3, Degree.Root), (7, 1, Degree.Approach)],
    ];

    private enum Degree { Root, Fifth, Octave, Approach }

    public static IReadOnlyList<MidiNote> Compose(IReadOnlyList<SongBar> bars, int seed)
    {
        var bass = new PartBuilder(new SeededRandom(seed, 5), 4, 7);
        var choices = new SeededRandom(seed, 6);
        var groove = VerseGrooves[0];
        int eighth = bars[0].TicksPerEighth;

        foreach (var bar in bars)
        {
            int root = Chord.AtOrAbove(bar.Chord.RootPitchClass, LowestRoot);
            switch (bar.Section)
            {
                case DemoSectionKind.Verse:
                    if (bar.BarInSection % 2 == 0) groove = choices.Pick(VerseGrooves);
                    foreach (var (start, length, degree) in groove)
                        Play(bass, bar, start, length, Pitch(degree, root, bar, choices), start == 0 ? 96 : 84);
                    break;

                case DemoSectionKind.Chorus:
                    for (int e = 0; e < 8; e++)
                    {
                        var degree = e switch
                        {
                            3 when choices.Chance(0.5) => Degree.Octave,
                            6 => Degree.Fifth,
                            7 => Degree.Approach,
                            _ => Degree.Root,
                        };
                        Play(bass, bar, e, 1, Pitch(degree, root, bar, choices), e % 2 == 0 ? 104 : 90);
                    }
                    break;

                case DemoSectionKind.Ending:
                    // The last note drops an octave for weight.
                    bass.Add(bar.StartTick, 8L * eighth, root - 12, 108);
                    break;
            }
        }
        return bass.Notes;
    }

    private static void Play(PartBuilder bass, SongBar bar, int startEighth, int lengthEighths, int key, int velocity) =>
        bass.Add(bar.TickAtEighth(startEighth), (long)(lengthEighths * bar.TicksPerEighth * Articulation), key, velocity);

    private static int Pitch(Degree degree, int root, SongBar bar, SeededRandom choices)
    {
        switch (degree)
        {
            case Degree.Fifth: return root + 7;
            case Degree.Octave: return root + 12;
            case Degree.Approach:
                int target = Chord.AtOrAbove(bar.NextChord.RootPitchClass, LowestRoot);
                // Into the next root from a semitone below or above, or from the scale step above it.
                return choices.Pick([target - 1, target + 1, bar.NextChord.ScaleStep(target, 1)]);
            default: return root;
        }
    }
}
