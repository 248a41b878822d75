using System.Text.Json.Nodes;
using Mixwright.Dsp.Parameters;
using Mixwright.Embeddings.StyleTransfer;

namespace Mixwright.Embeddings.Tests.StyleTransfer;

/// <summary>The ranges the model was trained against are the engine's ConsoleRanges (declared once, in C#).</summary>
public sealed class ConsoleRangesDocumentTests
{
    [ModelFact]
    public void The_exported_console_ranges_equal_the_engines()
    {
        var doc = ConsoleRangesDocument.Load(ModelFiles.Locate().RangesPath);
        Assert.Empty(doc.DifferencesFromEngine());
        Assert.Equal(ConsoleRanges.All.Count, doc.Ranges.Count);
        Assert.Equal(ConsoleRanges.GainDb.Max, doc.Ranges["GainDb"].Max);
        Assert.Equal(ModelOutputSpec.All.Count, doc.ModelOutputs.Count);
    }

    [Fact]
    public void A_range_that_drifted_from_the_engine_is_reported_by_name()
    {
        string path = WriteDocument(root => root["ranges"]!["GainDb"]!["max"] = 18.0);
        try
        {
            var diffs = ConsoleRangesDocument.Load(path).DifferencesFromEngine();
            var diff = Assert.Single(diffs);
            Assert.Contains("GainDb", diff);
            Assert.Contains("18", diff);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_document_made_from_the_engine_has_no_differences_and_an_output_scaled_into_another_range_is_caught()
    {
        string same = WriteDocument(_ => { });
        string moved = WriteDocument(root => root["model_outputs"]!["pan"]!["range"] = "Width");
        try
        {
            Assert.Empty(ConsoleRangesDocument.Load(same).DifferencesFromEngine());
            Assert.Contains(ConsoleRangesDocument.Load(moved).DifferencesFromEngine(), d => d.Contains("pan") && d.Contains("Width"));
        }
        finally
        {
            File.Delete(same);
            File.Delete(moved);
        }
    }

    [Fact]
    public void A_file_that_is_not_a_ranges_document_names_itself()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ranges-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"hello\": 1}");
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => ConsoleRangesDocument.Load(path));
            Assert.Contains(path, e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The document training/export.py would write for this engine, edited by <paramref name="edit"/>.</summary>
    private static string WriteDocument(Action<JsonObject> edit)
    {
        var ranges = new JsonObject();
        foreach (var (field, r) in ConsoleRangesDocument.EngineRanges)
            ranges[field] = new JsonObject { ["name"] = r.Name, ["min"] = r.Min, ["max"] = r.Max, ["default"] = r.Default, ["unit"] = r.Unit, ["meaning"] = r.Meaning };
        var bands = new JsonArray();
        var flat = ParametricEqSettings.Flat.Bands;
        for (int i = 0; i < flat.Length; i++)
            bands.Add(new JsonObject { ["index"] = i, ["type"] = flat[i].Type.ToString(), ["default_freq_hz"] = flat[i].FrequencyHz, ["default_gain_db"] = flat[i].GainDb, ["default_q"] = flat[i].Q });
        var outputs = new JsonObject();
        foreach (var o in ModelOutputSpec.All)
        {
            var shape = new JsonArray { 1 };
            if (o.PerTrack) shape.Add("tracks");
            if (o.Width > 0) shape.Add(o.Width);
            outputs[o.Name] = new JsonObject { ["range"] = o.RangeField, ["per_track"] = o.PerTrack, ["shape"] = shape, ["scale"] = "linear" };
        }
        var root = new JsonObject { ["off_db"] = ConsoleRanges.OffDb, ["ranges"] = ranges, ["eq_bands"] = bands, ["model_outputs"] = outputs };
        edit(root);
        string path = Path.Combine(Path.GetTempPath(), $"ranges-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }
}
