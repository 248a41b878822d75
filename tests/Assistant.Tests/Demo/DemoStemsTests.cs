using Mixwright.Assistant.Demo;

namespace Mixwright.Assistant.Tests.Demo;

/// <summary>Renders the demo once (at 22050 Hz to keep the class quick) for all the tests that only look at it.</summary>
public sealed class RenderedDemo : IDisposable
{
    public const int SampleRate = 22050;

    public RenderedDemo()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("mixwright-demo-test-");
        Paths = DemoStems.Create(Directory.FullName, SampleRate, seed: 1);
        Stems = Paths.ToDictionary(p => Path.GetFileNameWithoutExtension(p), TestWave.Read);
    }

    public DirectoryInfo Directory { get; }
    public IReadOnlyList<string> Paths { get; }
    public Dictionary<string, TestWave> Stems { get; }

    public void Dispose() => Directory.Delete(recursive: true);
}

public sealed class DemoStemsTests(RenderedDemo demo) : IClassFixture<RenderedDemo>
{
    [Fact]
    public void Writes_eight_named_stems_into_the_directory()
    {
        Assert.True(demo.Paths.Count >= 8);
        Assert.All(demo.Paths, p => Assert.Equal(demo.Directory.FullName, Path.GetDirectoryName(p)));
        Assert.Equal(["Kick", "Snare", "Hats", "Bass", "Piano", "Pad", "Lead Vocal", "Koto"], demo.Stems.Keys);
        Assert.Empty(demo.Directory.GetFiles("*.partial"));
    }

    [Fact]
    public void All_stems_have_one_length_between_30_and_60_seconds_at_the_asked_rate()
    {
        int frames = demo.Stems["Kick"].Frames;
        Assert.All(demo.Stems.Values, w =>
        {
            Assert.Equal(RenderedDemo.SampleRate, w.SampleRate);
            Assert.Equal(frames, w.Frames);
        });
        Assert.InRange(demo.Stems["Kick"].Seconds, 30, 60);
        Assert.Equal(DemoSong.Compose(1).DurationSeconds + DemoStems.TailSeconds, demo.Stems["Kick"].Seconds, 3);
    }

    [Fact]
    public void Sox_reads_every_stem_as_the_same_length()
    {
        // An outside reader agreeing on the length shows the WAV headers are sound, not just self-consistent.
        var lengths = demo.Paths.Select(p => Soxi("-s", p)).Distinct().ToList();
        Assert.Equal(demo.Stems["Kick"].Frames.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(lengths));
    }

    [Fact]
    public void Every_stem_sounds()
    {
        Assert.All(demo.Stems, s => Assert.True(s.Value.RmsDbfs() > -45, $"{s.Key} at {s.Value.RmsDbfs():F1} dBFS RMS"));
    }

    [Fact]
    public void Kick_lives_below_200_Hz_and_hats_above_5_kHz()
    {
        double kickLow = demo.Stems["Kick"].EnergyFraction(0, 200);
        double hatsHigh = demo.Stems["Hats"].EnergyFraction(5000, double.MaxValue);
        Assert.True(kickLow > 0.8, $"kick has {kickLow:P0} of its energy below 200 Hz");
        Assert.True(hatsHigh > 0.5, $"hats have {hatsHigh:P0} of their energy above 5 kHz");
    }

    [Fact]
    public void Stems_stay_in_sync_the_kick_enters_with_the_verse_and_the_hats_at_the_top()
    {
        var verse = DemoSong.Compose(1).Sections.Single(s => s.Kind == DemoSectionKind.Verse);
        Assert.Equal(verse.StartSeconds, FirstOnsetSeconds(demo.Stems["Kick"]), 0.03);
        Assert.Equal(0, FirstOnsetSeconds(demo.Stems["Hats"]), 0.03);
    }

