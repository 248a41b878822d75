using System.Text;
using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Tests.Analysis;

/// <summary>
/// Minimal 32-bit float WAV writer so the tests can hand audio to ffmpeg (the project's own WAV
/// writer is developed separately; the tests must not depend on it).
/// </summary>
internal static class FloatWav
{
    public static void Write(string path, AudioBuffer audio)
    {
        int channels = audio.ChannelCount, frames = audio.Frames;
        int dataBytes = frames * channels * sizeof(float);
        using var w = new BinaryWriter(File.Create(path));
        w.Write(Encoding.ASCII.GetBytes("RIFF"));
        w.Write(36 + dataBytes);
        w.Write(Encoding.ASCII.GetBytes("WAVEfmt "));
        w.Write(16);
        w.Write((short)3); // IEEE float
        w.Write((short)channels);
        w.Write(audio.SampleRate);
        w.Write(audio.SampleRate * channels * sizeof(float));
        w.Write((short)(channels * sizeof(float)));
        w.Write((short)32);
        w.Write(Encoding.ASCII.GetBytes("data"));
        w.Write(dataBytes);
        var interleaved = new byte[dataBytes];
        var samples = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(interleaved.AsSpan());
        for (int c = 0; c < channels; c++)
        {
            var x = audio.Channel(c);
            for (int n = 0; n < frames; n++) samples[n * channels + c] = x[n];
        }
        w.Write(interleaved);
    }
}
