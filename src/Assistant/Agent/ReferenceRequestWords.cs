using System.Globalization;
using System.Text.RegularExpressions;
using Mixwright.Embeddings.StyleTransfer.Scope;

namespace Mixwright.Assistant.Agent;

/// <summary>
/// What part of a reference match a sentence asks for: the aspects ("match only the EQ of ref.wav", "just the
/// levels", "the panning and the reverb") and the amount ("halfway", "30 %", "a little"). Which tracks ("just
/// the vocal") the interpreter's track resolver finds. Aspect words count only after "only"/"just"/"the ... of",
/// so "make it sound like ref.wav, it's too bright" is still a whole match.
/// </summary>
public static partial class ReferenceRequestWords
{
    public sealed record Request(string? Only, double? AmountPercent);

    [GeneratedRegex(@"(\d{1,3}(?:[.,]\d+)?)\s*(?:%|percent\b|per\s*cent\b)", RegexOptions.IgnoreCase)]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"\b(?:half\s*-?\s*way|half\s+of\s+it|by\s+half|50\s*/\s*50|half(?:\s+as\s+much)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HalfPattern();

    [GeneratedRegex(@"\b(?:a\s+(?:little|bit|touch|tad)|slightly|subtly|gently|a\s+little\s+bit)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LittlePattern();

    [GeneratedRegex(@"\b(?:mostly|most\s+of\s+the\s+way|almost\s+(?:fully|all\s+the\s+way))\b", RegexOptions.IgnoreCase)]
    private static partial Regex MostlyPattern();

    // "only the EQ", "just the levels and pan", "the eq of ref.wav", "match the eq from ref.wav", "eq only"
    [GeneratedRegex(@"\b(?:only|just|solely)\s+(?:match\s+)?(?:the\s+)?(?<words>[a-z/\- ]+?)(?:\s+(?:of|from|in|like|to)\b|[,.;!?]|$)|\b(?:match|copy|take)\s+(?:the\s+)?(?<words>[a-z/\- ]+?)\s+(?:of|from)\b|\b(?<words>[a-z/\-]+(?:\s+and\s+[a-z/\-]+)*)\s+only\b", RegexOptions.IgnoreCase)]
    private static partial Regex AspectPhrasePattern();

    [GeneratedRegex(@"^\s*(?:(?:now|ok(?:ay)?|then|and)[, ]+)?(?:match\b|(?:only|just)\s+(?:match\s+)?(?:the\s+)?(?:levels?|eq|pan(?:ning)?|width|dynamics|compression|reverb|space|tone|master)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex FollowUpPattern();

    /// <summary>"match it halfway", "only the levels", "now match just the EQ": a match request that names no file (the last reference is meant).</summary>
    public static bool IsFollowUp(string text) => FollowUpPattern().IsMatch(text);

    public static Request Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Request(Aspects(text), Amount(text));
    }

    private static double? Amount(string text)
    {
        if (PercentPattern().Match(text) is { Success: true } p
            && double.TryParse(p.Groups[1].Value.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v is >= 0 and <= 100)
            return v;
        if (HalfPattern().IsMatch(text)) return 50;
        if (MostlyPattern().IsMatch(text)) return 75;
        if (LittlePattern().IsMatch(text)) return 30;
        return null;
    }

    private static string? Aspects(string text)
    {
        var found = MatchAspect.None;
        foreach (Match m in AspectPhrasePattern().Matches(text))
            foreach (string word in m.Groups["words"].Value.Split([' ', ',', '/'], StringSplitOptions.RemoveEmptyEntries))
            {
                string w = word.Trim().ToLowerInvariant();
                if (w is "and" or "the" or "its" or "their" or "mix" or "overall") continue;
                if (MatchAspects.Word(w) is { } aspect and not MatchAspect.All) found |= aspect;
                else if (w is "tonal" or "tonality") found |= MatchAspect.Eq | MatchAspect.MasterTone;
            }
        if (found == MatchAspect.None) return null;
        return string.Join(",", MatchAspects.Names.Where(n => found.HasFlag(n.Aspect)).Select(n => n.Name));
    }
}