    [Fact]
    public void Stems_are_left_unbalanced_and_dry_for_the_assistant_to_mix()
    {
        // The bass comes in hot and the lead low, as recorded, not as mixed.
        Assert.True(demo.Stems["Bass"].RmsDbfs() > demo.Stems["Lead Vocal"].RmsDbfs() + 6);
        Assert.All(demo.Stems.Values, w => Assert.True(w.PeakDbfs() < -1, "a stem is peaking near full scale"));
        // Mono sources are single-channel; the stereo keyboards keep both sides level: nothing is panned.
        Assert.Single(demo.Stems["Kick"].Channels);
        Assert.Single(demo.Stems["Lead Vocal"].Channels);
        var piano = demo.Stems["Piano"];
        double left = new TestWave([piano.Channels[0]], piano.SampleRate).RmsDbfs();
        double right = new TestWave([piano.Channels[1]], piano.SampleRate).RmsDbfs();
        Assert.Equal(left, right, 3.0);
    }

    [Fact]
    public void A_second_call_reuses_the_stems_already_there()
    {
        var written = demo.Paths.Select(File.GetLastWriteTimeUtc).ToList();

        var again = DemoStems.Create(demo.Directory.FullName, RenderedDemo.SampleRate, seed: 1);

        Assert.Equal(demo.Paths, again);
        Assert.Equal(written, again.Select(File.GetLastWriteTimeUtc));
        Assert.True(File.Exists(Path.Combine(demo.Directory.FullName, DemoStems.ManifestFileName)));
    }

    [Fact]
    public void A_bad_sample_rate_is_refused_before_anything_is_written()
    {
        string target = Path.Combine(demo.Directory.FullName, "never");
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DemoStems.Create(target, sampleRate: 4000));
        Assert.Equal("sampleRate", error.ParamName);
        Assert.False(Directory.Exists(target));
    }

    private static double FirstOnsetSeconds(TestWave wave)
    {
        var samples = wave.Mono();
        float threshold = samples.Max(Math.Abs) * 0.1f;
        int first = Array.FindIndex(samples, s => Math.Abs(s) > threshold);
        return (double)first / wave.SampleRate;
    }

    private static string Soxi(string option, string path)
    {
        var start = new System.Diagnostics.ProcessStartInfo("soxi") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(option);
        start.ArgumentList.Add(path);
        using var process = System.Diagnostics.Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output.Trim();
    }
}

/// <summary>Tests that change the directory, each on its own render so they cannot disturb the shared one.</summary>
public sealed class DemoStemsRebuildTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("mixwright-demo-rebuild-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void A_missing_stem_or_another_seed_renders_the_set_again()
    {
        var first = DemoStems.Create(_directory.FullName, 8000, seed: 1);
        string lead = first.Single(p => p.EndsWith("Lead Vocal.wav", StringComparison.Ordinal));
        byte[] seedOneLead = File.ReadAllBytes(lead);

        File.Delete(first[0]);
        var repaired = DemoStems.Create(_directory.FullName, 8000, seed: 1);
        Assert.All(repaired, p => Assert.True(File.Exists(p)));
        Assert.Equal(seedOneLead, File.ReadAllBytes(lead));   // the same seed renders the same audio

        DemoStems.Create(_directory.FullName, FluidSynthRenderer.Locate(), 8000, seed: 2);
        Assert.NotEqual(seedOneLead, File.ReadAllBytes(lead));
        Assert.Equal(8, _directory.GetFiles("*.wav").Length);
    }

    [Fact]
    public void A_failed_render_says_why_and_leaves_nothing_that_looks_finished()
    {
        string notASoundFont = Path.Combine(_directory.FullName, "broken.sf2");
        File.WriteAllText(notASoundFont, "not a soundfont");
        var renderer = new FluidSynthRenderer(FluidSynthRenderer.Locate().ExecutablePath, notASoundFont);
        string target = Path.Combine(_directory.FullName, "stems");

        var error = Assert.Throws<DemoRenderException>(() => DemoStems.Create(target, renderer, 8000));

        Assert.Contains("fluidsynth", error.Message);
        Assert.Empty(Directory.GetFiles(target));
    }
}
