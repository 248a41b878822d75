using System.Text.RegularExpressions;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Plugin;

/// <summary>
/// Which files a tool may open on the assistant's behalf: those inside the session folder, the session's
/// references, and files the user named themselves in this conversation (a path in one of their messages, or
/// on the command line). A model that asks for anything else (/etc/shadow, ~/.ssh/id_rsa, another project's
/// master) is refused before the file is opened, so nothing of it can reach the reply.
/// The chat layer fills it from the user's own turns; tools only consult it.
/// </summary>
public sealed partial class FileReadPermission(MixSession session)
{
    private readonly HashSet<string> _named = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    // A quoted run ("My Refs/Good Song.wav", 'ref.flac') or a bare token with a folder separator or an extension.
    [GeneratedRegex(@"""([^""\r\n]+)""|'([^'\r\n]+)'|(?<![\w])((?:[A-Za-z]:)?[~\w.\-/\\]*[/\\.][\w.\-/\\]*\w)")]
    private static partial Regex PathLike();

    /// <summary>Every path-looking token in <paramref name="userText"/>, the user's own words, becomes readable.</summary>
    public void AllowNamedIn(string? userText)
    {
        if (string.IsNullOrWhiteSpace(userText)) return;
        foreach (Match m in PathLike().Matches(userText))
        {
            string token = (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value).Trim();
            if (token.Length > 0) Allow(token);
        }
    }

    /// <summary>A file the user named (typed on the command line, picked in the TUI): relative to the session folder or the working folder.</summary>
    public void Allow(string path)
    {
        lock (_gate)
        {
            foreach (string full in Candidates(path)) _named.Add(full);
        }
    }

    public bool Permits(string path)
    {
        string full = Path.GetFullPath(path);
        if (!Allowed(full)) return false;
        if (!File.Exists(full)) return true; // nothing to follow; the caller reports it missing
        // A link is judged by where it leads too: a link in the session folder to /etc/shadow is not a stem.
        try
        {
            if (new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target && !Allowed(Path.GetFullPath(target.FullName)))
                return false;
        }
        catch (IOException) { return false; }
        return true;
    }

    /// <summary>Throws a refusal naming <paramref name="requested"/> (never its content) unless it may be read.</summary>
    public void Require(string path, string requested)
    {
        if (Permits(path)) return;
        throw new SessionException(
            $"Refused: {DisplayText.Quote(DisplayText.Clean(requested, 200))} is not a file the user named in this conversation, nor inside the session folder; " +
            "tools read only those. Ask the user which file to use (they can type its path). Nothing was read.");
    }

    private bool Allowed(string full)
    {
        string root = Path.GetFullPath(session.Directory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (full.StartsWith(root, StringComparison.Ordinal)) return true;
        if (session.References.Any(r => string.Equals(session.ResolvePath(r.File), full, StringComparison.Ordinal))) return true;
        lock (_gate) return _named.Contains(full);
    }

    private IEnumerable<string> Candidates(string path)
    {
        string p = path.Trim();
        if (p.StartsWith('~') && Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home)
            p = home + p[1..];
        if (Path.IsPathRooted(p))
        {
            yield return Path.GetFullPath(p);
            yield break;
        }
        string relative = p.Replace('\\', Path.DirectorySeparatorChar).Replace('/', Path.DirectorySeparatorChar);
        yield return Path.GetFullPath(Path.Combine(session.Directory, relative));
        yield return Path.GetFullPath(relative);
    }
}
