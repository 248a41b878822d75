using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Check;

/// <summary>The ranked findings of one check, with the levels it measured, as text for people and JSON for scripts and the agent.</summary>
public sealed record MixCheckReport(IReadOnlyList<CheckFinding> Findings, MixMeasurements Measurements, DeliveryTarget Target)
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public CheckFinding? Top => Findings.Count > 0 ? Findings[0] : null;

    /// <summary>The tracks that are playing, loudest first, as they sit in the mix.</summary>
    public IReadOnlyList<TrackMeasure> TracksByLoudness =>
        Measurements.Tracks.Where(t => !t.IsSilent).OrderByDescending(t => t.IntegratedLufs).ToList();

    public JsonObject ToJsonObject()
    {
        var findings = new JsonArray();
        for (int i = 0; i < Findings.Count; i++)
        {
            var f = Findings[i];
            findings.Add(new JsonObject
            {
                ["rank"] = i + 1,
                ["kind"] = f.Kind,
                ["severity"] = f.Severity.WireName(),
                ["title"] = f.Title,
                ["tracks"] = new JsonArray([.. f.Tracks.Select(t => (JsonNode)DisplayText.Clean(t))]),
                ["measurement"] = f.Measurement,
                ["explanation"] = f.Explanation,
                ["proposal"] = new JsonArray([.. f.Proposal.Select(Change)]),
            });
        }
        var levels = new JsonArray([.. TracksByLoudness.Select(t => (JsonNode)new JsonObject
        {
            ["track"] = DisplayText.Clean(t.Name),
            ["role"] = t.Stem.Role.WireName(),
            ["lufs_in_mix"] = Math.Round(t.IntegratedLufs, 1),
            ["loudness_range_lu"] = Math.Round(t.RangeLu, 1),
        })]);
        var m = Measurements.Master;
        return new JsonObject
        {
            ["target"] = new JsonObject { ["name"] = Target.Id, ["lufs"] = Target.Lufs, ["max_true_peak_dbtp"] = Target.MaxTruePeakDbtp },
            ["master"] = new JsonObject
            {
                ["integrated_lufs"] = Finite(m.IntegratedLufs),
                ["true_peak_dbtp"] = Finite(m.TruePeakDbtp),
                ["loudness_range_lu"] = Finite(m.LoudnessRangeLu),
                ["stereo_width"] = Finite(m.StereoWidth),
                ["stereo_imbalance"] = Finite(m.StereoImbalance),
            },
            ["findings"] = findings,
            ["tracks_by_loudness"] = levels,
            ["elapsed_s"] = Math.Round(Measurements.ElapsedSeconds, 3),
        };
    }

    public string ToJson(bool indented = true) => ToJsonObject().ToJsonString(new JsonSerializerOptions
    {
        WriteIndented = indented,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public string ToText()
    {
        var text = new StringBuilder();
        var m = Measurements.Master;
        text.AppendLine(string.Format(C, "Master: {0:0.0} LUFS, true peak {1:+0.0;-0.0} dBTP (target: {2}, {3:0} LUFS).",
            m.IntegratedLufs, m.TruePeakDbtp, Target.Description, Target.Lufs));
        if (Findings.Count == 0)
        {
            text.AppendLine("Nothing stands out: levels, spectrum, stereo image and loudness are all within range.");
            return text.ToString();
        }
        for (int i = 0; i < Findings.Count; i++)
        {
            var f = Findings[i];
            text.AppendLine();
            text.AppendLine(string.Format(C, "{0}. [{1}] {2} ({3})", i + 1, f.Severity.WireName(), f.Title, f.Kind));
            text.AppendLine("   Measured: " + f.Measurement + ".");
            text.AppendLine("   Why it matters: " + f.Explanation);
            if (f.Proposal.Count == 0) text.AppendLine("   Proposal: none on the console (see above).");
            else
            {
                text.AppendLine("   Proposal (not applied): " + f.Proposal[0].Rationale.Sentence);
                foreach (var c in f.Proposal) text.AppendLine("     - " + Describe(c));
            }
        }
        return text.ToString();
    }

    private static JsonNode Change(ChangeRequest c)
    {
        var o = new JsonObject
        {
            ["target"] = c.Target.Scope == TargetScope.Track ? DisplayText.Clean(c.Target.Track) : c.Target.ScopeWireName,
            ["parameter"] = c.Parameter,
            ["to"] = c.To.Kind switch
            {
                ParameterValueKind.Flag => JsonValue.Create(c.To.Flag),
                ParameterValueKind.Off => null,
                _ => JsonValue.Create(Math.Round(c.To.Number, 3)),
            },
            ["reason"] = c.Rationale.Sentence,
        };
        return o;
    }

    public static string Describe(ChangeRequest c)
    {
        var spec = ParameterCatalog.Get(c.Target.Scope, c.Parameter);
        return $"{DisplayText.Clean(c.Target.ToString())} {c.Parameter} to {c.To.Display(spec.Unit)}";
    }

    private static JsonNode? Finite(double v) => double.IsFinite(v) ? JsonValue.Create(Math.Round(v, 2)) : null;
}
