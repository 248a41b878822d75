namespace Mixwright.Assistant.Agent;

/// <summary>Arguments of check_mix: the delivery target, and what the question was about (a finding kind, "loudest" or "quietest").</summary>
public sealed record CheckMixArgs(string? Target = null, string? Focus = null);
