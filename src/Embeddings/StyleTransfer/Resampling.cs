using Mixwright.Dsp.Audio;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>
/// Brings audio to the rate a matcher works at through the engine's own decoder path (AudioFile.ReadAll with a
/// sample rate, i.e. ffmpeg's soxr), so stems are resampled exactly as the renderer resamples them.
/// </summary>
internal static class Resampling
{
    public static AudioBuffer To(AudioBuffer audio, int sampleRate, string? scratchDirectory, string what)
    {
        if (audio.SampleRate == sampleRate) return audio;
        string dir = scratchDirectory ?? Path.GetTempPath();
        Directory.CreateDirectory(dir);
        string wav = Path.Combine(dir, $"mixwright-resample-{Guid.NewGuid():N}.wav");
        try
        {
            WavWriter.Write(wav, audio, WavSampleFormat.Float32);
            var resampled = AudioFile.ReadAll(wav, sampleRate);
            return resampled.SampleRate == sampleRate
                ? resampled
                : throw new InvalidDataException($"{what}: resampling from {audio.SampleRate} Hz to {sampleRate} Hz gave {resampled.SampleRate} Hz.");
        }
        finally
        {
            File.Delete(wav);
        }
    }
}
