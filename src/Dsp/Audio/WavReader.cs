namespace Mixwright.Dsp.Audio;

/// <summary>
/// Reads WAV files: 8-bit unsigned, 16/24/32-bit PCM and 32/64-bit float, plain or
/// WAVE_FORMAT_EXTENSIBLE, any channel count, chunks in any order. A file that is empty,
/// truncated, corrupt or silent-by-construction (no frames) throws an
/// <see cref="AudioFormatException"/> naming it rather than yielding partial audio.
/// </summary>
public static class WavReader
{
    /// <summary>Opens <paramref name="path"/> for streaming reads; the caller disposes the source.</summary>
    public static WavFileSource Open(string path) => Open(path, Path.GetFileName(path));

    /// <summary>Opens a file under a different name for messages (a decoded cache file reports its original).</summary>
    internal static WavFileSource Open(string path, string displayName)
    {
        return new WavFileSource(OpenStream(path, displayName), displayName, leaveOpen: false);
    }

    /// <summary>The header facts, validated exactly as <see cref="Open(string)"/> would.</summary>
    public static WavInfo ReadInfo(string path)
    {
        using var stream = OpenStream(path, Path.GetFileName(path));
        return WavHeader.Read(stream, Path.GetFileName(path)).RequireReadable().ToInfo();
    }

    /// <summary>The whole file as one buffer (for analysis and tests; renders stream with <see cref="Open(string)"/>).</summary>
    public static AudioBuffer ReadAll(string path)
    {
        using var source = Open(path);
        return ReadAll(source, source.Name);
    }

    /// <summary>Drains <paramref name="source"/> into one buffer.</summary>
    internal static AudioBuffer ReadAll(IAudioSource source, string name)
    {
        if (source.LengthFrames > Array.MaxLength)
            throw new AudioFormatException(
                $"{name}: {source.LengthFrames} frames is too long to load into memory at once; stream it instead.");
        var buffer = new AudioBuffer(source.ChannelCount, (int)source.LengthFrames, source.SampleRate);
        int done = source.Read(buffer, buffer.Frames);
        if (done < buffer.Frames)
        {
            // A source may return fewer frames than asked; Read fills the start of its destination,
            // so the rest goes through a block.
            var block = new AudioBuffer(buffer.ChannelCount, Math.Min(buffer.Frames - done, 1 << 16), buffer.SampleRate);
            while (done < buffer.Frames)
            {
                int n = source.Read(block, Math.Min(block.Frames, buffer.Frames - done));
                if (n == 0) break;
                for (int c = 0; c < buffer.ChannelCount; c++)
                    block.Channel(c)[..n].CopyTo(buffer.Channel(c).Slice(done, n));
                done += n;
            }
        }
        if (done != buffer.Frames)
            throw new AudioFormatException($"{name}: ended after {done} of {buffer.Frames} frames.");
        return buffer;
    }

    private static FileStream OpenStream(string path, string displayName)
    {
        try
        {
            // Unbuffered (a buffer size of 1 disables FileStream's own): reads are already large blocks.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1, FileOptions.SequentialScan);
        }
        catch (FileNotFoundException e)
        {
            throw new AudioFormatException($"{displayName}: file not found ({path}).", e);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new AudioFormatException($"{displayName}: file not found ({path}).", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new AudioFormatException($"{displayName}: cannot be opened ({e.Message}).", e);
        }
    }
}
