using System.Diagnostics;
using System.Globalization;

namespace Mixwright.Assistant.Demo;

/// <summary>
/// Renders a MIDI file to a 32-bit float WAV with the fluidsynth command-line synthesiser and a
/// General MIDI soundfont. Reverb and chorus are switched off so stems come out dry: ambience is
/// the mixer's job, and baked-in reverb would leave the assistant nothing to decide.
/// </summary>
public sealed class FluidSynthRenderer
{
    public const string InstallHint = "install: apt-get install fluidsynth fluid-soundfont-gm";

    /// <summary>Where Debian's fluid-soundfont-gm puts its soundfont, preferred first.</summary>
    public static readonly IReadOnlyList<string> SoundFontCandidates =
        ["/usr/share/sounds/sf2/FluidR3_GM.sf2", "/usr/share/sounds/sf2/default-GM.sf2"];

    // fluidsynth's own default gain is 0.2; a little more keeps quiet parts well above float noise.
    // Stems are rescaled afterwards, and float output cannot clip, so the exact value is not critical.
    private const double Gain = 0.5;
    private static readonly TimeSpan RenderTimeout = TimeSpan.FromMinutes(2);

    public FluidSynthRenderer(string executablePath, string soundFontPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executablePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(soundFontPath);
        if (!File.Exists(executablePath))
            throw new DemoRenderException($"fluidsynth was not found at '{executablePath}'; {InstallHint}");
        if (!File.Exists(soundFontPath))
            throw new DemoRenderException($"The soundfont '{soundFontPath}' was not found; {InstallHint}");
        ExecutablePath = executablePath;
        SoundFontPath = soundFontPath;
    }

    public string ExecutablePath { get; }
    public string SoundFontPath { get; }

    /// <summary>Finds fluidsynth on PATH and the General MIDI soundfont where Debian installs it.</summary>
    public static FluidSynthRenderer Locate()
    {
        string? executable = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "fluidsynth"))
            .FirstOrDefault(File.Exists);
        if (executable is null)
            throw new DemoRenderException($"fluidsynth was not found on PATH; it renders the demo stems. {InstallHint}");
        string? soundFont = SoundFontCandidates.FirstOrDefault(File.Exists);
        if (soundFont is null)
            throw new DemoRenderException($"No General MIDI soundfont was found (looked for {string.Join(", ", SoundFontCandidates)}). {InstallHint}");
        return new FluidSynthRenderer(executable, soundFont);
    }

    /// <summary>Renders <paramref name="midiPath"/> to a stereo 32-bit float WAV at <paramref name="wavPath"/>.</summary>
    public void Render(string midiPath, string wavPath, int sampleRate)
    {
        if (!File.Exists(midiPath)) throw new FileNotFoundException($"The MIDI file '{midiPath}' does not exist.", midiPath);
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "-n", "-i", "-q",                   // no MIDI input driver, no shell, no banner
            "-R", "0", "-C", "0",               // dry: no reverb, no chorus
            // Load only the samples the file's programs use, not the whole 140 MB soundfont.
            "-o", "synth.dynamic-sample-loading=1",
            "-g", Gain.ToString(CultureInfo.InvariantCulture),
            "-r", sampleRate.ToString(CultureInfo.InvariantCulture),
            "-O", "float", "-T", "wav",
            "-F", wavPath,
            SoundFontPath, midiPath,
        ];
        foreach (string argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start)
            ?? throw new DemoRenderException($"fluidsynth ('{ExecutablePath}') could not be started.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(RenderTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new DemoRenderException($"fluidsynth did not finish rendering '{midiPath}' within {RenderTimeout.TotalSeconds} s.");
        }
        process.WaitForExit();
        string log = (output.Result + errors.Result).Trim();
        // fluidsynth reports an unreadable MIDI file as "error:" yet exits 0 with a silent file.
        bool reportedError = log.Contains("error", StringComparison.OrdinalIgnoreCase);
        if (process.ExitCode != 0 || reportedError || !File.Exists(wavPath))
            throw new DemoRenderException(
                $"fluidsynth failed to render '{midiPath}' (exit code {process.ExitCode}){(log.Length > 0 ? ": " + log : ".")}");
    }
}
