using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Mixing;

/// <summary>
/// Where a render goes. WAV streams into an atomic writer at the destination; other formats stream into a
/// hidden WAV beside it that ffmpeg encodes at the end. Nothing appears at the destination until
/// <see cref="Commit"/>, so a failed or cancelled render never leaves a half-written file.
/// </summary>
internal sealed class RenderOutput : IDisposable
{
    private readonly string _path;
    private readonly string? _intermediate;
    private readonly WavFileWriter _wav;

    public RenderOutput(string path, int sampleRate, WavSampleFormat format)
    {
        _path = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(_path)!;
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"Output folder does not exist: {dir}");
        if (AudioFile.IsWav(_path))
        {
            _wav = new WavFileWriter(_path, sampleRate, 2, format);
            return;
        }
        FfmpegCodec.RequireEncodable(_path);
        _intermediate = Path.Combine(dir, $".{Path.GetFileName(_path)}.render-{Guid.NewGuid():N}.wav");
        _wav = new WavFileWriter(_intermediate, sampleRate, 2, AudioFile.EncoderInputFormat(_path));
    }

    public void Write(AudioBuffer block, int frames) => _wav.Write(block, frames);

    public void Commit()
    {
        _wav.Finish();
        if (_intermediate is not null) FfmpegCodec.Encode(_intermediate, _path);
    }

    public void Dispose()
    {
        _wav.Dispose();
        if (_intermediate is not null) File.Delete(_intermediate);
    }
}
