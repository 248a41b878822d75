namespace Mixwright.Dsp.Audio;

/// <summary>Writes whole buffers as WAV files. For streaming renders use <see cref="WavFileWriter"/>.</summary>
public static class WavWriter
{
    /// <summary>Writes <paramref name="buffer"/> to <paramref name="path"/> atomically: the old file stays until the new one is complete.</summary>
    public static void Write(string path, AudioBuffer buffer, WavSampleFormat format)
    {
        using var writer = new WavFileWriter(path, buffer.SampleRate, buffer.ChannelCount, format);
        writer.Write(buffer, buffer.Frames);
        writer.Finish();
    }

    /// <summary>Writes <paramref name="buffer"/> as a complete WAV file into a seekable stream, which stays open.</summary>
    public static void Write(Stream stream, AudioBuffer buffer, WavSampleFormat format)
    {
        using var writer = new WavFileWriter(stream, buffer.SampleRate, buffer.ChannelCount, format, leaveOpen: true);
        writer.Write(buffer, buffer.Frames);
        writer.Finish();
    }
}
