using System.CommandLine;
using System.Globalization;
using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Audio;

namespace Mixwright.Assistant.Cli;

/// <summary>`mixwright analyze FILE [--json]`: the measurements the assistant explains its choices with.</summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Audio file to measure (WAV, FLAC, MP3, OGG, AIFF, M4A...)." };
        var json = new Option<bool>("--json") { Description = "Print the measurements as JSON." };
        var command = new Command("analyze", "Measure loudness, peaks, dynamics, spectrum and stereo image of an audio file.") { file, json };
        command.SetAction(parse => CliApp.Guard(() =>
        {
            var report = MixAnalyzerFile(parse.GetRequiredValue(file));
            Console.WriteLine(parse.GetValue(json) ? report.ToJson() : Describe(report));
            return CliApp.ExitOk;
        }));
        return command;
    }

    /// <summary>What `analyze` measures; any file that cannot be measured is one sentence naming it (<see cref="AudioFileProblem"/>).</summary>
    public static AnalysisReport MixAnalyzerFile(string path) => AudioFileProblem.Reading(path, () => Measure(path));

    private static AnalysisReport Measure(string path)
    {
        using var source = AudioFile.Open(path, Path.Combine(Path.GetTempPath(), "mixwright-cache"), AudioFile.MaxStemChannels);
        var analyzer = new MixAnalyzer(source.SampleRate, source.ChannelCount);
        var buffer = new AudioBuffer(source.ChannelCount, 65536, source.SampleRate);
        int n;
        while ((n = source.Read(buffer, buffer.Frames)) > 0) analyzer.Add(buffer, n);
        return analyzer.Result();
    }

    private static string Describe(AnalysisReport r)
    {
        static string F(double v, string unit) => double.IsFinite(v) ? v.ToString("0.0", CultureInfo.InvariantCulture) + " " + unit : "silent";
        var lines = new List<string>
        {
            $"Integrated loudness  {F(r.IntegratedLufs, "LUFS")}",
            $"Loudness range       {F(r.LoudnessRangeLu, "LU")}",
            $"True peak            {F(r.TruePeakDbtp, "dBTP")}",
            $"Sample peak          {F(r.SamplePeakDbfs, "dBFS")}",
            $"RMS                  {F(r.RmsDbfs, "dBFS")}",
            $"Crest factor         {F(r.CrestDb, "dB")}",
            $"Stereo width         {r.StereoWidth.ToString("0.000", CultureInfo.InvariantCulture)} (side/mid energy)",
            $"Stereo imbalance     {r.StereoImbalance.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture)} (-1 left .. +1 right)",
            "Octave bands (dB)    " + string.Join("  ", r.OctaveDb.Select(kv => $"{kv.Key}:{kv.Value.ToString("0", CultureInfo.InvariantCulture)}")),
        };
        return string.Join(Environment.NewLine, lines);
    }
}
