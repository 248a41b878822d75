using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Tests.Audio;

public class AudioFileTests
{
    private const int SessionRate = 44100;

    private static AudioBuffer ReadAll(IAudioSource source, int blockFrames = 4096)
    {
        var all = new AudioBuffer(source.ChannelCount, (int)source.LengthFrames, source.SampleRate);
        var block = new AudioBuffer(source.ChannelCount, blockFrames, source.SampleRate);
        int position = 0, n;
        while ((n = source.Read(block, block.Frames)) > 0)
        {
            for (int c = 0; c < source.ChannelCount; c++) block.Channel(c)[..n].CopyTo(all.Channel(c)[position..]);
            position += n;
        }
        Assert.Equal(all.Frames, position);
        return all;
    }

    [Fact]
    public void Missing_stem_is_named()
    {
        using var dir = new TempDirectory();
        var error = Assert.Throws<AudioFormatException>(() => AudioFile.OpenStem(dir.File("Bass.wav"), SessionRate, dir.File("cache")));
        Assert.Equal($"Stem not found: {dir.File("Bass.wav")}", error.Message);
    }

    [Fact]
    public void Wav_at_the_session_rate_streams_from_the_file_itself()
    {
        using var dir = new TempDirectory();
        var audio = TestSignals.GridNoise(SessionRate, WavSampleFormat.Pcm24, 2, 50_000);
        WavWriter.Write(dir.File("Keys.wav"), audio, WavSampleFormat.Pcm24);

        using (var stem = AudioFile.OpenStem(dir.File("Keys.wav"), SessionRate, dir.File("cache")))
            TestSignals.AssertSamplesEqual(audio, ReadAll(stem));

        Assert.False(Directory.Exists(dir.File("cache"))); // nothing decoded
    }

    [Theory]
    [InlineData(48000)]
    [InlineData(8000)]
    [InlineData(192000)]
    public void Stems_at_other_rates_are_resampled_to_the_session_rate(int fileRate)
    {
        using var dir = new TempDirectory();
        var tone = TestSignals.Tone(fileRate, 2.0, 1000, amplitude: 0.5f);
        WavWriter.Write(dir.File("Tone.wav"), tone, WavSampleFormat.Pcm24);

        using var stem = AudioFile.OpenStem(dir.File("Tone.wav"), SessionRate, dir.File("cache"));
        var audio = ReadAll(stem);

        Assert.Equal(SessionRate, stem.SampleRate);
        Assert.InRange(audio.Frames, 2 * SessionRate - 2, 2 * SessionRate + 2);
        Assert.Equal(1000, TestSignals.MeasureFrequency(audio.Channel(0), SessionRate), precision: 2);
        // Passband flat: the tone keeps its level (0.5 peak = -9.03 dBFS RMS).
        double rmsDb = 20 * Math.Log10(TestSignals.Rms(audio.Channel(0)[(SessionRate / 4)..(7 * SessionRate / 4)]));
        Assert.Equal(20 * Math.Log10(0.5 / Math.Sqrt(2)), rmsDb, precision: 2);
    }

    [Fact]
    public void A_decoded_stem_is_cached_and_reused_until_the_file_changes()
    {
        using var dir = new TempDirectory();
        string stemPath = dir.File("Drums.wav");
        string cache = dir.File("cache");
        WavWriter.Write(stemPath, TestSignals.Tone(48000, 0.5, 200), WavSampleFormat.Pcm16);

        AudioFile.OpenStem(stemPath, SessionRate, cache).Dispose();
        string cached = Assert.Single(Directory.GetFiles(cache));
        Assert.StartsWith("Drums-", Path.GetFileName(cached));
        var marker = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(cached, marker);

        using (var again = AudioFile.OpenStem(stemPath, SessionRate, cache))
            Assert.Equal(SessionRate / 2, again.LengthFrames, tolerance: 2);
        Assert.Equal(marker, File.GetLastWriteTimeUtc(cached)); // not decoded again
        Assert.Single(Directory.GetFiles(cache));

        File.SetLastWriteTimeUtc(stemPath, DateTime.UtcNow.AddMinutes(1)); // the stem was re-exported
        AudioFile.OpenStem(stemPath, SessionRate, cache).Dispose();
        Assert.Equal(2, Directory.GetFiles(cache).Length);

        AudioFile.OpenStem(stemPath, 48000, cache).Dispose(); // already at 48 kHz: no decode needed
        Assert.Equal(2, Directory.GetFiles(cache).Length);
    }

