using System.Text.Json;
using Mixwright.Tools.Session;

namespace Mixwright.Tools.Persistence;

/// <summary>A parameter value is written as what it is: a JSON number, true/false, or null for "off".</summary>
internal static class ParameterValueJson
{
    public static void Write(Utf8JsonWriter writer, string name, ParameterValue value)
    {
        writer.WritePropertyName(name);
        switch (value.Kind)
        {
            case ParameterValueKind.Flag: writer.WriteBooleanValue(value.Flag); break;
            case ParameterValueKind.Off: writer.WriteNullValue(); break;
            default: writer.WriteNumberValue(value.Number); break;
        }
    }

    public static ParameterValue Read(JsonElement obj, string name, string where)
    {
        if (!obj.TryGetProperty(name, out var v)) throw new SessionException($"{where}{name} is missing.");
        return v.ValueKind switch
        {
            JsonValueKind.Number => ParameterValue.Of(v.GetDouble()),
            JsonValueKind.True => ParameterValue.Of(true),
            JsonValueKind.False => ParameterValue.Of(false),
            JsonValueKind.Null => ParameterValue.Off,
            _ => throw new SessionException($"{where}{name} must be a number, true, false or null."),
        };
    }
}
