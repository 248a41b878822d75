namespace Mixwright.Assistant.Demo;

/// <summary>
/// The General MIDI numbers the demo uses. Programs are 0-based, as sent in a program change
/// (printed GM tables count from 1: "34 Electric Bass (finger)" is 33 here).
/// </summary>
public static class GeneralMidi
{
    public const int AcousticGrandPiano = 0;
    public const int FingeredBass = 33;
    public const int ChoirAahs = 52;
    public const int WarmPad = 89;
    public const int Koto = 107;

    /// <summary>Program of the standard drum kit on the drum channel.</summary>
    public const int StandardDrumKit = 0;

    public const int KickDrum = 36;
    public const int SnareDrum = 38;
    public const int ClosedHiHat = 42;
    public const int OpenHiHat = 46;
}
