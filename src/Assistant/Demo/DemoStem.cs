namespace Mixwright.Assistant.Demo;

/// <summary>
/// One stem of the demo multitrack: the part it plays and how it was "recorded".
/// <see cref="RecordedPeakDbfs"/> is the level the rendered stem is scaled to, chosen unevenly on
/// purpose (bass hot, lead vocal low) so a fresh session has a balance to fix; <see cref="Channels"/>
/// is 1 for sources that are miked mono and 2 for the stereo keyboards, as real sessions mix both.
/// </summary>
public sealed record DemoStem(string Name, MidiTrack Track, double RecordedPeakDbfs, int Channels)
{
    public string FileName => Name + ".wav";
}
