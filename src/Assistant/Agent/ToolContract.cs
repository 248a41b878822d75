using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;
using Mixwright.Tools.Plugin;

namespace Mixwright.Assistant.Agent;

/// <summary>One parameter of a session tool, as the model sees it: its name, CLR type and whether it must be given.</summary>
public sealed record ToolParameter(string Name, Type Type, bool Required)
{
    /// <summary>The type with nullability stripped: double for double?, and so on.</summary>
    public Type ValueType => Nullable.GetUnderlyingType(Type) ?? Type;

    /// <summary>Null when <paramref name="value"/> fits this parameter's type; otherwise what it should have been.</summary>
    public string? Mismatch(JsonNode? value)
    {
        if (value is null) return Required ? "a value" : null;
        var t = ValueType;
        if (t == typeof(string)) return value is JsonValue v && v.TryGetValue(out string? _) ? null : "a string";
        if (t == typeof(bool)) return value is JsonValue b && b.TryGetValue(out bool _) ? null : "true or false";
        if (t == typeof(int)) return value is JsonValue i && i.TryGetValue(out double d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue ? null : "a whole number";
        if (t == typeof(double)) return value is JsonValue n && n.TryGetValue(out double x) && double.IsFinite(x) ? null : "a number";
        if (t == typeof(string[])) return value is JsonArray a && a.All(e => e is JsonValue s && s.TryGetValue(out string? _)) ? null : "a list of strings";
        return $"a {t.Name}";
    }
}

/// <summary>One session tool: its name and parameters.</summary>
public sealed record ToolSignature(string Name, IReadOnlyList<ToolParameter> Parameters)
{
    public ToolParameter? Parameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);
}

/// <summary>
/// The tool contract, read from the <see cref="MixTools"/> plugin itself: the names and parameters the
/// model sees are the ones every back-end must call. Nothing here is written by hand, so the local
/// interpreter, the validation of LLM calls and the plugin cannot drift apart.
/// </summary>
public static class ToolContract
{
    public static IReadOnlyDictionary<string, ToolSignature> Tools { get; } = typeof(MixTools)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .Select(m => (Method: m, Attribute: m.GetCustomAttribute<KernelFunctionAttribute>()))
        .Where(x => x.Attribute is not null)
        .Select(x => new ToolSignature(
            x.Attribute!.Name ?? x.Method.Name,
            x.Method.GetParameters().Select(p => new ToolParameter(p.Name!, p.ParameterType, !p.HasDefaultValue)).ToList()))
        .ToDictionary(s => s.Name, StringComparer.Ordinal);

    public static bool IsTool(string name) => Tools.ContainsKey(name);

    /// <summary>
    /// Null when the arguments bind to the tool: every name is one of its parameters, every value has the
    /// parameter's type, every required parameter is there. Otherwise one message naming the problem.
    /// </summary>
    public static string? Bind(string tool, JsonObject arguments)
    {
        if (!Tools.TryGetValue(tool, out var signature))
            return $"there is no tool '{tool}' (tools: {string.Join(", ", Tools.Keys.Order(StringComparer.Ordinal))})";
        foreach (var (name, value) in arguments)
        {
            var parameter = signature.Parameter(name);
            if (parameter is null)
                return $"{tool} has no parameter '{name}' (it takes {string.Join(", ", signature.Parameters.Select(p => p.Name))})";
            if (parameter.Mismatch(value) is { } expected) return $"{tool}: {name} must be {expected}";
        }
        foreach (var required in signature.Parameters.Where(p => p.Required))
            if (!arguments.ContainsKey(required.Name)) return $"{tool}: {required.Name} is required";
        return null;
    }
}
