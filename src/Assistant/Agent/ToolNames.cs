namespace Mixwright.Assistant.Agent;

/// <summary>
/// Names of the session tools for use in code. <see cref="All"/> comes from the plugin itself
/// (<see cref="ToolContract"/>); a test checks that every constant here names a real tool.
/// </summary>
public static class ToolNames
{
    public const string ListTracks = "list_tracks";
    public const string AnalyzeTrack = "analyze_track";
    public const string AnalyzeMix = "analyze_mix";
    public const string SetGain = "set_gain";
    public const string SetPan = "set_pan";
    public const string SetWidth = "set_width";
    public const string SetEqBand = "set_eq_band";
    public const string SetHighPass = "set_high_pass";
    public const string ResetEq = "reset_eq";
    public const string SetCompressor = "set_compressor";
    public const string SetReverb = "set_reverb";
    public const string SetMute = "set_mute";
    public const string SetSolo = "set_solo";
    public const string SetMaster = "set_master";
    public const string BalanceLevels = "balance_levels";
    public const string ApplyDescriptor = "apply_descriptor";
    public const string MatchReference = "match_reference";
    public const string Explain = "explain";
    public const string Propose = "propose";
    public const string Commit = "commit";
    public const string Discard = "discard";
    public const string Undo = "undo";
    public const string Redo = "redo";
    public const string Render = "render";
    public const string Compare = "compare";
    public const string CheckMix = "check_mix";
    public const string ProposeFix = "propose_fix";
    public const string BounceStems = "bounce_stems";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(ToolContract.Tools.Keys, StringComparer.Ordinal);

    /// <summary>Tools that change the sound (they produce a proposal that needs confirmation).</summary>
    public static IReadOnlySet<string> Changing { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        SetGain, SetPan, SetWidth, SetEqBand, SetHighPass, ResetEq, SetCompressor, SetReverb, SetMute, SetSolo, SetMaster,
        BalanceLevels, ApplyDescriptor, MatchReference, ProposeFix,
    };

    /// <summary>Tools that only read the session and answer.</summary>
    public static IReadOnlySet<string> ReadOnly { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ListTracks, AnalyzeTrack, AnalyzeMix, Explain, Propose, Compare, CheckMix,
    };
}
