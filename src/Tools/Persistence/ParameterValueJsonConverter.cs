using System.Text.Json;
using System.Text.Json.Serialization;
using Mixwright.Tools.Session;

namespace Mixwright.Tools.Persistence;

/// <summary>A parameter value is written as what it is: a JSON number, true/false, or null for "off".</summary>
internal sealed class ParameterValueJsonConverter : JsonConverter<ParameterValue>
{
    public override bool HandleNull => true;

    public override ParameterValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => ParameterValue.Of(reader.GetDouble()),
        JsonTokenType.True => ParameterValue.Of(true),
        JsonTokenType.False => ParameterValue.Of(false),
        JsonTokenType.Null => ParameterValue.Off,
        _ => throw new JsonException("A parameter value must be a number, true, false or null."),
    };

    public override void Write(Utf8JsonWriter writer, ParameterValue value, JsonSerializerOptions options) => Write(writer, value);

    public static void Write(Utf8JsonWriter writer, ParameterValue value)
    {
        switch (value.Kind)
        {
            case ParameterValueKind.Flag: writer.WriteBooleanValue(value.Flag); break;
            case ParameterValueKind.Off: writer.WriteNullValue(); break;
            default: writer.WriteNumberValue(value.Number); break;
        }
    }
}
