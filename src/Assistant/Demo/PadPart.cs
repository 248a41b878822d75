namespace Mixwright.Assistant.Demo;

/// <summary>
/// The pad holds each bar's chord for the whole bar, low and close, quiet until the chorus where
/// it swells; it carries the song's loudness change more than any other part.
/// </summary>
internal static class PadPart
{
    private const int Low = 52, High = 67;   // E3..G4, under the piano's hand

    public static IReadOnlyList<MidiNote> Compose(IReadOnlyList<SongBar> bars, int seed)
    {
        var pad = new PartBuilder(new SeededRandom(seed, 8), 3, 4);
        int[]? voicing = null;
        foreach (var bar in bars)
        {
            voicing = bar.Chord.Voicing(Low, High, voicing);
            int velocity = bar.Section switch
            {
                DemoSectionKind.Intro => 50,
                DemoSectionKind.Verse => 58,
                DemoSectionKind.Chorus => 92,
                _ => 80,
            };
            // Released just before the bar line so the next chord re-attacks instead of blurring.
            pad.AddChord(bar.StartTick, 8L * bar.TicksPerEighth - 15, voicing, velocity);
        }
        return pad.Notes;
    }
}
