namespace Mixwright.Assistant.Demo;

/// <summary>
/// The sung lead: two-bar phrases of long, breathable notes (choir voices speak slowly), chord
/// tones on the strong beats and scale steps between them, ending every second phrase on the
/// chord's root or third. The chorus sits higher and louder, and its opening two bars are a hook
/// that comes back halfway through, as choruses do.
/// </summary>
internal static class LeadMelodyPart
{
    private const int PhraseEighths = 16;
    private const int BreathTicks = 30;

    // (start, length) in eighths within a two-bar phrase.
    private static readonly (int Start, int Length)[][] VersePhrases =
    [
        [(1, 2), (3, 1), (4, 4), (8, 2), (10, 2), (12, 4)],
        [(0, 3), (3, 1), (4, 2), (6, 2), (8, 6)],
        [(2, 2), (4, 2), (6, 2), (8, 3), (11, 1), (12, 3)],
    ];
    private static readonly (int Start, int Length)[][] ChorusPhrases =
    [
        [(0, 2), (2, 2), (4, 3), (7, 1), (8, 4), (12, 2), (14, 2)],
        [(0, 3), (3, 3), (6, 2), (8, 2), (10, 2), (12, 4)],
    ];

    private sealed record Register(int Low, int High, int Velocity);
    private static readonly Register VerseRegister = new(57, 69, 70);    // A3..A4
    private static readonly Register ChorusRegister = new(62, 76, 100);  // D4..E5

    public static IReadOnlyList<MidiNote> Compose(IReadOnlyList<SongBar> bars, int seed)
    {
        var lead = new PartBuilder(new SeededRandom(seed, 9), 8, 7);
        var choices = new SeededRandom(seed, 10);
        List<(int Start, int Length, int Key)>? hook = null;
        int current = 64;

        for (int i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            if (bar.Section == DemoSectionKind.Ending)
            {
                lead.Add(bar.StartTick, 8L * bar.TicksPerEighth, bar.Chord.NearestTone(current), 88);
                continue;
            }
            bool phraseStart = (bar.Section is DemoSectionKind.Verse or DemoSectionKind.Chorus) && bar.BarInSection % 2 == 0;
            if (!phraseStart || i + 1 >= bars.Count) continue;

            bool chorus = bar.Section == DemoSectionKind.Chorus;
            var register = chorus ? ChorusRegister : VerseRegister;
            int phraseIndex = bar.BarInSection / 2;
            bool cadence = phraseIndex % 2 == 1;
            List<(int Start, int Length, int Key)> phrase;
            if (chorus && phraseIndex == 2 && hook is not null)
                phrase = hook;
            else
            {
                var rhythm = choices.Pick(chorus ? ChorusPhrases : VersePhrases);
                phrase = Melody(rhythm, bars[i], bars[i + 1], register, cadence, ref current, choices);
                if (chorus && phraseIndex == 0) hook = phrase;
            }
            current = phrase[^1].Key;

            foreach (var (start, length, key) in phrase)
            {
                var noteBar = start < 8 ? bars[i] : bars[i + 1];
                int velocity = register.Velocity + (start == phrase[0].Start ? 6 : 0) + (length >= 4 ? 4 : 0);
                lead.Add(noteBar.TickAtEighth(start % 8), (long)length * bar.TicksPerEighth - BreathTicks, key, velocity);
            }
        }
        return lead.Notes;
    }

    private static List<(int Start, int Length, int Key)> Melody((int Start, int Length)[] rhythm, SongBar first, SongBar second,
        Register register, bool cadence, ref int current, SeededRandom choices)
    {
        var notes = new List<(int, int, int)>();
        double centre = (register.Low + register.High) / 2.0;
        for (int n = 0; n < rhythm.Length; n++)
        {
            var (start, length) = rhythm[n];
            var chord = (start < 8 ? first : second).Chord;
            // Lean back toward the middle of the voice, otherwise wander.
            int direction = choices.Chance(0.6) ? (current < centre ? 1 : -1) : (choices.Chance(0.5) ? 1 : -1);
            int key;
            if (n == rhythm.Length - 1 && cadence)
                key = CadenceNote(chord, current, register);
            else if (start % 4 == 0)
                key = chord.NearestTone(current + 2 * direction);
            else
                key = chord.ScaleStep(current, direction * choices.Pick([1, 1, 2]));

            if (key > register.High) key = chord.ScaleStep(Math.Min(current, register.High), -1);
            if (key < register.Low) key = chord.ScaleStep(Math.Max(current, register.Low), 1);
            notes.Add((start, length, key));
            current = key;
        }
        return notes;
    }

    /// <summary>The root or third, within the voice's range, nearest where the melody is: a phrase that comes home.</summary>
    private static int CadenceNote(Chord chord, int current, Register register)
    {
        int best = chord.NearestTone(current), bestDistance = int.MaxValue;
        for (int key = register.Low; key <= register.High; key++)
        {
            int pitchClass = key % 12;
            if ((pitchClass == chord.RootPitchClass || pitchClass == chord.Third) && Math.Abs(key - current) < bestDistance)
            {
                bestDistance = Math.Abs(key - current);
                best = key;
            }
        }
        return best;
    }
}
