namespace Mixwright.Assistant.Demo;

/// <summary>The parts of the demo song's form; each sets how loud and busy the band plays.</summary>
public enum DemoSectionKind
{
    Intro,
    Verse,
    Chorus,
    Ending,
}
