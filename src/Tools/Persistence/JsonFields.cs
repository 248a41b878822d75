using System.Text.Json;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Persistence;

/// <summary>
/// Tolerant reads of optional fields: a missing field or null gives null (the caller's default), a field
/// of the wrong type gives a message naming it. Fields this version does not know are simply never read.
/// </summary>
internal static class JsonFields
{
    public static bool Has(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null) return true;
        value = default;
        return false;
    }

    public static double? Number(JsonElement obj, string name, string where)
    {
        if (!Has(obj, name, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number) return v.GetDouble();
        if (v.ValueKind == JsonValueKind.String && v.GetString() is "-Infinity") return double.NegativeInfinity;
        throw WrongType(where, name, "a number", v);
    }

    public static int? Integer(JsonElement obj, string name, string where)
    {
        if (!Has(obj, name, out var v)) return null;
        return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int i) ? i : throw WrongType(where, name, "a whole number", v);
    }

    public static long? Long(JsonElement obj, string name, string where)
    {
        if (!Has(obj, name, out var v)) return null;
        return v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long i) ? i : throw WrongType(where, name, "a whole number", v);
    }

    public static bool? Flag(JsonElement obj, string name, string where)
    {
        if (!Has(obj, name, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(where, name, "true or false", v),
        };
    }

    public static string? Str(JsonElement obj, string name, string where)
    {
        if (!Has(obj, name, out var v)) return null;
        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw WrongType(where, name, "a string", v);
    }

    public static DateTimeOffset? Time(JsonElement obj, string name, string where)
    {
        if (!Has(obj, name, out var v)) return null;
        return v.ValueKind == JsonValueKind.String && v.TryGetDateTimeOffset(out var t) ? t : throw WrongType(where, name, "a date and time", v);
    }

    public static JsonElement? Object(JsonElement obj, string name, string where)
    {
        if (!Has(obj, name, out var v)) return null;
        return v.ValueKind == JsonValueKind.Object ? v : throw WrongType(where, name, "an object", v);
    }

    public static IEnumerable<JsonElement> Array(JsonElement obj, string name, string where)
    {
        if (!Has(obj, name, out var v)) return [];
        return v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : throw WrongType(where, name, "a list", v);
    }

    private static SessionException WrongType(string where, string name, string expected, JsonElement got) =>
        new($"{where}{name} must be {expected}, not {DisplayText.Clean(got.GetRawText(), 40)}.");
}
