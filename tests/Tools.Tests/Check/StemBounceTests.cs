using Mixwright.Dsp.Analysis;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Mixing;
using Mixwright.Tools.Bounce;
using Mixwright.Tools.Session;
using Xunit.Abstractions;

namespace Mixwright.Tools.Tests.Check;

public sealed class StemBounceTests : IDisposable
{
    private readonly PlantedBand _band = new(Plants.None);

    private readonly ITestOutputHelper _output;

    public StemBounceTests(ITestOutputHelper output)
    {
        _output = output;
        var why = new Rationale(RationaleSource.Manual, "test setup");
        _band.Session.Propose(
        [
            new ChangeRequest(MixTarget.ForTrack("Lead Vox"), "reverb_send_db", ParameterValue.Of(-12), why),
            new ChangeRequest(MixTarget.ForTrack("Guitar"), "reverb_send_db", ParameterValue.Of(-18), why),
            new ChangeRequest(MixTarget.ForTrack("Guitar"), "pan", ParameterValue.Of(-0.4), why),
            new ChangeRequest(MixTarget.ForTrack("Keys"), "pan", ParameterValue.Of(0.5), why),
            new ChangeRequest(MixTarget.ForTrack("Bass"), "compressor.enabled", ParameterValue.Of(true), why),
        ]);
        _band.Session.Commit();
    }

    public void Dispose() => _band.Dispose();

    private string Folder(string name) => Path.Combine(_band.Root, name);

    [Fact]
    public void One_file_per_track_plus_the_reverb_return_and_the_sheet()
    {
        var result = StemBouncer.Bounce(_band.Session, Folder("stems-out"), _band.CacheDirectory);

        Assert.Equal(["01 Bass.wav", "02 Guitar.wav", "03 Hats.wav", "04 Keys.wav", "05 Kick.wav", "06 Lead Vox.wav", "07 Pad.wav"],
            result.TrackFiles.Select(Path.GetFileName).Order());
        Assert.Equal("08 Reverb return.wav", Path.GetFileName(result.ReverbReturnFile));
        foreach (var file in result.TrackFiles.Append(result.ReverbReturnFile!))
        {
            var info = WavReader.ReadInfo(file);
            Assert.Equal(2, info.ChannelCount);
            Assert.Equal(PlantedBand.Rate, info.SampleRate);
        }
        string text = File.ReadAllText(result.SheetText);
        Assert.Contains("compressor.ratio", text);
        Assert.Contains("loudness_target_lufs", text);
        Assert.Contains("\"reverb_send_db\": -12", File.ReadAllText(result.SheetJson));
    }

    [Fact]
    public void The_bounced_files_sum_to_the_mix_with_the_master_bypassed()
    {
        var result = StemBouncer.Bounce(_band.Session, Folder("null"), _band.CacheDirectory);
        string reference = Path.Combine(_band.Root, "bypassed.wav");
        OfflineRenderer.Render(_band.Session.ToMixDefinition() with { Master = StemBouncer.Bypassed },
            new RenderOptions(reference) { CacheDirectory = _band.CacheDirectory });

        var mix = WavReader.ReadAll(reference);
        var sum = new double[2, mix.Frames];
        foreach (var file in result.TrackFiles.Append(result.ReverbReturnFile!))
        {
            var audio = WavReader.ReadAll(file);
            Assert.Equal(mix.Frames, audio.Frames);
            for (int c = 0; c < 2; c++)
                for (int i = 0; i < audio.Frames; i++) sum[c, i] += audio.Channel(c)[i];
        }
        double worst = 0;
        for (int c = 0; c < 2; c++)
            for (int i = 0; i < mix.Frames; i++) worst = Math.Max(worst, Math.Abs(sum[c, i] - mix.Channel(c)[i]));
        _output.WriteLine($"null-test residual: {Loudness.AmplitudeDb(worst):0.0} dBFS");
        Assert.True(Loudness.AmplitudeDb(worst) < -90, $"residual {Loudness.AmplitudeDb(worst):0.0} dBFS");
    }

    [Fact]
    public void A_6_dB_cut_on_a_track_shows_as_6_LU_in_its_file()
    {
        var before = StemBouncer.Bounce(_band.Session, Folder("before"), _band.CacheDirectory);
        double gain = _band.Session.Console.Track("Hats").GainDb;
        _band.Session.Propose([new ChangeRequest(MixTarget.ForTrack("Hats"), "gain_db", ParameterValue.Of(gain - 6), new Rationale(RationaleSource.Manual, "test"))]);
        _band.Session.Commit();
        var after = StemBouncer.Bounce(_band.Session, Folder("after"), _band.CacheDirectory);

        double Lufs(BounceResult r) => MixAnalyzer.Analyze(WavReader.ReadAll(r.TrackFiles.Single(f => f.EndsWith("Hats.wav")))).IntegratedLufs;
        Assert.Equal(-6, Lufs(after) - Lufs(before), 1);
        _output.WriteLine($"-6 dB gain: {Lufs(after) - Lufs(before):0.000} LU in the file");
        Assert.InRange(Lufs(after) - Lufs(before), -6.05, -5.95);
    }

    [Fact]
    public void Existing_files_are_kept_unless_forced()
    {
        string folder = Folder("twice");
        StemBouncer.Bounce(_band.Session, folder, _band.CacheDirectory);
        string kick = Path.Combine(folder, "05 Kick.wav");
        File.WriteAllText(kick, "mine");

        var e = Assert.Throws<SessionException>(() => StemBouncer.Bounce(_band.Session, folder, _band.CacheDirectory));
        Assert.Contains("--force", e.Message);
        Assert.Equal("mine", File.ReadAllText(kick));

        StemBouncer.Bounce(_band.Session, folder, _band.CacheDirectory, force: true);
        Assert.Equal(2, WavReader.ReadInfo(kick).ChannelCount);
    }

    [Fact]
    public void A_bounce_into_the_stems_folder_never_replaces_a_stem()
    {
        string stems = Path.Combine(_band.Root, "stems");
        File.Copy(Path.Combine(stems, "Kick.wav"), Path.Combine(stems, "05 Kick.wav"));
        var session = _band.Session;
        // The copy is not a stem of the session, so only an explicit --force may replace it; the real stems are never targets.
        Assert.Throws<SessionException>(() => StemBouncer.Bounce(session, stems, _band.CacheDirectory));
        Assert.True(File.Exists(Path.Combine(stems, "Kick.wav")));
    }
}
