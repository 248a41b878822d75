using System.Collections.Immutable;
using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Mixing;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Dsp.Tests.Mixing;

public class OfflineRendererTests
{
    private static readonly MasterSettings NoLimiter = new() { Limiter = LimiterSettings.Default with { Enabled = false } };

    private static MixDefinition Mix(MasterSettings master, params (string Path, TrackSettings Settings)[] tracks) =>
        new(tracks.Select(t => new MixTrack(Path.GetFileNameWithoutExtension(t.Path), t.Path, t.Settings)).ToImmutableArray(), ReverbSettings.Default, master);

    private static RenderResult Render(TempDir dir, MixDefinition mix, string output = "mix.wav", double? lufs = null, IProgress<RenderProgress>? progress = null, CancellationToken ct = default) =>
        OfflineRenderer.Render(mix, new RenderOptions(dir.File(output)) { LoudnessTargetLufs = lufs, CacheDirectory = dir.File("cache"), BlockFrames = 4096 }, progress, ct);

    [Fact]
    public void A_flat_unity_session_renders_the_exact_sum_of_its_stems()
    {
        using var dir = new TempDir();
        var a = TestSignals.Sine(44100, 3, 220);
        var b = TestSignals.Noise(44100, 3, seed: 3);
        var c = TestSignals.Drums(44100, 3, channels: 1); // a centred mono stem lands in both channels at unity
        var mix = Mix(NoLimiter, (dir.Write("a.wav", a), new TrackSettings()), (dir.Write("b.wav", b), new TrackSettings()), (dir.Write("c.wav", c), new TrackSettings()));

        Render(dir, mix);

        var output = WavReader.ReadAll(dir.File("mix.wav"));
        Assert.Equal(a.Frames, output.Frames);
        for (int ch = 0; ch < 2; ch++)
            for (int i = 0; i < output.Frames; i++)
                Assert.Equal(a.Channel(ch)[i] + b.Channel(ch)[i] + c.Channel(0)[i], output.Channel(ch)[i]);
    }

    [Fact]
    public void The_limiter_leaves_a_quiet_mix_untouched_and_keeps_it_in_time()
    {
        using var dir = new TempDir();
        var a = TestSignals.Sine(44100, 2, 440, amplitude: 0.1);
        var mix = Mix(MasterSettings.Default, (dir.Write("a.wav", a), new TrackSettings()));

        Render(dir, mix);

        var output = WavReader.ReadAll(dir.File("mix.wav"));
        Assert.Equal(a.Frames, output.Frames);
        for (int i = 0; i < output.Frames; i++) Assert.Equal(a.Channel(0)[i], output.Channel(0)[i], 1e-6);
    }

    [Fact]
    public void Mute_and_solo_decide_which_tracks_are_heard_without_changing_the_length()
    {
        using var dir = new TempDir();
        var shortTone = TestSignals.Sine(44100, 1, 300);
        var longNoise = TestSignals.Noise(44100, 2);
        string s = dir.Write("short.wav", shortTone), l = dir.Write("long.wav", longNoise);

        Render(dir, Mix(NoLimiter, (s, new TrackSettings { Solo = true }), (l, new TrackSettings())), "solo.wav");
        var solo = WavReader.ReadAll(dir.File("solo.wav"));
        Assert.Equal(longNoise.Frames, solo.Frames);
        Assert.Equal(shortTone.Channel(1)[100], solo.Channel(1)[100]);
        Assert.Equal(0f, solo.Channel(0)[shortTone.Frames + 10]);

        Render(dir, Mix(NoLimiter, (s, new TrackSettings { Mute = true }), (l, new TrackSettings())), "mute.wav");
        var mute = WavReader.ReadAll(dir.File("mute.wav"));
        Assert.Equal(longNoise.Channel(0)[100], mute.Channel(0)[100]);
    }

