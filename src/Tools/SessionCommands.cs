using System.Globalization;
using System.Text;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Roles;
using Mixwright.Tools.Session;
using Mixwright.Tools.State;
using Mixwright.Tools.Text;

namespace Mixwright.Tools;

/// <summary>
/// The script-facing verbs of the CLI: `mixwright new`, `state --json`, `undo`, `redo`. Each returns the
/// text to print, and throws <see cref="SessionException"/> with a message for the user on bad input
/// (a missing folder or file, nothing to undo, a concurrent writer).
/// </summary>
public sealed class SessionCommands(IMixEngine engine, IAudioRoleClassifier? classifier = null, TimeProvider? clock = null)
{
    public const string DefaultSessionFileName = "mixwright-session.json";

    private readonly IAudioRoleClassifier _classifier = classifier ?? new NearestCentroidRoleClassifier();

    /// <summary>
    /// Creates a session from a folder of stems. <paramref name="output"/> defaults to
    /// "mixwright-session.json" inside the folder; an existing session file is never replaced.
    /// </summary>
    public string New(string stemsDir, string? output = null)
    {
        if (!Directory.Exists(stemsDir)) throw new SessionException($"Stem folder not found: {DisplayText.Quote(Path.GetFullPath(stemsDir))}.");
        string sessionPath = Path.GetFullPath(string.IsNullOrWhiteSpace(output) ? Path.Combine(stemsDir, DefaultSessionFileName) : output);
        if (File.Exists(sessionPath))
            throw new SessionException($"{DisplayText.Quote(sessionPath)} already exists; open it, or choose another file with -o.");
        if (!Directory.Exists(Path.GetDirectoryName(sessionPath)))
            throw new SessionException($"The folder for {DisplayText.Quote(sessionPath)} does not exist.");
        var scanned = StemScanner.Scan(stemsDir, sessionPath, engine, _classifier);
        var session = MixSession.Create(sessionPath, scanned.Stems, scanned.SampleRate, clock);

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Created {session.FilePath} with {session.Stems.Count} tracks at {session.SampleRate} Hz:");
        foreach (var stem in session.Stems)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {DisplayText.Clean(stem.Name)}: {stem.Role.Words()} ({DisplayText.Clean(stem.RoleEvidence, 200)})");
        return text.ToString();
    }

    /// <summary>The session's state as JSON; reads no audio.</summary>
    public string StateJson(string sessionPath) => SessionStateJson.Write(MixSession.Load(sessionPath, clock), engine);

    public string Undo(string sessionPath)
    {
        var session = MixSession.Load(sessionPath, clock);
        var undone = session.Undo();
        return $"Undid {undone.Id}: {DisplayText.Clean(undone.Summary, 400)}" + Position(session);
    }

    public string Redo(string sessionPath)
    {
        var session = MixSession.Load(sessionPath, clock);
        var redone = session.Redo();
        return $"Redid {redone.Id}: {DisplayText.Clean(redone.Summary, 400)}" + Position(session);
    }

    private static string Position(MixSession session) => string.Create(CultureInfo.InvariantCulture,
        $"\n{session.History.Position} of {session.History.ChangeSets.Length} change sets in effect.");
}
