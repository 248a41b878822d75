using System.Text.Json;
using Mixwright.Dsp.Audio;

namespace Mixwright.Assistant.Tests.Cli;

public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mixwright-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Tone(string name, double amplitude = 0.5)
    {
        var b = new AudioBuffer(2, 44100 * 3, 44100);
        for (int i = 0; i < b.Frames; i++)
        {
            b.Channel(0)[i] = (float)(amplitude * Math.Sin(2 * Math.PI * 1000 * i / 44100));
            b.Channel(1)[i] = (float)(amplitude * 0.5 * Math.Sin(2 * Math.PI * 1000 * i / 44100));
        }
        string path = Path.Combine(_dir, name);
        AudioFile.Save(path, b);
        return path;
    }

    [Fact]
    public void Json_has_every_documented_measurement()
    {
        var result = MixwrightProcess.Run("analyze", Tone("tone.wav"), "--json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        foreach (var key in new[] { "integrated_lufs", "loudness_range_lu", "true_peak_dbtp", "sample_peak_dbfs", "rms_dbfs", "crest_db", "stereo_width", "stereo_imbalance" })
            Assert.Equal(JsonValueKind.Number, root.GetProperty(key).ValueKind);
        Assert.Equal(24, root.GetProperty("bark_mid_db").GetArrayLength());
        Assert.Equal(24, root.GetProperty("bark_side_db").GetArrayLength());
        var octaves = root.GetProperty("octave_db").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["31", "63", "125", "250", "500", "1000", "2000", "4000", "8000", "16000"], octaves);
        // The left channel is twice as loud as the right: energy leans left.
        Assert.InRange(root.GetProperty("stereo_imbalance").GetDouble(), -0.61, -0.59);
        Assert.InRange(root.GetProperty("sample_peak_dbfs").GetDouble(), -6.1, -5.9);
    }

    [Fact]
    public void Reads_formats_other_than_wav_through_ffmpeg()
    {
        string flac = Path.Combine(_dir, "tone.flac");
        AudioFile.Save(flac, AudioFile.ReadAll(Tone("t.wav")));

        var result = MixwrightProcess.Run("analyze", flac);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Integrated loudness", result.Stdout);
    }

    [Fact]
    public void A_missing_file_is_one_clear_error()
    {
        var result = MixwrightProcess.Run("analyze", Path.Combine(_dir, "nope.wav"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: nope.wav: file not found ({Path.Combine(_dir, "nope.wav")}); check the name and folder.", result.Stderr.Trim());
    }

    [Theory]
    [InlineData("garbage.wav")]
    [InlineData("garbage.mp3")]
    [InlineData("empty.wav")]
    public void Corrupt_or_empty_files_name_the_file(string name)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, name.StartsWith("empty") ? [] : Enumerable.Range(0, 5000).Select(i => (byte)(i * 37 % 251)).ToArray());

        var result = MixwrightProcess.Run("analyze", path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", result.Stderr);
        Assert.Contains(name, result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }
}
