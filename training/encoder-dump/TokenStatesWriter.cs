using System.Text;
using Mixwright.Embeddings.Text;

namespace Mixwright.Training.EncoderDump;

/// <summary>
/// The token-states dump, little-endian, laid out for numpy (training/reader/token_states.py):
/// <code>
/// header:   4 bytes "MWTS", int32 version (1), int32 dimension (384), int32 sentence count
/// sentence: int32 n (tokens, [CLS] and [SEP] included)
///           int32[n] token ids (the WordPiece vocabulary's)
///           int32[n] character start, int32[n] character end: [start, end) in Unicode code points of the
///                    input line (Python's str indexing), -1 for [CLS] and [SEP]
///           float16[n * dimension] hidden states, row-major (token by token)
/// </code>
/// </summary>
public sealed class TokenStatesWriter : IDisposable
{
    public static ReadOnlySpan<byte> Magic => "MWTS"u8;
    public const int Version = 1;

    private readonly FileStream _stream;
    private readonly BinaryWriter _writer;
    private int _count;

    public TokenStatesWriter(string path)
    {
        _stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        _writer = new BinaryWriter(_stream, Encoding.UTF8, leaveOpen: true);
        _writer.Write(Magic);
        _writer.Write(Version);
        _writer.Write(TextEncoder.Dimension);
        _writer.Write(0); // the count, filled in by Complete
    }

    public int Count => _count;

    public void Write(TokenStates sentence)
    {
        int n = sentence.Count;
        var codePointBefore = CodePointIndex(sentence.Text);
        _writer.Write(n);
        foreach (int id in sentence.Ids) _writer.Write(id);
        foreach (var span in sentence.Spans) _writer.Write(span.IsNone ? -1 : codePointBefore[span.Start]);
        foreach (var span in sentence.Spans) _writer.Write(span.IsNone ? -1 : codePointBefore[span.End]);
        var halves = new byte[sentence.States.Length * 2];
        for (int i = 0; i < sentence.States.Length; i++)
            BitConverter.TryWriteBytes(halves.AsSpan(2 * i), (Half)sentence.States[i]);
        _writer.Write(halves);
        _count++;
    }

    /// <summary>Writes the sentence count into the header and flushes.</summary>
    public void Complete()
    {
        _writer.Flush();
        _stream.Position = Magic.Length + 2 * sizeof(int);
        _writer.Write(_count);
        _writer.Flush();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }

    /// <summary>For each UTF-16 index 0..Length, how many code points come before it (a surrogate pair is one).</summary>
    private static int[] CodePointIndex(string text)
    {
        var index = new int[text.Length + 1];
        int codePoints = 0;
        for (int i = 0; i < text.Length; i++)
        {
            index[i] = codePoints;
            if (!(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))) codePoints++;
        }
        index[text.Length] = codePoints;
        return index;
    }
}
