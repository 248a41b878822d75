using System.Text.Json;
using Microsoft.SemanticKernel;
using Mixwright.Tools.Plugin;

namespace Mixwright.Assistant.Agent;

/// <summary>
/// Runs tool calls through the Semantic Kernel plugin, exactly as a model's calls run: the plugin binds the
/// JSON arguments to the tool's parameters. Every call is checked by <see cref="ToolCallShapes.Check"/> first;
/// a call that does not pass is answered with an error result and never reaches the tools.
/// </summary>
public sealed class ToolRunner
{
    public ToolRunner(MixTools tools)
    {
        Tools = tools;
        Plugin = tools.AsPlugin();
        Kernel = new Kernel();
        Kernel.Plugins.Add(Plugin);
    }

    public MixTools Tools { get; }
    public KernelPlugin Plugin { get; }
    public Kernel Kernel { get; }

    /// <summary>The tool's JSON result, or {"ok":false,"error":...} for a call refused before it ran.</summary>
    public async Task<string> InvokeAsync(ToolCall call, CancellationToken cancel = default)
    {
        if (ToolCallShapes.Check(call) is { } problem) return Refused(problem);
        var arguments = new KernelArguments();
        foreach (var (name, value) in call.Arguments)
            arguments[name] = value is null ? null : JsonSerializer.Deserialize<JsonElement>(value.ToJsonString());
        var result = await Plugin[call.Name].InvokeAsync(Kernel, arguments, cancel).ConfigureAwait(false);
        return result.GetValue<string>() ?? Refused($"{call.Name} returned nothing.");
    }

    public string Invoke(ToolCall call) => InvokeAsync(call).GetAwaiter().GetResult();

    /// <summary>The error result every refusal uses, in the tools' own shape.</summary>
    public static string Refused(string message) =>
        new System.Text.Json.Nodes.JsonObject { ["ok"] = false, ["error"] = message.TrimEnd() + (message.Contains("Nothing was") ? "" : " Nothing was changed.") }.ToJsonString();

    public static bool IsOk(string result, out string? error)
    {
        using var doc = JsonDocument.Parse(result);
        bool ok = doc.RootElement.TryGetProperty("ok", out var v) && v.ValueKind == JsonValueKind.True;
        error = ok ? null : doc.RootElement.TryGetProperty("error", out var e) ? e.GetString() : result;
        return ok;
    }
}
