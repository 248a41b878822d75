using FFMpegCore;
using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Tests.Audio;

public class FfmpegCodecTests
{
    [Fact]
    public void Flac_of_a_24_bit_signal_decodes_bit_exact()
    {
        using var dir = new TempDirectory();
        var original = TestSignals.GridNoise(44100, WavSampleFormat.Pcm24, 2, 44100);
        WavWriter.Write(dir.File("mix.wav"), original, WavSampleFormat.Pcm24);

        FfmpegCodec.Encode(dir.File("mix.wav"), dir.File("mix.flac"));
        FfmpegCodec.DecodeToWav(dir.File("mix.flac"), dir.File("decoded.wav"), sampleRate: null);

        var stream = FFProbe.Analyse(dir.File("mix.flac")).PrimaryAudioStream!;
        Assert.Equal(("flac", 24), (stream.CodecName, stream.BitDepth));
        Assert.Equal(WavSampleFormat.Float32, WavReader.ReadInfo(dir.File("decoded.wav")).Format);
        TestSignals.AssertSamplesEqual(original, WavReader.ReadAll(dir.File("decoded.wav")));
        Assert.Equal(["decoded.wav", "mix.flac", "mix.wav"], dir.Entries().Order()); // no temporaries left
    }

    [Fact]
    public void Probe_reports_rate_channels_duration_and_codec()
    {
        using var dir = new TempDirectory();
        WavWriter.Write(dir.File("tone.wav"), TestSignals.Tone(32000, 1.5, 440, channels: 2), WavSampleFormat.Pcm16);

        var probe = FfmpegCodec.Probe(dir.File("tone.wav"));

        Assert.Equal((32000, 2, "pcm_s16le"), (probe.SampleRate, probe.ChannelCount, probe.Codec));
        Assert.Equal(1.5, probe.Duration.TotalSeconds, precision: 3);
    }

    [Theory]
    [InlineData(".mp3", "mp3", 44100)]
    [InlineData(".ogg", "vorbis", 44100)]
    [InlineData(".opus", "opus", 48000)]
    [InlineData(".m4a", "aac", 44100)]
    [InlineData(".aiff", "pcm_s24be", 44100)]
    public void Encodes_by_extension(string extension, string codec, int sampleRate)
    {
        using var dir = new TempDirectory();
        WavWriter.Write(dir.File("mix.wav"), TestSignals.Tone(44100, 1.0, 440, channels: 2), WavSampleFormat.Float32);

        FfmpegCodec.Encode(dir.File("mix.wav"), dir.File("mix" + extension));

        var probe = FfmpegCodec.Probe(dir.File("mix" + extension));
        Assert.Equal((codec, sampleRate, 2), (probe.Codec, probe.SampleRate, probe.ChannelCount));
        Assert.InRange(probe.Duration.TotalSeconds, 0.99, 1.1); // lossy codecs pad by a frame or so
    }

    [Fact]
    public void Unknown_output_extension_is_refused_by_name()
    {
        var error = Assert.Throws<AudioFormatException>(() => FfmpegCodec.Encode("in.wav", "/tmp/out.xyz"));
        Assert.StartsWith("out.xyz: cannot encode '.xyz' files; use .wav, .flac", error.Message);
    }

    [Fact]
    public void Random_bytes_named_mp3_fail_with_ffmpegs_reason()
    {
        using var dir = new TempDirectory();
        var bytes = new byte[64 * 1024];
        new Random(3).NextBytes(bytes);
        File.WriteAllBytes(dir.File("song.mp3"), bytes);

        var decode = Assert.Throws<AudioFormatException>(() => FfmpegCodec.DecodeToWav(dir.File("song.mp3"), dir.File("out.wav"), 44100));
        Assert.StartsWith("song.mp3: ffmpeg could not decode it (", decode.Message);
        Assert.False(File.Exists(dir.File("out.wav")));
        Assert.Equal(["song.mp3"], dir.Entries());

        var probe = Assert.Throws<AudioFormatException>(() => FfmpegCodec.Probe(dir.File("song.mp3")));
        Assert.StartsWith("song.mp3: ", probe.Message);
    }

    [Fact]
    public void Missing_ffmpeg_says_how_to_install_it()
    {
        using var dir = new TempDirectory();
        WavWriter.Write(dir.File("a.wav"), TestSignals.Tone(8000, 0.1, 440), WavSampleFormat.Pcm16);
        // FFMpegCore falls back to PATH when its folder has no ffmpeg, so the stand-in for a missing
        // one is an ffmpeg that cannot be started.
        Directory.CreateDirectory(dir.File("bin"));
        File.WriteAllText(dir.File("bin/ffmpeg"), "not a program");
        var nowhere = new FFOptions { BinaryFolder = dir.File("bin") };

        var error = Assert.Throws<AudioFormatException>(() => FfmpegCodec.DecodeToWav(dir.File("a.wav"), dir.File("b.wav"), 44100, nowhere));

        Assert.Equal("ffmpeg is not installed or cannot be run (needed to decode a.wav): apt-get install ffmpeg", error.Message);
        Assert.Equal(["a.wav", "bin"], dir.Entries().Order());
    }

    [Fact]
    public void Reason_keeps_ffmpegs_words_without_log_prefixes_or_repeats()
    {
        string[] flood =
        [
            "[mp3float @ 0x55752b2e9ac0] Header missing",
            "    Last message repeated 40 times",
            "Error while decoding stream #0:0: Invalid data found when processing input",
            "Error while decoding stream #0:0: Invalid data found when processing input",
            "[abuffer @ 0x55752b2ed840] Error setting option time_base to value 1/0.",
        ];
        Assert.Equal("Invalid data found when processing input", FfmpegCodec.Reason(flood, "fallback"));

        string[] seekFailure = ["[mp3 @ 0x55c8746d68c0] Failed to read frame size: Could not seek to 33791.", "/tmp/x/song.mp3: Invalid argument"];
        Assert.Equal("Failed to read frame size: Could not seek to 33791; Invalid argument", FfmpegCodec.Reason(seekFailure, "fallback"));

        Assert.Equal("fallback", FfmpegCodec.Reason([], "fallback"));
    }
}
