using System.Text.Json;
using Mixwright.Assistant.Cli;

namespace Mixwright.Assistant.Evaluation;

/// <summary>What `mixwright analyze --json` did with one file.</summary>
public enum FuzzVerdict
{
    /// <summary>Measured; the JSON parses and holds no NaN or infinity.</summary>
    Measured,
    /// <summary>Refused with one line that names the file and shows no internal text.</summary>
    Refused,
    /// <summary>An exception that is not a user error: the program would have crashed.</summary>
    Crash,
    Hang,
    /// <summary>The JSON held NaN or Infinity, or did not parse.</summary>
    NaN,
    /// <summary>A refusal that does not name the file.</summary>
    Unnamed,
    /// <summary>A refusal showing an exception type, a parameter name or a stack frame.</summary>
    InternalText,
}

/// <summary>
/// Runs one file through the exact function `mixwright analyze --json` uses, and judges the outcome the way a
/// user would read it: measured, or one line naming the file and saying what is wrong in a user's words.
/// </summary>
public static class AnalyzeFuzzCheck
{
    /// <summary>Text that only a developer should see: exception types, parameter names, stack frames.</summary>
    public static readonly string[] InternalMarkers = ["(Parameter", "Exception", "at Mixwright.", "Actual value", "   at ", "System.", "Mixwright.Dsp"];

    public static (FuzzVerdict Verdict, string Text) Check(string path, TimeSpan timeout)
    {
        var run = Task.Run(() => Analyze(path));
        if (!run.Wait(timeout)) return (FuzzVerdict.Hang, $"no answer in {timeout.TotalSeconds:0} s");
        return run.Result;
    }

    private static (FuzzVerdict, string) Analyze(string path)
    {
        string json;
        try
        {
            json = AnalyzeCommand.MixAnalyzerFile(path).ToJson();
        }
        catch (Exception e)
        {
            if (CliApp.ErrorLine(e) is not { } line) return (FuzzVerdict.Crash, e.GetType().Name + ": " + e.Message);
            if (!line.Contains(Path.GetFileName(path), StringComparison.Ordinal)) return (FuzzVerdict.Unnamed, line);
            if (InternalMarkers.Any(m => line.Contains(m, StringComparison.Ordinal))) return (FuzzVerdict.InternalText, line);
            return (FuzzVerdict.Refused, line);
        }
        if (json.Contains("NaN", StringComparison.Ordinal) || json.Contains("Infinity", StringComparison.Ordinal)) return (FuzzVerdict.NaN, json);
        try { using var _ = JsonDocument.Parse(json); }
        catch (JsonException) { return (FuzzVerdict.NaN, json); }
        return (FuzzVerdict.Measured, json);
    }
}
