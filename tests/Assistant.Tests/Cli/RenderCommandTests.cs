using System.Text.Json.Nodes;
using Mixwright.Dsp.Audio;

namespace Mixwright.Assistant.Tests.Cli;

/// <summary>`mixwright new` then `render`, and what bad input does to them, through the real program.</summary>
public sealed class RenderCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mixwright-render-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Stems(params (string Name, int Rate, int Channels)[] stems)
    {
        string dir = Path.Combine(_dir, "stems");
        Directory.CreateDirectory(dir);
        foreach (var (name, rate, channels) in stems)
        {
            var b = new AudioBuffer(channels, rate * 2, rate);
            for (int c = 0; c < channels; c++)
                for (int i = 0; i < b.Frames; i++) b.Channel(c)[i] = (float)(0.2 * Math.Sin(2 * Math.PI * 220 * i / rate + c));
            AudioFile.Save(Path.Combine(dir, name), b);
        }
        return dir;
    }

    private string NewSession(string stems)
    {
        string session = Path.Combine(_dir, "session.json");
        var created = MixwrightProcess.Run("new", stems, "-o", session);
        Assert.True(created.ExitCode == 0, created.Stderr);
        return session;
    }

    [Fact]
    public void Stems_at_8_and_192_kHz_render_at_the_session_rate()
    {
        string session = NewSession(Stems(("Kick.wav", 44100, 1), ("Bass.wav", 44100, 2), ("Vox.wav", 8000, 1), ("Pad.flac", 192000, 2)));
        string mix = Path.Combine(_dir, "mix.wav");

        var result = MixwrightProcess.Run("render", session, "-o", mix, "--lufs", "-16");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var info = WavReader.ReadInfo(mix);
        Assert.Equal(44100, info.SampleRate);
        Assert.Equal(2 * 44100, info.LengthFrames, 2.0);
        Assert.Contains("-16.0 LUFS", result.Stdout);
    }

    [Fact]
    public void An_existing_output_file_is_replaced_only_with_force_and_a_stem_never()
    {
        string stems = Stems(("Kick.wav", 44100, 1));
        string session = NewSession(stems);
        string master = Path.Combine(_dir, "final_master.wav");
        File.WriteAllText(master, "the user's master");

        var refused = MixwrightProcess.Run("render", session, "-o", master);
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal($"error: final_master.wav already exists ({master}); add --force to replace it, or choose another output file. Nothing was written.", refused.Stderr.Trim());
        Assert.Equal("the user's master", File.ReadAllText(master));

        var stem = MixwrightProcess.Run("render", session, "-o", Path.Combine(stems, "Kick.wav"), "--force");
        Assert.Equal(1, stem.ExitCode);
        Assert.Contains("never writes over those, even with --force", stem.Stderr);

        var forced = MixwrightProcess.Run("render", session, "-o", master, "--force");
        Assert.True(forced.ExitCode == 0, forced.Stderr);
        Assert.Equal(44100, WavReader.ReadInfo(master).SampleRate);
    }

    [Fact]
    public void Lufs_alone_normalises_to_the_streaming_default()
    {
        string session = NewSession(Stems(("Kick.wav", 44100, 1)));

        var result = MixwrightProcess.Run("render", session, "-o", Path.Combine(_dir, "mix.flac"), "--lufs");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("-14.0 LUFS", result.Stdout);
    }

    [Fact]
    public void A_missing_stem_is_named_and_nothing_is_written()
    {
        string stems = Stems(("Kick.wav", 44100, 1), ("Lead Vocal.wav", 44100, 1));
        string session = NewSession(stems);
        File.Delete(Path.Combine(stems, "Lead Vocal.wav"));
        string mix = Path.Combine(_dir, "mix.wav");

        var result = MixwrightProcess.Run("render", session, "-o", mix);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", result.Stderr);
        Assert.Contains("Lead Vocal.wav", result.Stderr);
        Assert.False(File.Exists(mix));
        Assert.Empty(Directory.GetFiles(_dir, ".mix.wav*"));
    }

    [Fact]
    public void A_hand_edited_out_of_range_value_is_refused_with_its_range()
    {
        string session = NewSession(Stems(("Kick.wav", 44100, 1)));
        var json = JsonNode.Parse(File.ReadAllText(session))!;
        json["tracks"]![0]!["gain_db"] = 99;
        File.WriteAllText(session, json.ToJsonString());
        string mix = Path.Combine(_dir, "mix.wav");

        var result = MixwrightProcess.Run("render", session, "-o", mix);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("gain_db", result.Stderr);
        Assert.Contains("+24", result.Stderr);
        Assert.False(File.Exists(mix));
    }

    [Fact]
    public void A_stem_with_infinite_samples_is_named_with_its_time()
    {
        string stems = Stems(("Kick.wav", 44100, 1));
        string session = NewSession(stems);
        var bad = new AudioBuffer(1, 88200, 44100);
        bad.Channel(0)[44100] = float.PositiveInfinity;
        WavWriter.Write(Path.Combine(stems, "Kick.wav"), bad, WavSampleFormat.Float32);
        string mix = Path.Combine(_dir, "mix.flac");

        var result = MixwrightProcess.Run("render", session, "-o", mix);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Kick.wav", result.Stderr);
        Assert.Contains("1.000 s", result.Stderr);
        Assert.False(File.Exists(mix));
    }

    [Fact]
    public void An_unknown_output_format_is_refused_before_any_work()
    {
        string session = NewSession(Stems(("Kick.wav", 44100, 1)));

        var result = MixwrightProcess.Run("render", session, "-o", Path.Combine(_dir, "mix.xyz"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(".xyz", result.Stderr);
    }

    [Fact]
    public void State_undo_and_redo_work_on_a_new_session()
    {
        string session = NewSession(Stems(("Kick.wav", 44100, 1), ("Bass.wav", 44100, 1)));

        var state = MixwrightProcess.Run("state", session, "--json");
        Assert.Equal(0, state.ExitCode);
        var tracks = JsonNode.Parse(state.Stdout)!["tracks"]!.AsArray();
        Assert.Equal(["Bass", "Kick"], tracks.Select(t => (string)t!["name"]!).Order());
        Assert.Equal("kick", (string)tracks.Single(t => (string)t!["name"]! == "Kick")!["role"]!);

        var undo = MixwrightProcess.Run("undo", session);
        Assert.Equal(1, undo.ExitCode);
        Assert.StartsWith("error: ", undo.Stderr);

        var text = MixwrightProcess.Run("state", session);
        Assert.Contains("Kick", text.Stdout);
        Assert.Contains("master:", text.Stdout);
    }
}
