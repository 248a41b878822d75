using System.Text.Json.Nodes;

namespace Mixwright.Assistant.Agent;

/// <summary>The local back-end's words for a check_mix result: the answer to a focused question, or the top findings.</summary>
public static class MixCheckNarration
{
    private const int Told = 3;

    public static string Narrate(JsonObject o)
    {
        if (o["answer"]?.GetValue<string>() is { Length: > 0 } answer) return answer;
        var findings = o["findings"]?.AsArray() ?? [];
        int count = o["finding_count"]?.GetValue<int>() ?? findings.Count;
        if (count == 0) return "I measured the mix and nothing stands out: levels, spectrum, stereo image and loudness are all within range.";
        var lines = new List<string> { count == 1 ? "I measured the mix; one thing stands out:" : $"I measured the mix; {count} things stand out, most serious first:" };
        foreach (var f in findings.Take(Told))
            lines.Add($"{f!["rank"]}. [{f["severity"]}] {f["title"]}: {f["measurement"]}. {f["explanation"]}");
        if (count > Told) lines.Add($"...and {count - Told} more (`mixwright check` lists them all).");
        lines.Add("Say \"fix it\" and I'll propose the change for the first one.");
        return string.Join("\n", lines);
    }
}
