namespace Mixwright.Tools.Session;

public enum ParameterKind
{
    Number,
    Flag,
    /// <summary>A number that can also be "off" (the master loudness target).</summary>
    OptionalNumber,
}
