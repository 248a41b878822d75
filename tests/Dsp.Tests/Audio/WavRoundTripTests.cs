using System.Diagnostics;
using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Tests.Audio;

public class WavRoundTripTests
{
    public static TheoryData<WavSampleFormat, int> FormatsAndChannels()
    {
        var data = new TheoryData<WavSampleFormat, int>();
        foreach (var format in Enum.GetValues<WavSampleFormat>())
            foreach (int channels in new[] { 1, 2, 6 })
                data.Add(format, channels);
        return data;
    }

    [Theory]
    [MemberData(nameof(FormatsAndChannels))]
    public void Write_read_write_is_bit_exact(WavSampleFormat format, int channels)
    {
        using var dir = new TempDirectory();
        // An odd frame count exercises the pad byte for 8- and 24-bit mono.
        var original = TestSignals.GridNoise(48000, format, channels, frames: 10_001);

        WavWriter.Write(dir.File("a.wav"), original, format);
        var read = WavReader.ReadAll(dir.File("a.wav"));
        WavWriter.Write(dir.File("b.wav"), read, format);

        TestSignals.AssertSamplesEqual(original, read);
        Assert.Equal(File.ReadAllBytes(dir.File("a.wav")), File.ReadAllBytes(dir.File("b.wav")));
        Assert.Equal(new WavInfo(48000, channels, 10_001, format), WavReader.ReadInfo(dir.File("a.wav")));
    }

    [Fact]
    public void Float64_written_from_float32_reads_back_exactly()
    {
        var original = TestSignals.GridNoise(44100, WavSampleFormat.Float32, 2, 5000);
        var stream = new MemoryStream();
        WavWriter.Write(stream, original, WavSampleFormat.Float64);
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("f64.wav"), stream.ToArray());

