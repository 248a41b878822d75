namespace Mixwright.Assistant.Demo;

/// <summary>What a part needs to know about one bar of the demo song while composing it.</summary>
internal sealed record SongBar(int Index, DemoSectionKind Section, int BarInSection, int SectionBars,
    Chord Chord, Chord NextChord, long StartTick, int TicksPerEighth)
{
    public long TickAtEighth(int eighth) => StartTick + (long)eighth * TicksPerEighth;
    public bool IsLastOfSection => BarInSection == SectionBars - 1;
}
