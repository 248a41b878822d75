using Mixwright.Dsp.Parameters;

namespace Mixwright.Tools.Session;

/// <summary>
/// One addressable console parameter, such as "eq.band3.gain_db" on a track: how to read and write it on a
/// <see cref="ConsoleState"/> and the declared range it must stay in.
/// </summary>
public sealed class ParameterSpec
{
    private readonly Func<ConsoleState, MixTarget, ParameterValue> _get;
    private readonly Func<ConsoleState, MixTarget, ParameterValue, ConsoleState> _set;

    internal ParameterSpec(
        string name, TargetScope scope, ParameterKind kind, ParameterRange? range, string meaning,
        Func<ConsoleState, MixTarget, ParameterValue> get,
        Func<ConsoleState, MixTarget, ParameterValue, ConsoleState> set)
    {
        Name = name;
        Scope = scope;
        Kind = kind;
        Range = range;
        Meaning = meaning;
        _get = get;
        _set = set;
    }

    public string Name { get; }
    public TargetScope Scope { get; }
    public ParameterKind Kind { get; }
    /// <summary>The range from <see cref="ConsoleRanges"/>; null for on/off flags.</summary>
    public ParameterRange? Range { get; }
    public string Meaning { get; }
    public string Unit => Range?.Unit ?? "";

    public ParameterValue Get(ConsoleState state, MixTarget target) => _get(state, target);

    /// <summary>Writes a value after <see cref="Validate"/>.</summary>
    public ConsoleState Set(ConsoleState state, MixTarget target, ParameterValue value) => _set(state, target, Validate(value, target));

    /// <summary>
    /// Checks the kind and the declared range; the message names the target, the parameter and the allowed
    /// range (a <see cref="ParameterOutOfRangeException"/> for a number outside it).
    /// </summary>
    public ParameterValue Validate(ParameterValue value, MixTarget target)
    {
        string context = Text.DisplayText.Clean(target.ToString());
        switch (Kind, value.Kind)
        {
            case (ParameterKind.Flag, ParameterValueKind.Flag):
            case (ParameterKind.OptionalNumber, ParameterValueKind.Off):
                return value;
            case (ParameterKind.Number or ParameterKind.OptionalNumber, ParameterValueKind.Number):
                Range!.Validate(value.Number, context);
                return value;
            case (ParameterKind.Flag, _):
                throw new SessionException($"{context}: {Name} is on or off (true or false), not a number.");
            default:
                throw new SessionException($"{context}: {Name} needs a number between {Range!.Describe()}" +
                    (Kind == ParameterKind.OptionalNumber ? " or \"off\"." : "."));
        }
    }
}
