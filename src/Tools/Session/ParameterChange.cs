namespace Mixwright.Tools.Session;

/// <summary>One checked parameter change with its old and new value and its reason.</summary>
public sealed record ParameterChange(
    MixTarget Target,
    string Parameter,
    ParameterValue From,
    ParameterValue To,
    string Unit,
    Rationale Rationale,
    int Turn)
{
    public bool Touches(MixTarget target, string parameter) =>
        Target.Scope == target.Scope && Parameter == parameter &&
        string.Equals(Target.Track, target.Track, StringComparison.OrdinalIgnoreCase);

    /// <summary>"Vox gain_db: 0 dB → +3 dB".</summary>
    public string Describe() => $"{Text.DisplayText.Clean(Target.ToString())} {Parameter}: {From.Display(Unit)} → {To.Display(Unit)}";
}
