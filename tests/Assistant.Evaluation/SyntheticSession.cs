using Mixwright.Tools;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Evaluation;

/// <summary>A session over <see cref="SyntheticStems"/> in a folder of its own, measured by the real engine.</summary>
public static class SyntheticSession
{
    public const string FileName = "session.json";

    /// <summary>Writes one stem per track into DIRECTORY/stems and creates DIRECTORY/session.json over them.</summary>
    public static (MixSession Session, DspMixEngine Engine) Create(string directory, IEnumerable<(string Name, string? Role)> tracks)
    {
        string stems = Path.Combine(directory, "stems");
        foreach (var (name, role) in tracks) SyntheticStems.Write(stems, name, role);
        string path = Path.Combine(directory, FileName);
        var engine = DspMixEngine.ForSession(path);
        new SessionCommands(engine).New(stems, path);
        return (MixSession.Load(path), engine);
    }
}