    [Fact]
    public void Flac_stem_decodes_exactly()
    {
        using var dir = new TempDirectory();
        var audio = TestSignals.GridNoise(SessionRate, WavSampleFormat.Pcm24, 2, 30_000);
        AudioFile.Save(dir.File("Guitar.flac"), audio);

        using var stem = AudioFile.OpenStem(dir.File("Guitar.flac"), SessionRate, dir.File("cache"));
        TestSignals.AssertSamplesEqual(audio, ReadAll(stem));
    }

    [Fact]
    public void Surround_stems_are_refused_before_decoding()
    {
        using var dir = new TempDirectory();
        WavWriter.Write(dir.File("Ambience.wav"), TestSignals.NoiseFrames(48000, 6, 1000), WavSampleFormat.Pcm16);

        var error = Assert.Throws<AudioFormatException>(() => AudioFile.OpenStem(dir.File("Ambience.wav"), SessionRate, dir.File("cache")));

        Assert.Equal("Ambience.wav: 6 channels (5.1); Mixwright mixes mono and stereo stems: export it as stereo, or as separate mono or stereo stems.", error.Message);
        Assert.False(Directory.Exists(dir.File("cache")));
        Assert.Equal(6, AudioFile.ReadAll(dir.File("Ambience.wav")).ChannelCount); // analysis may still read it
    }

    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.NegativeInfinity, "-Infinity")]
    public void Invalid_samples_are_reported_with_file_and_time(float bad, string kind)
    {
        using var dir = new TempDirectory();
        var audio = TestSignals.Tone(SessionRate, 1.0, 100, channels: 2);
        audio.Channel(1)[22050] = bad;
        audio.Channel(0)[30000] = bad; // later: the first one is reported
        WavWriter.Write(dir.File("Bass.wav"), audio, WavSampleFormat.Float32);

        using var stem = AudioFile.OpenStem(dir.File("Bass.wav"), SessionRate, dir.File("cache"));
        var error = Assert.Throws<AudioFormatException>(() => ReadAll(stem));

        Assert.StartsWith($"Bass.wav: invalid sample ({kind}) at 0.500 s in channel 2", error.Message);
    }

    [Fact]
    public void Corrupt_mp3_stem_fails_with_its_name_and_caches_nothing()
    {
        using var dir = new TempDirectory();
        var bytes = new byte[32 * 1024];
        new Random(5).NextBytes(bytes);
        File.WriteAllBytes(dir.File("song.mp3"), bytes);

        var error = Assert.Throws<AudioFormatException>(() => AudioFile.OpenStem(dir.File("song.mp3"), SessionRate, dir.File("cache")));

        Assert.StartsWith("song.mp3: ", error.Message);
        Assert.Contains("ffmpeg", error.Message);
        Assert.True(!Directory.Exists(dir.File("cache")) || Directory.GetFiles(dir.File("cache")).Length == 0);
    }

    [Fact]
    public void Save_writes_wav_or_encodes_by_extension_and_read_all_brings_it_back()
    {
        using var dir = new TempDirectory();
        var audio = TestSignals.GridNoise(SessionRate, WavSampleFormat.Pcm24, 2, 20_000);

        AudioFile.Save(dir.File("mix.wav"), audio, WavSampleFormat.Pcm24);
        AudioFile.Save(dir.File("mix.flac"), audio);
        AudioFile.Save(dir.File("mix.mp3"), audio);

        Assert.Equal(WavSampleFormat.Pcm24, WavReader.ReadInfo(dir.File("mix.wav")).Format);
        TestSignals.AssertSamplesEqual(audio, AudioFile.ReadAll(dir.File("mix.wav")));
        TestSignals.AssertSamplesEqual(audio, AudioFile.ReadAll(dir.File("mix.flac")));
        var mp3 = AudioFile.ReadAll(dir.File("mix.mp3"), sampleRate: 48000, cacheDirectory: dir.File("cache"));
        Assert.Equal((2, 48000), (mp3.ChannelCount, mp3.SampleRate));
        Assert.Equal(["cache", "mix.flac", "mix.mp3", "mix.wav"], dir.Entries().Order()); // no temporaries left

        var error = Assert.Throws<AudioFormatException>(() => AudioFile.Save(dir.File("mix.xyz"), audio));
        Assert.StartsWith("mix.xyz: cannot encode", error.Message);
        Assert.False(File.Exists(dir.File("mix.xyz")));
    }
}
