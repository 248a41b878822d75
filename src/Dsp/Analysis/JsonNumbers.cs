using System.Text.Json;

namespace Mixwright.Dsp.Analysis;

/// <summary>
/// Measurements in JSON: silence reads -infinity and has no crest factor (NaN), which JSON cannot hold, so a
/// number that is not finite is written as null. Every analysis and match report writes numbers this way.
/// </summary>
public static class JsonNumbers
{
    public static void WriteFiniteOrNull(this Utf8JsonWriter w, string name, double value)
    {
        w.WritePropertyName(name);
        w.WriteFiniteOrNullValue(value);
    }

    public static void WriteFiniteOrNullValue(this Utf8JsonWriter w, double value)
    {
        if (double.IsFinite(value)) w.WriteNumberValue(value);
        else w.WriteNullValue();
    }
}
