using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Persistence;

/// <summary>EQ band types as the session file and state JSON spell them.</summary>
public static class EqBandTypes
{
    public static string WireName(EqBandType type) => type switch
    {
        EqBandType.LowShelf => "low_shelf",
        EqBandType.HighShelf => "high_shelf",
        _ => "peaking",
    };

    public static EqBandType Parse(string wire) => wire switch
    {
        "low_shelf" => EqBandType.LowShelf,
        "high_shelf" => EqBandType.HighShelf,
        "peaking" => EqBandType.Peaking,
        _ => throw new SessionException($"unknown EQ band type \"{DisplayText.Clean(wire)}\" (expected low_shelf, peaking or high_shelf)."),
    };
}
