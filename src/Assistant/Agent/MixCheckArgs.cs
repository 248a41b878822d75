namespace Mixwright.Assistant.Agent;

/// <summary>Arguments of check_mix: the delivery target, and what the question was about (a finding kind, "loudest" or "quietest").</summary>
public sealed record CheckMixArgs(string? Target = null, string? Focus = null);

/// <summary>Arguments of propose_fix: which finding (1 = the most serious), the delivery target, the user's words.</summary>
public sealed record ProposeFixArgs(int? Rank = null, string? Target = null, string? UserWords = null);

/// <summary>bounce_stems takes no arguments: it always writes a new folder under the session's renders/.</summary>
public sealed record BounceStemsArgs;
