using System.Text.Json;
using Mixwright.Dsp.Audio;

namespace Mixwright.Assistant.Tests.Cli;

/// <summary>`mixwright match` through the real program: a folder or a session in, a rendered mix and the console with its reasons out.</summary>
public sealed class MatchCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mixwright-match-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Stems()
    {
        string dir = Path.Combine(_dir, "stems");
        Directory.CreateDirectory(dir);
        Save(Path.Combine(dir, "Kick.wav"), 1, (t, _) => 0.7 * Math.Sin(2 * Math.PI * 55 * t) * Math.Exp(-(t % 0.5) * 10));
        Save(Path.Combine(dir, "Pad.flac"), 2, (t, c) => 0.05 * Math.Sin(2 * Math.PI * (330 + c) * t));
        Save(Path.Combine(dir, "Gap.wav"), 1, (_, _) => 0);
        return dir;
    }

    private string Reference() => Save(Path.Combine(_dir, "reference.wav"), 2, (t, c) =>
        0.3 * Math.Sin(2 * Math.PI * 55 * t) * Math.Exp(-(t % 0.5) * 10) + 0.2 * Math.Sin(2 * Math.PI * (330 + c) * t));

    private static string Save(string path, int channels, Func<double, int, double> sample)
    {
        var b = new AudioBuffer(channels, 44100 * 4, 44100);
        for (int c = 0; c < channels; c++)
            for (int i = 0; i < b.Frames; i++) b.Channel(c)[i] = (float)sample((double)i / 44100, c);
        AudioFile.Save(path, b);
        return path;
    }

    [Fact]
    public void A_stem_folder_is_matched_rendered_and_explained()
    {
        string mix = Path.Combine(_dir, "mix.wav"), parameters = Path.Combine(_dir, "params.json");
        var result = MixwrightProcess.Run("match", Stems(), "--reference", Reference(), "-o", mix, "--method", "loudness", "--params", parameters);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("Matched 2 stems to reference.wav with the loudness method", result.Stdout);
        Assert.Contains("Gap", result.Stdout);
        Assert.Contains("silent, unchanged", result.Stdout);
        Assert.Contains("Why:", result.Stdout);
        Assert.Equal(4 * 44100, WavReader.ReadInfo(mix).LengthFrames, 1.0);

        using var doc = JsonDocument.Parse(File.ReadAllText(parameters));
        var root = doc.RootElement;
        Assert.Equal("loudness", root.GetProperty("method").GetString());
        Assert.Equal(["Gap", "Kick", "Pad"], root.GetProperty("tracks").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).Order());
        var pad = root.GetProperty("tracks").EnumerateArray().First(t => t.GetProperty("name").GetString() == "Pad");
        // The quiet pad is lifted to the kick's loudness.
        Assert.True(pad.GetProperty("gain_db").GetDouble() > 5, pad.ToString());
        Assert.All(root.GetProperty("drivers").EnumerateArray(), d => Assert.False(string.IsNullOrWhiteSpace(d.GetProperty("sentence").GetString())));
        Assert.True(root.GetProperty("errors").GetProperty("rms_db").GetDouble() < 0.5);
    }

    [Fact]
    public void A_session_is_matched_without_changing_the_session()
    {
        string session = Path.Combine(_dir, "session.json");
        var created = MixwrightProcess.Run("new", Stems(), "-o", session);
        Assert.True(created.ExitCode == 0, created.Stderr);
        string before = File.ReadAllText(session);

        var result = MixwrightProcess.Run("match", session, "-r", Reference(), "-o", Path.Combine(_dir, "mix.flac"), "--method", "loudness");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.True(File.Exists(Path.Combine(_dir, "mix.flac")));
        Assert.Equal(before, File.ReadAllText(session));
    }

    [Theory]
    [InlineData("--method", "fancy", "Unknown match method \"fancy\"")]
    [InlineData("-r", "missing.wav", "missing.wav")]
    public void Bad_input_is_one_clear_error(string option, string value, string message)
    {
        string stems = Stems();
        var args = new List<string> { "match", stems, "-o", Path.Combine(_dir, "mix.wav") };
        if (option == "--method") args.AddRange(["-r", Reference(), "--method", value]);
        else args.AddRange(["-r", Path.Combine(_dir, value), "--method", "loudness"]);

        var result = MixwrightProcess.Run([.. args]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", result.Stderr);
        Assert.Contains(message, result.Stderr);
        Assert.False(File.Exists(Path.Combine(_dir, "mix.wav")));
    }
}
