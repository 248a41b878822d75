using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Mixing;

/// <summary>
/// Where a render goes. WAV is streamed straight into an atomic temp file beside the destination; other
/// formats are streamed to a scratch float WAV and encoded by ffmpeg at the end. Nothing appears at the
/// destination until <see cref="Commit"/>, so a failed or cancelled render never leaves a half-written file.
/// </summary>
internal sealed class RenderOutput : IDisposable
{
    private readonly string _path;
    private readonly AtomicFileWriter? _atomic;
    private readonly string? _scratchPath;
    private readonly Stream _stream;
    private readonly WavFileWriter _wav;
    private bool _wavClosed;

    public RenderOutput(string path, int sampleRate, WavSampleFormat format)
    {
        _path = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(_path)!;
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"Output folder does not exist: {dir}");
        if (IsWav(_path))
        {
            _atomic = new AtomicFileWriter(_path);
            _stream = _atomic.Stream;
        }
        else
        {
            // The encoder decides the final bit depth; the scratch file keeps full float precision.
            _scratchPath = Path.Combine(Path.GetTempPath(), $"mixwright-render-{Guid.NewGuid():N}.wav");
            _stream = new FileStream(_scratchPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            format = WavSampleFormat.Float32;
        }
        _wav = new WavFileWriter(_stream, sampleRate, 2, format);
    }

    public static bool IsWav(string path) => string.Equals(Path.GetExtension(path), ".wav", StringComparison.OrdinalIgnoreCase);

    public void Write(AudioBuffer block, int frames) => _wav.Write(block, frames);

    public void Commit()
    {
        CloseWav();
        if (_atomic is not null)
        {
            _atomic.Commit();
            return;
        }
        _stream.Dispose();
        string temp = Path.Combine(Path.GetDirectoryName(_path)!, $".{Path.GetFileNameWithoutExtension(_path)}.tmp-{Guid.NewGuid():N}{Path.GetExtension(_path)}");
        try
        {
            FfmpegCodec.Encode(_scratchPath!, temp);
            File.Move(temp, _path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private void CloseWav()
    {
        if (_wavClosed) return;
        _wavClosed = true;
        _wav.Dispose();
    }

    public void Dispose()
    {
        CloseWav();
        _atomic?.Dispose();
        if (_scratchPath is not null)
        {
            _stream.Dispose();
            File.Delete(_scratchPath);
        }
    }
}
