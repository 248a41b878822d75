using Mixwright.Tools.Plugin;
using Mixwright.Tools.Session;

namespace Mixwright.Tools.Tests.Support;

/// <summary>A temporary folder with generated stems and a session over them, deleted afterwards.</summary>
internal sealed class TempSession : IDisposable
{
    public TempSession(params string[] stemFileNames) : this(new FakeMixEngine(), stemFileNames) { }

    public TempSession(FakeMixEngine engine, params string[] stemFileNames)
    {
        Engine = engine;
        Root = Path.Combine(Path.GetTempPath(), "mixwright-tools-" + Guid.NewGuid().ToString("N")[..12]);
        StemsDir = Path.Combine(Root, "stems");
        Directory.CreateDirectory(StemsDir);
        for (int i = 0; i < stemFileNames.Length; i++) WriteStem(stemFileNames[i], seed: i + 1);
        SessionPath = Path.Combine(Root, "song.json");
    }

    public string Root { get; }
    public string StemsDir { get; }
    public string SessionPath { get; }
    public FakeMixEngine Engine { get; }

    public string WriteStem(string fileName, int seed)
    {
        string path = Path.Combine(StemsDir, fileName);
        File.WriteAllBytes(path, TestWav.Bytes(seed));
        return path;
    }

    /// <summary>Runs `mixwright new` over the stems and opens the result.</summary>
    public MixSession Create(TimeProvider? clock = null)
    {
        new SessionCommands(Engine, clock: clock).New(StemsDir, SessionPath);
        return MixSession.Load(SessionPath, clock);
    }

    public MixTools Tools(MixSession session, IDescriptorResolver? descriptors = null, IReferenceMatcher? matcher = null) =>
        new(session, Engine, descriptors, matcher);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* A killed child may still hold a file for a moment; the temp folder is harmless. */ }
    }
}