    [Fact]
    public void Gain_polarity_and_pan_act_as_a_console_would()
    {
        using var dir = new TempDir();
        var mono = TestSignals.Sine(44100, 1, 1000, channels: 1);
        string path = dir.Write("m.wav", mono);

        Render(dir, Mix(NoLimiter, (path, new TrackSettings { GainDb = -6.0206, InvertPolarity = true, Pan = -1 })));

        var output = WavReader.ReadAll(dir.File("mix.wav"));
        // Hard left: all of it on the left at +3 dB (constant power, unity at centre), nothing on the right.
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal(-0.5 * Math.Sqrt(2) * mono.Channel(0)[i], output.Channel(0)[i], 1e-5);
            Assert.Equal(0, output.Channel(1)[i], 1e-6);
        }
    }

    [Fact]
    public void Stems_of_other_rates_lengths_and_channel_counts_mix_together()
    {
        using var dir = new TempDir();
        string a = dir.Write("a48k.wav", TestSignals.Sine(48000, 1.0, 500, channels: 1));
        string b = dir.Write("b.wav", TestSignals.Sine(44100, 1.5, 700));
        var result = Render(dir, Mix(NoLimiter, (a, new TrackSettings()), (b, new TrackSettings())));

        var output = WavReader.ReadAll(dir.File("mix.wav"));
        Assert.Equal(44100, output.SampleRate);
        Assert.Equal((int)(1.5 * 44100), output.Frames);
        Assert.Equal(1.5, result.DurationSeconds, 3);
    }

    [Fact]
    public void Loudness_normalisation_lands_on_the_target_under_the_ceiling()
    {
        using var dir = new TempDir();
        string drums = dir.Write("drums.wav", TestSignals.Drums(44100, 6, channels: 2));
        string tone = dir.Write("tone.wav", TestSignals.Sine(44100, 6, 220, amplitude: 0.05));

        var result = Render(dir, Mix(MasterSettings.Default, (drums, new TrackSettings()), (tone, new TrackSettings())), lufs: -14);

        var measured = MixAnalyzer.Analyze(WavReader.ReadAll(dir.File("mix.wav")));
        Assert.InRange(measured.IntegratedLufs, -14.1, -13.9);
        Assert.True(measured.TruePeakDbtp <= -1.0 + 1e-3, $"true peak {measured.TruePeakDbtp} dBTP is over the -1 dBTP ceiling");
        Assert.NotNull(result.NormalisationGainDb);
        Assert.Equal(measured.IntegratedLufs, result.Analysis.IntegratedLufs, 6);
    }

    [Fact]
    public void Reverb_send_adds_a_tail_after_the_stems_end()
    {
        using var dir = new TempDir();
        string hit = dir.Write("hit.wav", TestSignals.Drums(44100, 0.5, channels: 1));
        var mix = Mix(NoLimiter, (hit, new TrackSettings { ReverbSendDb = 0 })) with { Reverb = new ReverbSettings { DecayS = 1.5 } };

        Render(dir, mix);

        var output = WavReader.ReadAll(dir.File("mix.wav"));
        Assert.Equal((int)(0.5 * 44100) + (int)(1.5 * 44100), output.Frames);
        float tailPeak = 0;
        for (int i = (int)(0.6 * 44100); i < (int)(0.9 * 44100); i++) tailPeak = Math.Max(tailPeak, Math.Abs(output.Channel(0)[i]));
        Assert.True(tailPeak > 1e-4, "the reverb should still ring after the dry hit has ended");
    }

    [Fact]
    public void A_render_that_shows_no_spectra_measures_the_same_levels_without_them()
    {
        using var dir = new TempDir();
        var mix = Mix(MasterSettings.Default,
            (dir.Write("drums.wav", TestSignals.Drums(44100, 3, channels: 1)), new TrackSettings { Pan = -0.4, ReverbSendDb = -12 }),
            (dir.Write("pad.wav", TestSignals.Noise(44100, 3, seed: 8)), new TrackSettings { GainDb = -6 }));
        var full = OfflineRenderer.Render(mix, new RenderOptions(dir.File("full.wav")) { CacheDirectory = dir.File("cache") }).Analysis;
        var levels = OfflineRenderer.Render(mix, new RenderOptions(dir.File("levels.wav")) { CacheDirectory = dir.File("cache"), Analysis = RenderAnalysis.Levels }).Analysis;

        Assert.Equal(File.ReadAllBytes(dir.File("full.wav")), File.ReadAllBytes(dir.File("levels.wav")));
        Assert.Equal(full with { BarkMidDb = [], BarkSideDb = [], OctaveDb = levels.OctaveDb }, levels);
        Assert.Equal(24, full.BarkMidDb.Length);
        Assert.Empty(levels.BarkMidDb);
        Assert.Empty(levels.OctaveDb);
    }

    [Fact]
    public void Progress_rises_to_completion()
    {
        using var dir = new TempDir();
        string a = dir.Write("a.wav", TestSignals.Noise(44100, 2));
        var seen = new List<RenderProgress>();
        Render(dir, Mix(MasterSettings.Default, (a, new TrackSettings())), progress: new SyncProgress(seen.Add));

        Assert.True(seen.Count > 5);
        var mixing = seen.Where(p => p.Stage == "mixing").Select(p => p.Fraction).ToList();
        Assert.Equal(mixing.Order(), mixing);
        Assert.Equal(1.0, mixing[^1], 9);
    }

    [Fact]
    public void A_cancelled_render_leaves_no_file_behind()
    {
        using var dir = new TempDir();
        string a = dir.Write("a.wav", TestSignals.Noise(44100, 3));
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(p => { if (p.Fraction > 0.3) cts.Cancel(); });

        Assert.ThrowsAny<OperationCanceledException>(() => Render(dir, Mix(MasterSettings.Default, (a, new TrackSettings())), progress: progress, ct: cts.Token));
        Assert.Equal(["a.wav"], Directory.GetFiles(dir.PathName).Select(Path.GetFileName));
    }

    [Fact]
    public void A_missing_stem_names_the_file_and_writes_nothing()
    {
        using var dir = new TempDir();
        string a = dir.Write("a.wav", TestSignals.Noise(44100, 1));
        var mix = Mix(MasterSettings.Default, (a, new TrackSettings()), (dir.File("Lead Vocal.wav"), new TrackSettings()));

        var e = Assert.Throws<AudioFormatException>(() => Render(dir, mix));
        Assert.Contains("Lead Vocal.wav", e.Message);
        Assert.False(File.Exists(dir.File("mix.wav")));
    }

    [Fact]
    public void A_stem_with_NaN_samples_is_refused_and_nothing_is_written()
    {
        using var dir = new TempDir();
        var bad = TestSignals.Sine(44100, 1, 100);
        bad.Channel(1)[22050] = float.NaN;
        string path = dir.Write("bad.wav", bad);

        var e = Assert.Throws<AudioFormatException>(() => Render(dir, Mix(MasterSettings.Default, (path, new TrackSettings()))));
        Assert.Contains("bad.wav", e.Message);
        Assert.False(File.Exists(dir.File("mix.wav")));
    }

    [Fact]
    public void An_out_of_range_parameter_is_named_with_its_range()
    {
        using var dir = new TempDir();
        string a = dir.Write("Kick.wav", TestSignals.Drums(44100, 1));
        var e = Assert.Throws<ParameterOutOfRangeException>(() => Render(dir, Mix(MasterSettings.Default, (a, new TrackSettings { GainDb = 40 }))));
        Assert.Contains("Kick", e.Message);
        Assert.Contains("-48 to +24 dB", e.Message.Replace("between -48 and +24", "-48 to +24"));
    }

    [Fact]
    public void Renders_to_flac_through_ffmpeg()
    {
        using var dir = new TempDir();
        string a = dir.Write("a.wav", TestSignals.Sine(44100, 1, 440, amplitude: 0.1));
        Render(dir, Mix(MasterSettings.Default, (a, new TrackSettings())), "mix.flac");

        var decoded = AudioFile.ReadAll(dir.File("mix.flac"));
        Assert.Equal(44100, decoded.Frames);
        Assert.Equal(0.1, decoded.Channel(0).ToArray().Max(), 3);
    }

    private sealed class SyncProgress(Action<RenderProgress> report) : IProgress<RenderProgress>
    {
        public void Report(RenderProgress value) => report(value);
    }
}
