using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Tests.Audio;

public class WavReaderTests
{
    private static readonly byte[] FourSamples = WavChunks.Int16Samples(0, 16384, -32768, 32767);

    private static AudioBuffer ReadBytes(byte[] file, string name = "test.wav")
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File(name), file);
        return WavReader.ReadAll(dir.File(name));
    }

    private static void AssertFourSamples(AudioBuffer audio)
    {
        Assert.Equal(1, audio.ChannelCount);
        Assert.Equal(22050, audio.SampleRate);
        Assert.Equal(new[] { 0f, 0.5f, -1f, 32767 / 32768f }, audio.Channel(0).ToArray());
    }

    [Fact]
    public void Unknown_and_odd_sized_chunks_are_skipped()
    {
        var file = WavChunks.Riff(("JUNK", new byte[5]), // odd size: followed by a pad byte
            ("fmt ", WavChunks.Fmt(1, 1, 22050, 16)), ("LIST", "INFOISFT\u0003\0\0\0ab\0"u8.ToArray()), ("bext", new byte[3]), ("data", FourSamples), ("id3 ", new byte[7]));

        AssertFourSamples(ReadBytes(file));
    }

    [Fact]
    public void A_data_chunk_before_the_fmt_chunk_is_found()
    {
        var file = WavChunks.Riff(("data", FourSamples), ("JUNK", new byte[1]), ("fmt ", WavChunks.Fmt(1, 1, 22050, 16)));
        AssertFourSamples(ReadBytes(file));
    }

    [Fact]
    public void Extensible_header_with_pcm_and_float_subformats()
    {
        // 24-bit container, 20 valid bits: the valid bits sit at the top, so scaling by the container is right.
        byte[] pcm = [0x00, 0x00, 0x80, 0x00, 0x00, 0x40]; // -1.0, then +0.5 (stereo frame)
        var pcmFile = WavChunks.Riff(("fmt ", WavChunks.FmtExtensible(1, 2, 96000, 24, 20, 0x3)), ("data", pcm));
        var pcmAudio = ReadBytes(pcmFile);
        Assert.Equal((2, 96000, 1), (pcmAudio.ChannelCount, pcmAudio.SampleRate, pcmAudio.Frames));
        Assert.Equal(-1f, pcmAudio.Channel(0)[0]);
        Assert.Equal(0.5f, pcmAudio.Channel(1)[0]);

        byte[] floats = [.. BitConverter.GetBytes(0.25f), .. BitConverter.GetBytes(-0.75f)];
        var floatFile = WavChunks.Riff(("fmt ", WavChunks.FmtExtensible(3, 1, 44100, 32, 32, 0x4)), ("fact", new byte[4]), ("data", floats));
        Assert.Equal(new[] { 0.25f, -0.75f }, ReadBytes(floatFile).Channel(0).ToArray());
    }

    [Fact]
    public void Eight_bit_wav_is_unsigned_around_128()
    {
        var file = WavChunks.Riff(("fmt ", WavChunks.Fmt(1, 1, 8000, 8)), ("data", new byte[] { 128, 0, 255, 192, 64 }));
        var audio = ReadBytes(file);
        Assert.Equal(new[] { 0f, -1f, 127 / 128f, 0.5f, -0.5f }, audio.Channel(0).ToArray());
        Assert.Equal(WavSampleFormat.Pcm8, ReadInfoOf(file).Format);
    }

    private static WavInfo ReadInfoOf(byte[] file)
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("x.wav"), file);
        return WavReader.ReadInfo(dir.File("x.wav"));
    }

    [Fact]
    public void Truncated_data_chunk_names_the_file_and_both_durations()
    {
        using var dir = new TempDirectory();
        string path = dir.File("Kick.wav");
        WavWriter.Write(path, TestSignals.Tone(8000, 12.0, 100), WavSampleFormat.Pcm16);
        long headerBytes = 44;
        using (var file = new FileStream(path, FileMode.Open)) file.SetLength(headerBytes + (long)(3.2 * 8000) * 2);

        var error = Assert.Throws<AudioFormatException>(() => WavReader.Open(path));

        Assert.Equal("Kick.wav: the data chunk is truncated (header says 12.0 s, file holds 3.2 s).", error.Message);
        Assert.Equal(error.Message, Assert.Throws<AudioFormatException>(() => WavReader.ReadInfo(path)).Message);
    }

    [Fact]
    public void File_that_is_not_riff_wave_is_rejected_by_name()
    {
        var error = Assert.Throws<AudioFormatException>(() => ReadBytes("ID3\u0004 this is an mp3 renamed to wav"u8.ToArray(), "Vocals.wav"));
        Assert.Equal("Vocals.wav: not a WAV file (it does not start with a RIFF/WAVE header).", error.Message);

        var aiff = Assert.Throws<AudioFormatException>(() => ReadBytes("FORM\0\0\0\u0004AIFF"u8.ToArray(), "Pad.wav"));
        Assert.StartsWith("Pad.wav: not a WAV file", aiff.Message);
    }

    [Fact]
    public void Empty_file_says_it_is_empty()
    {
        var error = Assert.Throws<AudioFormatException>(() => ReadBytes([], "Snare.wav"));
        Assert.Equal("Snare.wav: the file is empty.", error.Message);
    }

    [Fact]
    public void Zero_frame_file_says_it_contains_no_audio()
    {
        var file = WavChunks.Riff(("fmt ", WavChunks.Fmt(1, 2, 44100, 24)), ("data", []));
        var error = Assert.Throws<AudioFormatException>(() => ReadBytes(file, "Hat.wav"));
        Assert.StartsWith("Hat.wav: the file contains no audio", error.Message);
    }

    [Fact]
    public void Unsupported_encodings_and_missing_chunks_are_named()
    {
        var adpcm = WavChunks.Riff(("fmt ", WavChunks.Fmt(2, 1, 44100, 4)), ("data", new byte[16]));
        Assert.Equal("Old.wav: format 0x0002 (4-bit) WAV files are not supported; export it as PCM or float WAV.",
            Assert.Throws<AudioFormatException>(() => ReadBytes(adpcm, "Old.wav")).Message);

        var noFmt = WavChunks.Riff(("data", FourSamples));
        Assert.Equal("Bare.wav: corrupt WAV (it has no fmt chunk).", Assert.Throws<AudioFormatException>(() => ReadBytes(noFmt, "Bare.wav")).Message);

        var noData = WavChunks.Riff(("fmt ", WavChunks.Fmt(1, 1, 22050, 16)));
        Assert.Equal("Head.wav: corrupt WAV (it has no data chunk).", Assert.Throws<AudioFormatException>(() => ReadBytes(noData, "Head.wav")).Message);

        byte[] rf64 = [.. "RF64"u8, 0xFF, 0xFF, 0xFF, 0xFF, .. "WAVE"u8];
        Assert.StartsWith("Long.wav: RF64", Assert.Throws<AudioFormatException>(() => ReadBytes(rf64, "Long.wav")).Message);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var error = Assert.Throws<AudioFormatException>(() => WavReader.Open("/no/such/dir/Gone.wav"));
        Assert.StartsWith("Gone.wav: file not found", error.Message);
    }

    [Theory]
    [InlineData(WavSampleFormat.Pcm24, 2)]
    [InlineData(WavSampleFormat.Float32, 2)]
    [InlineData(WavSampleFormat.Float32, 1)]
    [InlineData(WavSampleFormat.Pcm16, 6)]
    public void Reading_a_long_file_in_4096_frame_blocks_equals_read_all(WavSampleFormat format, int channels)
    {
        using var dir = new TempDirectory();
        string path = dir.File("long.wav");
        var audio = TestSignals.GridNoise(44100, format, channels, frames: 300_007); // ~6.8 s at 44.1 kHz, not a multiple of the block
        WavWriter.Write(path, audio, format);

        var whole = WavReader.ReadAll(path);
        using var source = WavReader.Open(path);
        var streamed = new AudioBuffer(channels, (int)source.LengthFrames, source.SampleRate);
        var block = new AudioBuffer(channels, 4096, source.SampleRate);
        int position = 0, n;
        while ((n = source.Read(block, block.Frames)) > 0)
        {
            for (int c = 0; c < channels; c++) block.Channel(c)[..n].CopyTo(streamed.Channel(c)[position..]);
            position += n;
        }

        Assert.Equal(audio.Frames, position);
        Assert.Equal(audio.Frames, source.Position);
        TestSignals.AssertSamplesEqual(whole, streamed);
        TestSignals.AssertSamplesEqual(audio, whole);
    }

    [Fact]
    public void Seek_moves_the_read_position_to_a_frame()
    {
        using var dir = new TempDirectory();
        string path = dir.File("seek.wav");
        var audio = TestSignals.GridNoise(44100, WavSampleFormat.Pcm16, 2, 10_000);
        WavWriter.Write(path, audio, WavSampleFormat.Pcm16);

        using var source = WavReader.Open(path);
        source.Seek(7_500);
        var block = new AudioBuffer(2, 4096, 44100);
        Assert.Equal(2_500, source.Read(block, 4096));
        Assert.Equal(audio.Channel(1)[7_500..].ToArray(), block.Channel(1)[..2_500].ToArray());
        Assert.Equal(0, source.Read(block, 4096));
    }
}
