using System.Text.Json.Nodes;

namespace Mixwright.Tools.Tests.Support;

/// <summary>Reads a tool's JSON result and fails the test with the tool's own message when it was an error.</summary>
internal static class ToolJson
{
    public static JsonObject Ok(string result)
    {
        var json = JsonNode.Parse(result)!.AsObject();
        Assert.True(json["ok"]!.GetValue<bool>(), "Tool failed: " + json["error"]);
        return json;
    }

    public static string Error(string result)
    {
        var json = JsonNode.Parse(result)!.AsObject();
        Assert.False(json["ok"]!.GetValue<bool>(), "Expected an error, got: " + result);
        return json["error"]!.GetValue<string>();
    }
}
