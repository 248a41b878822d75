namespace Mixwright.Assistant.Demo;

/// <summary>
/// The drummer: kick, snare and hi-hats written as three parts so each renders to its own stem,
/// as drums are recorded with a microphone per drum. The intro is hats only, the verse a plain
/// backbeat ending in a snare fill, the chorus harder with pushed kicks, ghost notes and open hats.
/// </summary>
internal static class DrumPart
{
    private const int Sixteenth = 120;

    public static (IReadOnlyList<MidiNote> Kick, IReadOnlyList<MidiNote> Snare, IReadOnlyList<MidiNote> Hats) Compose(
        IReadOnlyList<SongBar> bars, int seed)
    {
        // Kick is the tightest player, hats the loosest, as on a real kit.
        var kick = new PartBuilder(new SeededRandom(seed, 1), 2, 6);
        var snare = new PartBuilder(new SeededRandom(seed, 2), 4, 8);
        var hats = new PartBuilder(new SeededRandom(seed, 3), 6, 10);
        var choices = new SeededRandom(seed, 4);
        int eighth = bars[0].TicksPerEighth;

        foreach (var bar in bars)
        {
            switch (bar.Section)
            {
                case DemoSectionKind.Intro:
                    for (int e = 0; e < 8; e++)
                        hats.Add(bar.TickAtEighth(e), eighth, GeneralMidi.ClosedHiHat, e % 2 == 0 ? 58 : 44);
                    if (bar.IsLastOfSection)
                        for (int s = 12; s < 16; s++)
                            snare.Add(bar.StartTick + s * Sixteenth, Sixteenth, GeneralMidi.SnareDrum, 50 + (s - 12) * 10);
                    break;

                case DemoSectionKind.Verse when bar.IsLastOfSection:
                    kick.Add(bar.StartTick, eighth, GeneralMidi.KickDrum, 100);
                    for (int e = 0; e < 4; e++)
                        hats.Add(bar.TickAtEighth(e), eighth, GeneralMidi.ClosedHiHat, e % 2 == 0 ? 70 : 52);
                    snare.Add(bar.TickAtEighth(2), eighth, GeneralMidi.SnareDrum, 90);
                    // A fill that swells into the chorus.
                    for (int s = 8; s < 16; s++)
                        snare.Add(bar.StartTick + s * Sixteenth, Sixteenth, GeneralMidi.SnareDrum, 60 + (s - 8) * 7);
                    break;

                case DemoSectionKind.Verse:
                    kick.Add(bar.TickAtEighth(0), eighth, GeneralMidi.KickDrum, 100);
                    kick.Add(bar.TickAtEighth(4), eighth, GeneralMidi.KickDrum, 92);
                    if (choices.Chance(0.4)) kick.Add(bar.TickAtEighth(5), eighth, GeneralMidi.KickDrum, 80);
                    else if (choices.Chance(0.3)) kick.Add(bar.TickAtEighth(3), eighth, GeneralMidi.KickDrum, 78);
                    snare.Add(bar.TickAtEighth(2), eighth, GeneralMidi.SnareDrum, 92);
                    snare.Add(bar.TickAtEighth(6), eighth, GeneralMidi.SnareDrum, 94);
                    for (int e = 0; e < 8; e++)
                        hats.Add(bar.TickAtEighth(e), eighth, GeneralMidi.ClosedHiHat, e % 2 == 0 ? 70 : 52);
                    break;

                case DemoSectionKind.Chorus:
                    kick.Add(bar.TickAtEighth(0), eighth, GeneralMidi.KickDrum, 118);
                    kick.Add(bar.TickAtEighth(3), eighth, GeneralMidi.KickDrum, 102);
                    kick.Add(bar.TickAtEighth(4), eighth, GeneralMidi.KickDrum, 110);
                    if (choices.Chance(0.35)) kick.Add(bar.TickAtEighth(7), eighth, GeneralMidi.KickDrum, 96);
                    snare.Add(bar.TickAtEighth(2), eighth, GeneralMidi.SnareDrum, 118);
                    snare.Add(bar.TickAtEighth(6), eighth, GeneralMidi.SnareDrum, 120);
                    foreach (int ghost in new[] { 7, 13 })
                        if (choices.Chance(0.5)) snare.Add(bar.StartTick + ghost * Sixteenth, Sixteenth, GeneralMidi.SnareDrum, 38);
                    bool openAtEnd = bar.BarInSection % 4 == 3;
                    for (int e = 0; e < 8; e++)
                    {
                        if (e == 7 && openAtEnd) hats.Add(bar.TickAtEighth(e), 2 * eighth, GeneralMidi.OpenHiHat, 88);
                        else hats.Add(bar.TickAtEighth(e), eighth, GeneralMidi.ClosedHiHat, e % 2 == 0 ? 92 : 74);
                    }
                    break;

                case DemoSectionKind.Ending:
                    kick.Add(bar.StartTick, 8 * eighth, GeneralMidi.KickDrum, 122);
                    snare.Add(bar.StartTick, 8 * eighth, GeneralMidi.SnareDrum, 112);
                    hats.Add(bar.StartTick, 8 * eighth, GeneralMidi.OpenHiHat, 100);
                    break;
            }
        }
        return (kick.Notes, snare.Notes, hats.Notes);
    }
}
