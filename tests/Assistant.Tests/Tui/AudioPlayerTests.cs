using Mixwright.Assistant.Tui;

namespace Mixwright.Assistant.Tests.Tui;

/// <summary>
/// Playback through stand-in players (small shell scripts named ffplay / aplay on a private PATH), so the
/// outcome does not depend on whether this machine has a sound card.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AudioPlayerTests : IDisposable
{
    private readonly string _bin = Directory.CreateTempSubdirectory("mixwright-player-").FullName;
    private readonly string _file;

    public AudioPlayerTests()
    {
        _file = Path.Combine(_bin, "mix.wav");
        File.WriteAllBytes(_file, new byte[64]);
    }

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    private void FakePlayer(string name, string script)
    {
        string path = Path.Combine(_bin, name);
        File.WriteAllText(path, "#!/bin/sh\n" + script + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static async Task<string> Finish(AudioPlayer player, string file)
    {
        var outcome = new TaskCompletionSource<string>();
        Assert.Null(player.Play(file, outcome.SetResult));
        return await outcome.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task No_sound_card_is_reported_plainly_even_when_ffplay_exits_0()
    {
        FakePlayer("ffplay", "echo \"ALSA lib pcm.c:2666:(snd_pcm_open_noupdate) Unknown PCM default\" >&2\necho \"No more combinations to try, audio open failed\" >&2\nexit 0");

        string outcome = await Finish(new AudioPlayer(_bin), _file);

        Assert.Equal("No audio device: ffplay could not open one (\"No more combinations to try, audio open failed\"). The file is still there to copy or open elsewhere.", outcome);
    }

    [Fact]
    public async Task Aplay_is_used_when_ffplay_is_missing_and_its_failure_is_quoted()
    {
        FakePlayer("aplay", "echo \"aplay: test: boom\" >&2\nexit 3");
        var player = new AudioPlayer(_bin);

        Assert.Equal(Path.Combine(_bin, "aplay"), player.Player);
        Assert.Equal("Playback failed: aplay exited with code 3 (aplay: test: boom).", await Finish(player, _file));
    }

    [Fact]
    public void Missing_players_and_missing_files_are_named_before_anything_starts()
    {
        var none = new AudioPlayer(Path.Combine(_bin, "empty"));
        Assert.Null(none.Player);
        Assert.Equal("Playback needs ffplay (from ffmpeg) or aplay (alsa-utils); neither is installed.", none.Play(_file, _ => { }));

        FakePlayer("ffplay", "exit 0");
        Assert.StartsWith("Nothing to play: ", new AudioPlayer(_bin).Play(Path.Combine(_bin, "nope.wav"), _ => { }));
    }

    [Fact]
    public async Task Stop_ends_a_playing_file()
    {
        FakePlayer("ffplay", "exec sleep 30");
        var player = new AudioPlayer(_bin);
        var outcome = new TaskCompletionSource<string>();

        Assert.Null(player.Play(_file, outcome.SetResult));
        Assert.True(player.IsPlaying);
        Assert.True(player.Stop());

        Assert.Equal("Playback stopped.", await outcome.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(player.IsPlaying);
    }
}
