using Mixwright.Dsp.Audio;
using Mixwright.Tools;
using Mixwright.Tools.Engine;

namespace Mixwright.Assistant.Tests.Tui;

/// <summary>
/// A small session made the way a user makes one: a folder of generated stems (a sung tone, a bass tone, a
/// noisy kick) and `mixwright new` over it through <see cref="SessionCommands"/> (or only the stems, for a
/// test that lets the program create the session). Deleted with its folder.
/// </summary>
public sealed class TestSession : IDisposable
{
    public TestSession(double seconds = 1.5, int sampleRate = 44100, bool create = true)
    {
        Root = Directory.CreateTempSubdirectory("mixwright-tui-").FullName;
        StemsDir = Path.Combine(Root, "stems");
        Directory.CreateDirectory(StemsDir);
        int frames = (int)(seconds * sampleRate);
        Save("Lead Vocal.wav", frames, sampleRate, i => 0.25 * Math.Sin(2 * Math.PI * 330 * i / sampleRate) * (1 + 0.3 * Math.Sin(2 * Math.PI * 5 * i / sampleRate)));
        Save("Bass.wav", frames, sampleRate, i => 0.4 * Math.Sin(2 * Math.PI * 55 * i / sampleRate));
        var noise = new Random(7);
        Save("Kick.wav", frames, sampleRate, i => (i % (sampleRate / 2) < sampleRate / 20 ? 0.6 : 0.02) * (noise.NextDouble() * 2 - 1));
        SessionPath = Path.Combine(StemsDir, SessionCommands.DefaultSessionFileName);
        if (create) new SessionCommands(DspMixEngine.ForSession(SessionPath)).New(StemsDir);
    }

    public string Root { get; }
    public string StemsDir { get; }
    public string SessionPath { get; }

    private void Save(string name, int frames, int rate, Func<int, double> sample)
    {
        var buffer = new AudioBuffer(1, frames, rate);
        var channel = buffer.Channel(0);
        for (int i = 0; i < frames; i++) channel[i] = (float)sample(i);
        AudioFile.Save(Path.Combine(StemsDir, name), buffer);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
