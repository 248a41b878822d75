using Mixwright.Embeddings.StyleTransfer.Scope;

namespace Mixwright.Assistant.Cli;

/// <summary>`match --only eq,levels --amount 50 --tracks vocal,bass` as a <see cref="MatchScope"/>, each bad value named.</summary>
internal static class MatchScopeArguments
{
    public static MatchScope Parse(string? only, double amount, string? tracks)
    {
        MatchAspect aspects;
        try
        {
            aspects = MatchAspects.Parse(only);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"--only: {e.Message}");
        }
        if (!(amount >= 0 && amount <= 100)) throw new ArgumentException($"--amount must be 0 to 100 (%), got {amount}.");
        var names = string.IsNullOrWhiteSpace(tracks) ? null
            : tracks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names is { Length: 0 }) throw new ArgumentException("--tracks needs at least one track name.");
        return new MatchScope(aspects, amount, names).Validated();
    }
}
