using System.Text.RegularExpressions;

namespace Mixwright.Assistant.Agent;

/// <summary>
/// The local interpreter's words for the mix check: "what's wrong with my mix?", "fix it", "why does it sound
/// muddy?", "what's the loudest track?". Each becomes one call: check_mix (with a focus when the question names
/// one) or propose_fix for the top finding. Matched on the interpreter's normalised text (lower case,
/// contractions expanded, punctuation gone).
/// </summary>
public static partial class MixCheckIntents
{
    /// <summary>The check call for a request, or null when the words are not about the mix check.</summary>
    public static ToolCall? Match(string s)
    {
        if (FixPattern().IsMatch(s)) return ToolCall.Create(ToolNames.ProposeFix);
        if (ExtremePattern().Match(s) is { Success: true } extreme)
            return Check(extreme.Groups["w"].Value is "loudest" ? "loudest" : "quietest");
        if (WhyPattern().Match(s) is { Success: true } why && FocusOf(why.Groups[1].Value) is { } focus) return Check(focus);
        if (WrongPattern().IsMatch(s)) return Check("");
        return null;
    }

    private static ToolCall Check(string focus) => ToolCall.Create(ToolNames.CheckMix, new CheckMixArgs(Focus: focus.Length == 0 ? null : focus));

    /// <summary>The finding kind a complaint word names.</summary>
    private static string? FocusOf(string word) => word switch
    {
        "muddy" or "mud" or "cloudy" or "thick" => "mud",
        "boomy" or "boom" or "boomy in the low end" => "boom",
        "harsh" or "shrill" or "piercing" or "tiring" => "harsh",
        "sibilant" or "hissy" or "essy" => "sibilance",
        "dull" or "dark" or "muffled" or "lifeless" => "dull",
        "thin" or "hollow" or "phasey" or "weird in mono" => "phase",
        "lopsided" or "off center" or "off centre" => "imbalance",
        "quiet" or "loud" or "too loud" or "too quiet" or "weak" => "loudness",
        "distorted" or "crackly" => "clipping",
        _ => null,
    };

    [GeneratedRegex(@"^(?:(?:please |can you |could you |just )?(?:fix (?:it|that|this|them|my mix|the mix|this mix|the problems?|the (?:first|top|biggest|worst) (?:one|problem|thing)|what is wrong)|sort it out|make it right|make the mix better)(?: (?:please|for me|then|now))*)$")]
    private static partial Regex FixPattern();

    [GeneratedRegex(@"^(?:what|which) is the (?<w>loudest|quietest|softest) (?:track|stem|part|instrument|channel)\b|^(?:what|which) (?:track|stem|part|instrument) is (?:the )?(?<w>loudest|quietest|softest)\b")]
    private static partial Regex ExtremePattern();

    [GeneratedRegex(@"^why (?:does|is|do) (?:it|the mix|my mix|this mix|this|everything|the song) (?:sound |so |sounding )*(?:so |too |a bit |kind of |really )?(muddy|mud|cloudy|thick|boomy|harsh|shrill|piercing|tiring|sibilant|hissy|dull|dark|muffled|lifeless|thin|hollow|phasey|lopsided|quiet|loud|weak|distorted|crackly)\b")]
    private static partial Regex WhyPattern();

    [GeneratedRegex(@"^(?:what is (?:wrong|off|bad|not right|the (?:problem|issue|matter)) (?:with )?(?:my |the |this )?(?:mix|song|track|it)?|what are the (?:problems|issues)|(?:check|diagnose|review|critique) (?:my |the |this )?mix|is (?:my|the|this) mix (?:ok|okay|good|alright|fine|any good)|(?:it|my mix|the mix|this) sounds (?:off|wrong|bad|weird)|something (?:is|sounds) (?:off|wrong)|how is my mix|any (?:problems|issues)(?: with (?:my |the )?mix)?|what should i fix|what needs fixing)\b")]
    private static partial Regex WrongPattern();
}