        TestSignals.AssertSamplesEqual(original, WavReader.ReadAll(dir.File("f64.wav")));
    }

    [Theory]
    [InlineData(WavSampleFormat.Pcm16, 1, 0x0001, 16)]
    [InlineData(WavSampleFormat.Pcm24, 2, 0x0001, 16)]
    [InlineData(WavSampleFormat.Float32, 2, 0x0003, 18)]
    [InlineData(WavSampleFormat.Pcm24, 6, 0xFFFE, 40)]
    [InlineData(WavSampleFormat.Float32, 3, 0xFFFE, 40)]
    public void Plain_format_up_to_stereo_and_extensible_beyond(WavSampleFormat format, int channels, int expectedTag, int expectedFmtSize)
    {
        var stream = new MemoryStream();
        WavWriter.Write(stream, TestSignals.GridNoise(44100, format, channels, 100), format);
        byte[] bytes = stream.ToArray();

        Assert.Equal("fmt ", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(expectedFmtSize, BitConverter.ToInt32(bytes, 16));
        Assert.Equal(expectedTag, BitConverter.ToUInt16(bytes, 20));
        Assert.Equal(bytes.Length - 8, BitConverter.ToInt32(bytes, 4)); // RIFF size patched
    }

    [Fact]
    public void Pcm_output_rounds_to_nearest_and_clips()
    {
        var buffer = new AudioBuffer(1, 6, 44100);
        float lsb = 1f / 32768;
        new[] { 0.4f * lsb, 0.6f * lsb, 2.5f * lsb, -1.7f * lsb, 1.5f, -3f }.CopyTo(buffer.Channel(0));
        var stream = new MemoryStream();
        WavWriter.Write(stream, buffer, WavSampleFormat.Pcm16);

        byte[] bytes = stream.ToArray();
        var samples = Enumerable.Range(0, 6).Select(i => BitConverter.ToInt16(bytes, bytes.Length - 12 + 2 * i)).ToArray();
        // 2.5 LSB rounds to the even neighbour; beyond full scale clips to the integer range.
        Assert.Equal(new short[] { 0, 1, 2, -2, 32767, -32768 }, samples);
    }

    [Fact]
    public void Streaming_writes_in_blocks_equal_one_write()
    {
        var audio = TestSignals.NoiseFrames(44100, 2, 20_000);
        var whole = new MemoryStream();
        WavWriter.Write(whole, audio, WavSampleFormat.Pcm24);

        var blocks = new MemoryStream();
        using (var writer = new WavFileWriter(blocks, 44100, 2, WavSampleFormat.Pcm24, leaveOpen: true))
        {
            for (int start = 0; start < audio.Frames; start += 3000)
            {
                var block = audio.Slice(start, Math.Min(3000, audio.Frames - start));
                writer.Write(block, block.Frames);
            }
            Assert.Equal(audio.Frames, writer.FramesWritten);
        } // disposing a stream writer finishes the header

        Assert.Equal(whole.ToArray(), blocks.ToArray());
    }

    [Fact]
    public void Writer_refuses_to_pass_the_4_GiB_RIFF_limit_with_a_clear_message()
    {
        var stream = new MemoryStream();
        using var writer = new WavFileWriter(stream, 44100, 2, WavSampleFormat.Float32);
        // The real limit: the RIFF size counts the 58-byte header less its first 8, plus data and a pad byte.
        Assert.Equal(uint.MaxValue - (58L - 8) - 1, writer.MaxDataBytes);
        writer.MaxDataBytes = 8 * 1000; // stand-in for 4 GiB: the same check at a testable size

        var block = TestSignals.NoiseFrames(44100, 2, 600);
        writer.Write(block, 600);
        var error = Assert.Throws<AudioFormatException>(() => writer.Write(block, 600));

        Assert.Contains("cannot hold more than 4 GiB", error.Message);
        Assert.Equal(600, writer.FramesWritten); // the refused block wrote nothing
    }

    [Fact]
    public void A_path_writer_only_puts_the_file_in_place_when_finished()
    {
        using var dir = new TempDirectory();
        string path = dir.File("Render.wav");
        var audio = TestSignals.NoiseFrames(44100, 2, 1000);

        using (var abandoned = new WavFileWriter(path, 44100, 2, WavSampleFormat.Pcm16))
            abandoned.Write(audio, 1000); // an exception mid-render: disposed without Finish
        Assert.Empty(dir.Entries());

        using (var finished = new WavFileWriter(path, 44100, 2, WavSampleFormat.Pcm16))
        {
            finished.Write(audio, 1000);
            finished.Finish();
        }
        Assert.Equal(["Render.wav"], dir.Entries());
        Assert.Equal(1000, WavReader.ReadInfo(path).LengthFrames);
    }

    [Theory]
    [InlineData(WavSampleFormat.Pcm8, "pcm_u8", 2)]
    [InlineData(WavSampleFormat.Pcm16, "pcm_s16le", 6)]
    [InlineData(WavSampleFormat.Pcm24, "pcm_s24le", 2)]
    [InlineData(WavSampleFormat.Pcm32, "pcm_s32le", 1)]
    [InlineData(WavSampleFormat.Float64, "pcm_f64le", 3)]
    public void Ffmpeg_reads_our_files_and_we_read_its_files_identically(WavSampleFormat format, string ffmpegCodec, int channels)
    {
        using var dir = new TempDirectory();
        var audio = TestSignals.GridNoise(44100, format, channels, 4_001);
        WavWriter.Write(dir.File("ours.wav"), audio, format);
        WavWriter.Write(dir.File("ours-f32.wav"), audio, WavSampleFormat.Float32);

        // ffmpeg as the oracle, both ways: its float decode of our file, and its own encoding
        // (with its own header layout: extensible, LIST chunk) read by us.
        RunFfmpeg($"-i ours.wav -c:a pcm_f32le theirs-f32.wav", dir.Path);
        RunFfmpeg($"-i ours-f32.wav -c:a {ffmpegCodec} theirs.wav", dir.Path);

        TestSignals.AssertSamplesEqual(audio, WavReader.ReadAll(dir.File("theirs-f32.wav")));
        TestSignals.AssertSamplesEqual(audio, WavReader.ReadAll(dir.File("theirs.wav")));
    }

    private static void RunFfmpeg(string arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo("ffmpeg", "-hide_banner -loglevel error -y " + arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ffmpeg {arguments} failed: {errors}");
    }
}
