using System.Diagnostics;
using System.Text;
using Mixwright.Embeddings.Text;
using Mixwright.Training.EncoderDump;

// encoder-dump IN.txt OUT.bin [--batch N]: one sentence a line (UTF-8) in, the encoder's token states out
// (format: TokenStatesWriter). Written to a temporary file and moved, so OUT is whole or absent.
const string Usage = "usage: encoder-dump IN.txt OUT.bin [--batch SENTENCES]";
if (args.Length is not (2 or 4) || args.Length == 4 && args[2] != "--batch")
{
    Console.Error.WriteLine(Usage);
    return 2;
}
string input = args[0], output = args[1];
int batch = 32;
if (args.Length == 4 && (!int.TryParse(args[3], out batch) || batch < 1))
{
    Console.Error.WriteLine($"--batch must be a whole number of sentences, at least 1 (got '{args[3]}').");
    return 2;
}
if (!File.Exists(input))
{
    Console.Error.WriteLine($"Input file not found: {input}");
    return 1;
}

var clock = Stopwatch.StartNew();
TextEncoder encoder;
try
{
    encoder = TextEncoder.Load(options: new TextEncoderOptions { BatchSize = batch });
}
catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
using (encoder)
{
    double loadSeconds = clock.Elapsed.TotalSeconds;
    string partial = output + ".partial";
    File.Delete(partial);
    var reader = new StreamReader(input, new UTF8Encoding(false, throwOnInvalidBytes: true));
    using (var writer = new TokenStatesWriter(partial))
    {
        // Chunks of many batches: long enough for length-sorting to pad little, short enough to stream.
        var chunk = new List<string>(batch * 32);
        try
        {
            for (string? line = reader.ReadLine(); ; line = reader.ReadLine())
            {
                if (line is not null) chunk.Add(line);
                if (chunk.Count == chunk.Capacity || line is null && chunk.Count > 0)
                {
                    foreach (var sentence in encoder.EncodeTokensBatch(chunk)) writer.Write(sentence);
                    chunk.Clear();
                    Console.Error.Write($"\r{writer.Count} sentences");
                }
                if (line is null) break;
            }
        }
        catch (DecoderFallbackException e)
        {
            Console.Error.WriteLine($"\n{input} is not UTF-8 text (line {writer.Count + chunk.Count + 1}): {e.Message}");
            writer.Dispose();
            File.Delete(partial);
            return 1;
        }
        finally
        {
            reader.Dispose();
        }
        writer.Complete();
        double encodeSeconds = clock.Elapsed.TotalSeconds - loadSeconds;
        Console.Error.WriteLine($"\r{writer.Count} sentences in {encodeSeconds:F1} s ({writer.Count / Math.Max(encodeSeconds, 1e-9):F0} a second; load {loadSeconds:F2} s) -> {output}");
    }
    File.Move(partial, output, overwrite: true);
}
return 0;
