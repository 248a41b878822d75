namespace Mixwright.Assistant.Demo;

/// <summary>
/// The koto's counter-melody, above the voice: a rippling arpeggio in the intro, short falling
/// answers while the voice holds its long notes in the verse, and a running figure through the
/// chorus. Plucked strings die away quickly, so it can move in eighths without clouding the voice.
/// </summary>
internal static class CounterMelodyPart
{
    private const int Low = 67, High = 88;   // G4..E6

    // Indices into the chord tones from Low upward; -1 is a rest.
    private static readonly int[][] Figures =
    [
        [0, 1, 2, 3, 4, 3, 2, 1],
        [0, 2, 1, 3, 2, 4, 3, 5],
        [4, 3, 2, 3, 1, 2, 0, -1],
        [2, 4, 3, 5, 4, 2, 3, -1],
    ];

    public static IReadOnlyList<MidiNote> Compose(IReadOnlyList<SongBar> bars, int seed)
    {
        var koto = new PartBuilder(new SeededRandom(seed, 11), 5, 9);
        var choices = new SeededRandom(seed, 12);
        int[] figure = Figures[0];
        int eighth = bars[0].TicksPerEighth;

        foreach (var bar in bars)
        {
            var tones = bar.Chord.TonesBetween(Low, High);
            switch (bar.Section)
            {
                case DemoSectionKind.Intro:
                    Play(koto, bar, tones, Figures[bar.BarInSection % 2], 80, restChance: 0, choices);
                    break;

                case DemoSectionKind.Verse when bar.BarInSection % 2 == 1:
                    // An answer falling from the top chord tones on beats three and four.
                    for (int e = 4; e < 8; e++)
                        koto.Add(bar.TickAtEighth(e), 2L * eighth, tones[^(e - 3)], e == 4 ? 78 : 68);
                    break;

                case DemoSectionKind.Chorus:
                    if (bar.BarInSection % 2 == 0) figure = choices.Pick(Figures);
                    Play(koto, bar, tones, figure, 92, restChance: 0.2, choices);
                    break;

                case DemoSectionKind.Ending:
                    koto.AddChord(bar.StartTick, 8L * eighth, [tones[0], tones[0] + 12], 94);
                    break;
            }
        }
        return koto.Notes;
    }

    private static void Play(PartBuilder koto, SongBar bar, List<int> tones, int[] figure, int velocity, double restChance, SeededRandom choices)
    {
        for (int e = 0; e < 8; e++)
        {
            int index = figure[e];
            // The downbeat always sounds; elsewhere an occasional rest lets the figure breathe.
            if (index < 0 || (e > 0 && choices.Chance(restChance))) continue;
            int accent = e % 2 == 0 ? 0 : -12;
            koto.Add(bar.TickAtEighth(e), 2L * bar.TicksPerEighth, tones[Math.Min(index, tones.Count - 1)], velocity + accent);
        }
    }
}
