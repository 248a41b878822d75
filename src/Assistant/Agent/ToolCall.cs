using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mixwright.Assistant.Agent;

/// <summary>
/// One tool invocation: a name from <see cref="ToolNames"/> and its JSON arguments, shaped as documented in
/// <see cref="ToolCallShapes"/>. Equality compares the arguments' JSON text, so two identical calls are equal.
/// </summary>
public sealed class ToolCall : IEquatable<ToolCall>
{
    public ToolCall(string name, JsonObject arguments)
    {
        if (!ToolNames.All.Contains(name))
            throw new ArgumentException($"Unknown tool '{name}' (known: {string.Join(", ", ToolNames.All.Order())}).", nameof(name));
        Name = name;
        Arguments = arguments;
        ArgumentsJson = arguments.ToJsonString(ToolCallShapes.JsonOptions);
    }

    public string Name { get; }
    public JsonObject Arguments { get; }
    public string ArgumentsJson { get; }

    /// <summary>A call whose arguments are the JSON form of a shape record from <see cref="ToolCallShapes"/>.</summary>
    public static ToolCall Create<TArgs>(string name, TArgs arguments) =>
        new(name, JsonSerializer.SerializeToNode(arguments, ToolCallShapes.JsonOptions)?.AsObject() ?? new JsonObject());

    public static ToolCall Create(string name) => new(name, new JsonObject());

    /// <summary>The arguments read back as a shape record.</summary>
    public TArgs ArgumentsAs<TArgs>() =>
        Arguments.Deserialize<TArgs>(ToolCallShapes.JsonOptions)
        ?? throw new InvalidOperationException($"Arguments of {Name} are empty.");

    /// <summary>The track this call acts on ("master" for the master bus), if it names one.</summary>
    public string? Track => GetString("track") is { Length: > 0 } t ? t : null;

    public string? GetString(string property) =>
        Arguments.TryGetPropertyValue(property, out var v) && v is JsonValue jv && jv.TryGetValue(out string? s) ? s : null;

    public double? GetNumber(string property) =>
        Arguments.TryGetPropertyValue(property, out var v) && v is JsonValue jv && jv.TryGetValue(out double d) ? d : null;

    public bool? GetBool(string property) =>
        Arguments.TryGetPropertyValue(property, out var v) && v is JsonValue jv && jv.TryGetValue(out bool b) ? b : null;

    public bool Equals(ToolCall? other) => other is not null && Name == other.Name && ArgumentsJson == other.ArgumentsJson;
    public override bool Equals(object? obj) => Equals(obj as ToolCall);
    public override int GetHashCode() => HashCode.Combine(Name, ArgumentsJson);
    public override string ToString() => $"{Name}({ArgumentsJson})";
}
