namespace Mixwright.Embeddings.Descriptors;

/// <summary>The filter shape of one EQ move, in the console's vocabulary (see Mixwright.Dsp.Parameters.EqBandType).</summary>
public enum EqMoveType { Peak, LowShelf, HighShelf, HighPass }

public static class EqMoveTypeNames
{
    /// <summary>The snake_case name used in data files and tool arguments.</summary>
    public static string ToName(this EqMoveType type) => type switch
    {
        EqMoveType.Peak => "peak",
        EqMoveType.LowShelf => "low_shelf",
        EqMoveType.HighShelf => "high_shelf",
        EqMoveType.HighPass => "high_pass",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static EqMoveType Parse(string name, string context) => name switch
    {
        "peak" or "bell" => EqMoveType.Peak,
        "low_shelf" => EqMoveType.LowShelf,
        "high_shelf" => EqMoveType.HighShelf,
        "high_pass" => EqMoveType.HighPass,
        _ => throw new FormatException($"{context}: unknown EQ type '{name}' (expected peak, low_shelf, high_shelf or high_pass)."),
    };
}
