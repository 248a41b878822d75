using System.CommandLine;
using Mixwright.Tools;
using Mixwright.Tools.Session;

namespace Mixwright.Assistant.Cli;

/// <summary>
/// The command line's rule for an output file the user typed (`render -o`, `match -o`, `bounce -o`): any
/// folder is the user's choice, but an existing file is replaced only with <c>--force</c>, and a stem, a
/// reference or the session file itself never, so a typo cannot cost the user a master or a stem.
/// </summary>
public static class OutputFileGuard
{
    /// <summary>The --force option a writing command adds to its options.</summary>
    public static Option<bool> ForceOption() => new("--force") { Description = "Replace the output file if it already exists (never a stem or the session file)." };

    /// <summary>Throws a clear message, before any work, if <paramref name="path"/> may not be written.</summary>
    public static void Check(string path, bool force, MixSession? session = null)
    {
        string full = Path.GetFullPath(path);
        string name = Path.GetFileName(full);
        if (Directory.Exists(full))
            throw new SessionException($"{path} is a folder; give a file name for the output (e.g. {Path.Combine(path, "mix.wav")}). Nothing was written.");
        if (session is not null)
        {
            var own = session.Stems.Select(session.StemPath).Append(Path.GetFullPath(session.FilePath))
                .Concat(session.References.Select(r => session.ResolvePath(r.File)));
            if (own.Any(p => string.Equals(p, full, StringComparison.Ordinal)))
                throw new SessionException($"{name} is a stem, a reference or the session file itself; Mixwright never writes over those, even with --force. Choose another output file.");
        }
        if (File.Exists(full) && !force)
            throw new SessionException($"{name} already exists ({full}); add --force to replace it, or choose another output file. Nothing was written.");
    }
}
