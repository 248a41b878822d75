using Mixwright.Assistant.Demo;

namespace Mixwright.Assistant.Tests.Demo;

public sealed class FluidSynthRendererTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("mixwright-fluidsynth-test-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public void Renders_a_written_midi_file_to_audible_stereo_at_the_asked_rate()
    {
        // Two bars of bass then silence: the render must sound where the notes are and only there.
        var notes = Enumerable.Range(0, 8).Select(i => new MidiNote(i * 480L, 400, 40 + (i % 4) * 2, 100)).ToList();
        string midi = Path.Combine(_work.FullName, "bass.mid");
        string wav = Path.Combine(_work.FullName, "bass.wav");
        MidiFileWriter.Write(midi, [new MidiTrack("Bass", 0, GeneralMidi.FingeredBass, notes)], 120, endTick: 8 * 480);

        FluidSynthRenderer.Locate().Render(midi, wav, 22050);

        var audio = TestWave.Read(wav);
        Assert.Equal(22050, audio.SampleRate);
        Assert.Equal(2, audio.Channels.Length);
        Assert.InRange(audio.Seconds, 4.0, 7.0);   // 8 beats at 120 BPM, plus the release
        var playing = new TestWave([audio.Channels[0][..(4 * 22050)]], 22050);
        Assert.True(playing.RmsDbfs() > -40, $"rendered at {playing.RmsDbfs():F1} dBFS");
    }

    [Fact]
    public void Renders_dry_so_a_drum_hit_dies_away_instead_of_ringing_in_a_reverb()
    {
        string midi = Path.Combine(_work.FullName, "snare.mid");
        string wav = Path.Combine(_work.FullName, "snare.wav");
        MidiFileWriter.Write(midi, [new MidiTrack("Snare", MidiTrack.DrumChannel, 0, [new MidiNote(0, 120, GeneralMidi.SnareDrum, 120)])], 120, endTick: 4 * 480);

        FluidSynthRenderer.Locate().Render(midi, wav, 22050);

        var audio = TestWave.Read(wav);
        var hit = new TestWave([audio.Channels[0][..(22050 / 4)]], 22050);
        var after = new TestWave([audio.Channels[0][(22050 / 2)..22050]], 22050);
        // fluidsynth's default reverb leaves half a second after a snare hit about 45 dB down; dry, the sample has ended.
        Assert.True(after.RmsDbfs() < hit.RmsDbfs() - 80, $"hit {hit.RmsDbfs():F1} dBFS, half a second on {after.RmsDbfs():F1} dBFS");
    }

    [Fact]
    public void Missing_synthesiser_or_soundfont_says_what_to_install()
    {
        string soundFont = FluidSynthRenderer.SoundFontCandidates.First(File.Exists);
        string fluidsynth = FluidSynthRenderer.Locate().ExecutablePath;

        var noSynth = Assert.Throws<DemoRenderException>(() => new FluidSynthRenderer("/no/such/fluidsynth", soundFont));
        var noFont = Assert.Throws<DemoRenderException>(() => new FluidSynthRenderer(fluidsynth, "/no/such/font.sf2"));

        Assert.Contains("/no/such/fluidsynth", noSynth.Message);
        Assert.Contains("apt-get install fluidsynth fluid-soundfont-gm", noSynth.Message);
        Assert.Contains("/no/such/font.sf2", noFont.Message);
        Assert.Contains("apt-get install fluidsynth fluid-soundfont-gm", noFont.Message);
    }

    [Fact]
    public void A_midi_file_fluidsynth_cannot_read_fails_with_its_name()
    {
        string midi = Path.Combine(_work.FullName, "broken.mid");
        File.WriteAllBytes(midi, "MThd not really"u8.ToArray());

        var error = Assert.Throws<DemoRenderException>(() =>
            FluidSynthRenderer.Locate().Render(midi, Path.Combine(_work.FullName, "broken.wav"), 22050));

        Assert.Contains("broken.mid", error.Message);
    }
}
