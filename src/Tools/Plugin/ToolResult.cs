using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Plugin;

/// <summary>The compact JSON every tool returns: {"ok":true,...} or {"ok":false,"error":"..."}.</summary>
internal static class ToolResult
{
    private static readonly JsonSerializerOptions Compact = new()
    {
        WriteIndented = false,
        // Keeps non-Latin names readable for the model; control characters are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Ok(JsonObject body)
    {
        var result = new JsonObject { ["ok"] = true };
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            result[key] = value;
        }
        return result.ToJsonString(Compact);
    }

    public static string Error(string message) => new JsonObject { ["ok"] = false, ["error"] = message }.ToJsonString(Compact);

    public static JsonNode? Value(ParameterValue v) => v.Kind switch
    {
        ParameterValueKind.Flag => JsonValue.Create(v.Flag),
        ParameterValueKind.Off => null,
        _ => JsonValue.Create(Math.Round(v.Number, 3)),
    };

    public static JsonObject Change(ParameterChange c)
    {
        var o = new JsonObject
        {
            ["target"] = c.Target.Scope == TargetScope.Track ? DisplayText.Clean(c.Target.Track) : c.Target.ScopeWireName,
            ["parameter"] = c.Parameter,
            ["from"] = Value(c.From),
            ["to"] = Value(c.To),
        };
        if (c.Unit.Length > 0) o["unit"] = c.Unit;
        o["source"] = Rationale.WireName(c.Rationale.Source);
        if (!string.IsNullOrWhiteSpace(c.Rationale.Measurement)) o["measurement"] = c.Rationale.Measurement;
        o["reason"] = c.Rationale.Sentence;
        return o;
    }

    public static JsonObject Proposal(Proposal p) => new()
    {
        ["id"] = p.Id,
        ["summary"] = p.Title,
        ["changes"] = new JsonArray([.. p.Changes.Select(c => (JsonNode)Change(c))]),
    };

    public static JsonObject ChangeSet(ChangeSet cs) => new()
    {
        ["id"] = cs.Id,
        ["time"] = cs.Time.ToString("O"),
        ["summary"] = cs.Summary,
        ["changes"] = new JsonArray([.. cs.Changes.Select(c => (JsonNode)Change(c))]),
    };

    public static JsonNode? Number(double v) => double.IsFinite(v) ? JsonValue.Create(Math.Round(v, 2)) : null;
}
