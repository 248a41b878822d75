using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>One range as the exported console_ranges.json states it.</summary>
public sealed record RangeEntry(string Name, double Min, double Max, double Default, string Unit, string Meaning);

/// <summary>One EQ band of the flat layout as the exported file states it.</summary>
public sealed record EqBandEntry(int Index, string Type, double DefaultFreqHz, double DefaultGainDb, double DefaultQ);

/// <summary>One model output as the exported contract states it.</summary>
public sealed record ModelOutputEntry(string Range, bool PerTrack, IReadOnlyList<string> Shape, string Scale);

/// <summary>
/// models/console_ranges.json: the ConsoleRanges the model was trained against (parsed by training/ from the C#
/// source) and the model's output contract. Ranges are declared once, in <see cref="ConsoleRanges"/>; this file
/// is a copy the model carries, so <see cref="DifferencesFromEngine"/> tells when engine and model have drifted.
/// </summary>
public sealed record ConsoleRangesDocument(
    double OffDb,
    IReadOnlyDictionary<string, RangeEntry> Ranges,
    IReadOnlyList<EqBandEntry> EqBands,
    IReadOnlyDictionary<string, ModelOutputEntry> ModelOutputs)
{
    public static ConsoleRangesDocument Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Console ranges file not found: {path}", path);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            var ranges = new Dictionary<string, RangeEntry>();
            foreach (var p in root.GetProperty("ranges").EnumerateObject())
            {
                var r = p.Value;
                ranges[p.Name] = new RangeEntry(r.GetProperty("name").GetString()!, r.GetProperty("min").GetDouble(), r.GetProperty("max").GetDouble(),
                    r.GetProperty("default").GetDouble(), r.GetProperty("unit").GetString()!, r.GetProperty("meaning").GetString()!);
            }
            var bands = root.GetProperty("eq_bands").EnumerateArray().Select(b => new EqBandEntry(
                b.GetProperty("index").GetInt32(), b.GetProperty("type").GetString()!, b.GetProperty("default_freq_hz").GetDouble(),
                b.GetProperty("default_gain_db").GetDouble(), b.GetProperty("default_q").GetDouble())).ToArray();
            var outputs = new Dictionary<string, ModelOutputEntry>();
            if (root.TryGetProperty("model_outputs", out var mo))
                foreach (var p in mo.EnumerateObject())
                    outputs[p.Name] = new ModelOutputEntry(p.Value.GetProperty("range").GetString()!, p.Value.GetProperty("per_track").GetBoolean(),
                        p.Value.GetProperty("shape").EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Number
                            ? e.GetInt32().ToString(CultureInfo.InvariantCulture) : e.GetString()!).ToArray(),
                        p.Value.GetProperty("scale").GetString()!);
            return new ConsoleRangesDocument(root.GetProperty("off_db").GetDouble(), ranges, bands, outputs);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path} is not a console ranges file as training/export.py writes it: {e.Message}", e);
        }
    }

    /// <summary>Every ParameterRange field of <see cref="ConsoleRanges"/>, by field name.</summary>
    public static IReadOnlyDictionary<string, ParameterRange> EngineRanges { get; } =
        typeof(ConsoleRanges).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ParameterRange))
            .ToDictionary(f => f.Name, f => (ParameterRange)f.GetValue(null)!);

    public static string FieldName(ParameterRange range) =>
        EngineRanges.FirstOrDefault(kv => ReferenceEquals(kv.Value, range)).Key
        ?? throw new ArgumentException($"Range \"{range.Name}\" is not declared in ConsoleRanges.", nameof(range));

    /// <summary>
    /// Where this file and the engine disagree: ranges (every field), the off level, the flat EQ layout, and the
    /// model's outputs against <see cref="ModelOutputSpec.All"/>. Empty when they agree.
    /// </summary>
    public IReadOnlyList<string> DifferencesFromEngine()
    {
        var diffs = new List<string>();
        if (OffDb != ConsoleRanges.OffDb) diffs.Add($"off_db is {OffDb} here but {ConsoleRanges.OffDb} in ConsoleRanges");
        foreach (var (field, range) in EngineRanges)
        {
            if (!Ranges.TryGetValue(field, out var e)) { diffs.Add($"range {field} is missing"); continue; }
            var engine = new RangeEntry(range.Name, range.Min, range.Max, range.Default, range.Unit, range.Meaning);
            if (e != engine) diffs.Add($"range {field} is {e} here but {engine} in ConsoleRanges");
        }
        foreach (string field in Ranges.Keys.Except(EngineRanges.Keys)) diffs.Add($"range {field} is not in ConsoleRanges");

        var flat = ParametricEqSettings.Flat.Bands;
        if (EqBands.Count != flat.Length) diffs.Add($"{EqBands.Count} EQ bands here but {flat.Length} in ParametricEqSettings.Flat");
        for (int i = 0; i < Math.Min(EqBands.Count, flat.Length); i++)
        {
            var b = EqBands[i];
            var engine = new EqBandEntry(i, flat[i].Type.ToString(), flat[i].FrequencyHz, flat[i].GainDb, flat[i].Q);
            if (b != engine) diffs.Add($"EQ band {i + 1} is {b} here but {engine} in ParametricEqSettings.Flat");
        }

        if (ModelOutputs.Count > 0)
        {
            foreach (var spec in ModelOutputSpec.All)
            {
                if (!ModelOutputs.TryGetValue(spec.Name, out var o)) { diffs.Add($"model output {spec.Name} is missing"); continue; }
                if (o.Range != spec.RangeField) diffs.Add($"model output {spec.Name} is scaled into {o.Range} but applied as {spec.RangeField}");
                if (o.PerTrack != spec.PerTrack) diffs.Add($"model output {spec.Name} is {(o.PerTrack ? "per track" : "for the master")} here");
                int width = o.Shape.Count - (spec.PerTrack ? 2 : 1) == 1 ? int.Parse(o.Shape[^1], CultureInfo.InvariantCulture) : 0;
                if (width != spec.Width) diffs.Add($"model output {spec.Name} has {Math.Max(1, width)} values per {(spec.PerTrack ? "track" : "master")} here but {spec.ValuesPer} are applied");
            }
            foreach (string name in ModelOutputs.Keys.Except(ModelOutputSpec.All.Select(o => o.Name)))
                diffs.Add($"model output {name} is not applied by this build");
        }
        return diffs;
    }
}
