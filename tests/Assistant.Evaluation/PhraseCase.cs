using System.Text.Json;
using System.Text.Json.Nodes;
using Mixwright.Assistant.Agent;

namespace Mixwright.Assistant.Evaluation;

/// <summary>One line of a phrase file (the requests README's format plus category, session, before, pending and asked).</summary>
public sealed record PhraseCase(
    string File,
    int Line,
    string Category,
    string Session,
    string Text,
    IReadOnlyList<string> Before,
    string? Pending,
    string? Asked,
    JsonObject Expect);

/// <summary>The verdict on one case, with the reason when it failed.</summary>
/// <remarks><see cref="Effects"/> are the audible consequences of a change case once committed (null when it never got that far).</remarks>
public sealed record PhraseResult(PhraseCase Case, bool Passed, string Detail, Interpretation? Interpretation, IReadOnlyList<Effect>? Effects = null);

/// <summary>One audible consequence in the suite's vocabulary: track (or "master"), what, dir.</summary>
public sealed record Effect(string Track, string What, string Dir)
{
    public override string ToString() => $"{Track}.{What} {Dir}";
}

/// <summary>Reads phrase files and the sessions they refer to.</summary>
public static class PhraseFiles
{
    public static List<PhraseCase> Load(string path)
    {
        var cases = new List<PhraseCase>();
        int line = 0;
        foreach (string raw in System.IO.File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(raw)) continue;
            JsonObject o;
            try { o = JsonNode.Parse(raw)!.AsObject(); }
            catch (JsonException e) { throw new InvalidDataException($"{Path.GetFileName(path)}:{line}: {e.Message}"); }
            cases.Add(new PhraseCase(Path.GetFileName(path), line,
                o["category"]?.GetValue<string>() ?? "dev",
                o["session"]?.GetValue<string>() ?? "band",
                o["text"]!.GetValue<string>(),
                o["before"]?.AsArray().Select(b => b!.GetValue<string>()).ToList() ?? [],
                o["pending"]?.GetValue<string>(),
                o["asked"]?.GetValue<string>(),
                o["expect"]!.AsObject()));
        }
        return cases;
    }

    /// <summary>sessions.json: session name to its tracks (name and role) in session order.</summary>
    public static Dictionary<string, IReadOnlyList<TrackInfo>> LoadSessions(string path)
    {
        var doc = JsonNode.Parse(System.IO.File.ReadAllText(path))!.AsObject();
        return doc.ToDictionary(p => p.Key, p => (IReadOnlyList<TrackInfo>)p.Value!.AsArray()
            .Select(t => new TrackInfo(t!["name"]!.GetValue<string>(), t["role"]?.GetValue<string>())).ToList());
    }
}
