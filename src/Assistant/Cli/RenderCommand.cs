using System.CommandLine;
using System.Globalization;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Mixing;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Cli;

/// <summary>`mixwright render SESSION.json -o mix.wav [--lufs -14]`: bounce the session's current mix.</summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var session = new Argument<string>("session") { Description = "Session file (mixwright-session.json)." };
        var output = new Option<string>("--output", "-o") { Description = "Output file: .wav, or .flac/.mp3/.ogg/.opus/.m4a/.aiff through ffmpeg.", Required = true };
        var lufs = new Option<double?>("--lufs")
        {
            Description = $"Normalise the master to this integrated loudness in LUFS ({ConsoleRanges.LoudnessTargetLufs.Describe()}); alone, {ConsoleRanges.LoudnessTargetLufs.Default} LUFS.",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = result => result.Tokens.Count == 0
                ? ConsoleRanges.LoudnessTargetLufs.Default
                : double.Parse(result.Tokens[0].Value, CultureInfo.InvariantCulture),
        };
        var format = new Option<WavSampleFormat>("--format") { Description = "WAV sample format.", DefaultValueFactory = _ => WavSampleFormat.Float32 };
        var force = OutputFileGuard.ForceOption();
        var command = new Command("render", "Render the session's mix to an audio file.") { session, output, lufs, format, force };
        command.SetAction(parse => CliApp.Guard(() =>
        {
            string path = parse.GetRequiredValue(session);
            var loaded = MixSession.Load(path);
            OutputFileGuard.Check(parse.GetRequiredValue(output), parse.GetValue(force), loaded);
            var mix = loaded.ToMixDefinition();
            var options = new RenderOptions(parse.GetRequiredValue(output))
            {
                LoudnessTargetLufs = parse.GetValue(lufs),
                Format = parse.GetValue(format),
                CacheDirectory = DspMixEngine.ForSession(path).CacheDirectory,
                Analysis = RenderAnalysis.Levels,    // the report below shows no spectra
            };
            var result = OfflineRenderer.Render(mix, options, new ConsoleProgress());
            var a = result.Analysis;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Rendered {result.OutputPath}: {result.DurationSeconds:0.0} s in {result.ElapsedSeconds:0.00} s ({result.RealTimeFactor:0}x real time); " +
                $"{a.IntegratedLufs:0.0} LUFS, true peak {a.TruePeakDbtp:0.0} dBTP, loudness range {a.LoudnessRangeLu:0.0} LU."));
            return CliApp.ExitOk;
        }));
        return command;
    }
}
