using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Tests;

/// <summary>A scratch folder that cleans itself up.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(PathName = Path.Combine(Path.GetTempPath(), "mixwright-test-" + Guid.NewGuid().ToString("N")));

    public string PathName { get; }
    public string File(string name) => Path.Combine(PathName, name);

    public string Write(string name, AudioBuffer audio, WavSampleFormat format = WavSampleFormat.Float32)
    {
        string path = File(name);
        WavWriter.Write(path, audio, format);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(PathName, recursive: true); } catch (IOException) { }
    }
}
