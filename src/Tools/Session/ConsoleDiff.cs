namespace Mixwright.Tools.Session;

/// <summary>One parameter that differs between two console states.</summary>
public sealed record ParameterDifference(MixTarget Target, ParameterSpec Parameter, ParameterValue A, ParameterValue B);

/// <summary>Every parameter that differs between two consoles, walking the whole catalog.</summary>
public static class ConsoleDiff
{
    public static IReadOnlyList<ParameterDifference> Between(ConsoleState a, ConsoleState b, IEnumerable<string> trackNames)
    {
        var targets = trackNames.Select(MixTarget.ForTrack).Append(MixTarget.Master).Append(MixTarget.Reverb);
        var differences = new List<ParameterDifference>();
        foreach (var target in targets)
        {
            foreach (var spec in ParameterCatalog.For(target.Scope))
            {
                var va = spec.Get(a, target);
                var vb = spec.Get(b, target);
                if (!MixSession.SameValue(va, vb)) differences.Add(new ParameterDifference(target, spec, va, vb));
            }
        }
        return differences;
    }
}
