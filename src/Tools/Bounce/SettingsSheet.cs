using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Bounce;

/// <summary>
/// The settings sheet that goes with a stem bounce: every parameter of every track, the reverb and the master, as
/// JSON for scripts and as a text table for the person rebuilding the mix in a DAW. The parameters are the
/// console's own catalog (<see cref="ParameterCatalog"/>), so the sheet lists exactly what the console has.
/// </summary>
public sealed class SettingsSheet(MixSession session, IReadOnlyList<string> trackFiles, string? returnFile, IReadOnlyList<string> skipped)
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    private IEnumerable<(string Name, string Value, JsonNode? Json)> Parameters(MixTarget target) =>
        ParameterCatalog.For(target.Scope).Select(spec =>
        {
            var v = spec.Get(session.Console, target);
            JsonNode? json = v.Kind switch
            {
                ParameterValueKind.Flag => JsonValue.Create(v.Flag),
                ParameterValueKind.Off => null,
                _ => JsonValue.Create(Math.Round(v.Number, 4)),
            };
            return (spec.Name, v.Display(spec.Unit), json);
        });

    private static JsonObject Object(IEnumerable<(string Name, string Value, JsonNode? Json)> parameters)
    {
        var o = new JsonObject();
        foreach (var (name, _, json) in parameters) o[name] = json;
        return o;
    }

    public string ToJson()
    {
        var tracks = new JsonArray();
        for (int i = 0; i < session.Stems.Count; i++)
        {
            var stem = session.Stems[i];
            string? file = trackFiles.FirstOrDefault(f => Path.GetFileName(f) == StemBouncer.TrackFileName(i, stem.Name));
            tracks.Add(new JsonObject
            {
                ["number"] = i + 1,
                ["track"] = DisplayText.Clean(stem.Name),
                ["role"] = stem.Role.WireName(),
                ["stem"] = stem.File,
                ["file"] = file is null ? null : Path.GetFileName(file),
                ["note"] = file is null ? "not audible (muted, or another track is soloed): not bounced" : null,
                ["settings"] = Object(Parameters(MixTarget.ForTrack(stem.Name))),
            });
        }
        var root = new JsonObject
        {
            ["session"] = Path.GetFileName(session.FilePath),
            ["sample_rate"] = session.SampleRate,
            ["format"] = "stereo WAV, 32-bit float",
            ["how_to_rebuild"] = "Place every file at bar 1 with faders at 0 dB and pans centred: they are post-fader and panned. Their sum is the mix with the master bus bypassed; set the DAW's master from \"master\".",
            ["tracks"] = tracks,
            ["reverb"] = Object(Parameters(MixTarget.Reverb)),
            ["reverb_return_file"] = returnFile is null ? null : Path.GetFileName(returnFile),
            ["master"] = Object(Parameters(MixTarget.Master)),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine(string.Format(C, "Mix settings of {0} ({1} Hz). Files are post-fader and panned: place them at unity, centred.", Path.GetFileName(session.FilePath), session.SampleRate));
        text.AppendLine("Their sum is the mix with the master bus bypassed; the master's settings are at the end.");
        text.AppendLine();
        var rows = new List<string[]> { new[] { "#", "Track", "Role", "File", "Gain", "Pan", "Width", "Send", "HPF", "EQ", "Compressor" } };
        for (int i = 0; i < session.Stems.Count; i++)
        {
            var stem = session.Stems[i];
            var t = session.Console.Track(stem.Name);
            string file = trackFiles.Any(f => Path.GetFileName(f) == StemBouncer.TrackFileName(i, stem.Name)) ? StemBouncer.TrackFileName(i, stem.Name) : "(not audible)";
            string eq = string.Join(" ", t.Eq.Bands.Select((b, k) => (b, k)).Where(x => !x.b.IsFlat)
                .Select(x => string.Format(C, "{0}:{1:0}Hz {2:+0.#;-0.#}dB Q{3:0.##}", x.k + 1, x.b.FrequencyHz, x.b.GainDb, x.b.Q)));
            string comp = t.Compressor.Enabled
                ? string.Format(C, "{0:0.#}dB {1:0.##}:1 {2:0.#}/{3:0}ms knee {4:0.#} +{5:0.#}", t.Compressor.ThresholdDb, t.Compressor.Ratio, t.Compressor.AttackMs, t.Compressor.ReleaseMs, t.Compressor.KneeDb, t.Compressor.MakeupDb)
                : "off";
            rows.Add([
                (i + 1).ToString(C), DisplayText.Clean(stem.Name), stem.Role.Words(), file,
                string.Format(C, "{0:+0.0;-0.0;0.0}{1}{2}", t.GainDb, t.InvertPolarity ? " Ø" : "", t.InvertRightPolarity ? " ØR" : ""),
                t.Pan.ToString("+0.00;-0.00;C", C), t.Width.ToString("0.00", C),
                t.ReverbSendDb <= Dsp.Parameters.ConsoleRanges.OffDb ? "off" : t.ReverbSendDb.ToString("0.0", C),
                t.HighPass.Enabled ? t.HighPass.FrequencyHz.ToString("0", C) + "Hz" : "off",
                eq.Length == 0 ? "flat" : eq, comp,
            ]);
        }
        Table(text, rows);
        text.AppendLine();
        text.AppendLine("Every parameter:");
        foreach (var stem in session.Stems) Block(text, DisplayText.Clean(stem.Name), Parameters(MixTarget.ForTrack(stem.Name)));
        Block(text, "Reverb bus" + (returnFile is null ? " (not in use: no return file)" : $" (return: {Path.GetFileName(returnFile)})"), Parameters(MixTarget.Reverb));
        Block(text, "Master bus (bypassed in the files)", Parameters(MixTarget.Master));
        if (skipped.Count > 0) text.AppendLine("Not bounced (not audible): " + string.Join(", ", skipped.Select(s => DisplayText.Clean(s))));
        return text.ToString();
    }

    private static void Block(StringBuilder text, string title, IEnumerable<(string Name, string Value, JsonNode? Json)> parameters)
    {
        text.AppendLine();
        text.AppendLine(title);
        foreach (var (name, value, _) in parameters) text.AppendLine($"  {name,-26} {value}");
    }

    private static void Table(StringBuilder text, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows) text.AppendLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
    }
}
