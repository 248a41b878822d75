using System.Globalization;
using System.Text;
using Mixwright.Dsp.Audio;
using Mixwright.Tools.Session;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Plugin;

/// <summary>
/// Where a file the assistant decides to write goes: always the session's <c>renders/</c> folder, under a name
/// Mixwright chooses from the request. A model is not the user: it may not pick a folder (no absolute path, no
/// separator, no <c>..</c>), and it never replaces a file Mixwright did not write there itself. What Mixwright
/// wrote is kept in a small record in that folder (name, size, time), so re-rendering "mix.wav" replaces its
/// own earlier render but never a file the user dropped or edited there: that one keeps its name and the render
/// gets a fresh one (mix-2.wav). Paths the user typed on the command line do not come here.
/// </summary>
public sealed class AssistantOutputPolicy(MixSession session)
{
    public const string FolderName = "renders";

    /// <summary>The record of files Mixwright wrote in the folder: one line "name TAB bytes TAB last-write ticks" each.</summary>
    public const string RecordName = ".mixwright-written";

    private const int MaxNameChars = 80;
    private const int MaxFreshNames = 999;

    public string Folder => Path.Combine(session.Directory, FolderName);

    /// <summary>
    /// The file to write for <paramref name="requested"/> (a bare file name, or empty for <paramref name="defaultName"/>).
    /// Creates the folder on demand. Throws a <see cref="SessionException"/> for a path that tries to leave it.
    /// </summary>
    public string Choose(string? requested, string defaultName)
    {
        string name = FileName(string.IsNullOrWhiteSpace(requested) ? defaultName : requested.Trim());
        var folder = new DirectoryInfo(Folder);
        if (folder.Exists && folder.LinkTarget is not null)
            throw new SessionException($"{FolderName}/ in the session folder is a link to somewhere else; renders are written only into a real {FolderName}/ folder. Nothing was written.");
        if (File.Exists(Folder))
            throw new SessionException($"The session folder has a file called {FolderName} where the renders folder should be; move it and render again. Nothing was written.");
        Directory.CreateDirectory(Folder);

        var written = ReadRecord();
        var protectedPaths = session.Stems.Select(session.StemPath).Append(session.FilePath)
            .Concat(session.References.Select(r => session.ResolvePath(r.File))).ToHashSet(StringComparer.Ordinal);
        string stem = Path.GetFileNameWithoutExtension(name), extension = Path.GetExtension(name);
        for (int n = 1; n <= MaxFreshNames; n++)
        {
            string candidate = Path.Combine(Folder, n == 1 ? name : $"{stem}-{n}{extension}");
            if (protectedPaths.Contains(candidate)) continue;
            var file = new FileInfo(candidate);
            if (file.LinkTarget is not null) continue;
            if (!file.Exists || IsOurs(file, written)) return candidate;
        }
        throw new SessionException($"{FolderName}/ already holds {MaxFreshNames} files called {DisplayText.Quote(name)} or variants of it; clear some out. Nothing was written.");
    }

    /// <summary>Notes that Mixwright wrote <paramref name="path"/>, so a later render of the same name may replace it.</summary>
    public void Written(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists || !string.Equals(file.DirectoryName, Path.GetFullPath(Folder), StringComparison.Ordinal)) return;
        var written = ReadRecord();
        written[file.Name] = (file.Length, file.LastWriteTimeUtc.Ticks);
        var text = new StringBuilder();
        foreach (var (name, (bytes, ticks)) in written.Where(w => File.Exists(Path.Combine(Folder, w.Key))))
            text.Append(CultureInfo.InvariantCulture, $"{name}\t{bytes}\t{ticks}\n");
        AtomicFileWriter.WriteAllBytes(Path.Combine(Folder, RecordName), Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>
    /// A safe file name from what was asked: letters, digits, "-", "_" and "." kept, anything else a dash; an
    /// extension Mixwright cannot write becomes part of the name and ".wav" is added.
    /// </summary>
    public static string FileName(string requested)
    {
        if (Path.IsPathRooted(requested) || requested.StartsWith('~'))
            throw Refused(requested, "it is an absolute path");
        if (requested.Contains('/') || requested.Contains('\\'))
            throw Refused(requested, "it names a folder");
        if (requested.Contains("..", StringComparison.Ordinal))
            throw Refused(requested, "it contains \"..\"");

        var clean = new StringBuilder();
        foreach (char c in requested)
            clean.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        string name = clean.ToString().Trim('.', '-', ' ');
        string extension = Path.GetExtension(name).ToLowerInvariant();
        bool writable = extension is ".wav" || FfmpegCodec.EncodableExtensions.Contains(extension);
        string stem = writable ? Path.GetFileNameWithoutExtension(name) : name.Replace('.', '-');
        if (stem.Length == 0) stem = "mix";
        if (stem.Length > MaxNameChars) stem = stem[..MaxNameChars];
        if (stem.Equals(RecordName.TrimStart('.'), StringComparison.OrdinalIgnoreCase)) stem = "mix";
        return stem + (writable ? extension : ".wav");
    }

    private static SessionException Refused(string requested, string why) => new(
        $"Refused: {DisplayText.Quote(requested)} is not a file name ({why}). Renders the assistant makes go into this session's " +
        $"{FolderName}/ folder under a plain name such as \"mix.wav\"; to write anywhere else, the user runs `mixwright render SESSION -o PATH`. Nothing was written.");

    private static bool IsOurs(FileInfo file, Dictionary<string, (long Bytes, long Ticks)> written) =>
        written.TryGetValue(file.Name, out var w) && w.Bytes == file.Length && w.Ticks == file.LastWriteTimeUtc.Ticks;

    private Dictionary<string, (long Bytes, long Ticks)> ReadRecord()
    {
        var written = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        string path = Path.Combine(Folder, RecordName);
        if (!File.Exists(path)) return written;
        foreach (string line in File.ReadLines(path))
        {
            // A damaged line only means that file is no longer known as ours: it will not be replaced.
            string[] parts = line.Split('\t');
            if (parts.Length == 3 && parts[0].Length > 0 && !parts[0].Contains('/')
                && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out long bytes)
                && long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out long ticks))
                written[parts[0]] = (bytes, ticks);
        }
        return written;
    }
}
