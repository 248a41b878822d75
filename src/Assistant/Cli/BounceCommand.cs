using System.CommandLine;
using System.Globalization;
using Mixwright.Tools.Bounce;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Cli;

/// <summary>`mixwright bounce SESSION -o DIR [--force]`: every track, the reverb return and a settings sheet, for any DAW.</summary>
internal static class BounceCommand
{
    public static Command Create()
    {
        var session = new Argument<string>("session") { Description = "Session file." };
        var output = new Option<string>("--output", "-o") { Description = "Folder for the files (created if missing).", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace files of an earlier bounce in the folder." };
        var command = new Command("bounce", "Export every track through its chain (post-fader, panned, stereo WAV), the reverb return and a settings sheet, to rebuild the mix in any DAW.") { session, output, force };
        command.SetAction(parse => CliApp.Guard(() =>
        {
            string path = parse.GetRequiredValue(session);
            var result = StemBouncer.Bounce(MixSession.Load(path), parse.GetRequiredValue(output), DspMixEngine.ForSession(path).CacheDirectory, parse.GetValue(force));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Bounced {result.TrackFiles.Count} tracks{(result.ReverbReturnFile is null ? "" : " and the reverb return")} ({result.DurationSeconds:0.0} s each) into {result.Folder}:"));
            foreach (var f in result.TrackFiles) Console.WriteLine("  " + Path.GetFileName(f));
            if (result.ReverbReturnFile is not null) Console.WriteLine("  " + Path.GetFileName(result.ReverbReturnFile));
            Console.WriteLine($"  {Path.GetFileName(result.SheetText)}, {Path.GetFileName(result.SheetJson)} (every setting of every track and bus)");
            if (result.SkippedTracks.Count > 0) Console.WriteLine("Not bounced (muted or not soloed): " + string.Join(", ", result.SkippedTracks));
            Console.WriteLine("Place the files at unity, centred: their sum is the mix with the master bus bypassed.");
            return CliApp.ExitOk;
        }));
        return command;
    }
}
