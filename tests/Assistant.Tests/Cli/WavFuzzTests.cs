using System.Buffers.Binary;
using Mixwright.Assistant.Evaluation;
using Mixwright.Dsp.Audio;

namespace Mixwright.Assistant.Tests.Cli;

/// <summary>
/// Damaged and hostile files through the function `mixwright analyze --json` runs: never a crash, a hang or a
/// NaN, and every refusal is one line naming the file in a user's words. The longer run is `bench fuzz`.
/// </summary>
public sealed class WavFuzzTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mixwright-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Four_hundred_mutated_files_are_measured_or_refused_by_name_and_nothing_else()
    {
        var mutator = new WavMutator(seed: 2026);
        var verdicts = new Dictionary<FuzzVerdict, int>();
        var failures = new List<string>();
        for (int i = 0; i < 400; i++)
        {
            var (name, bytes) = mutator.Next(i);
            string path = Path.Combine(_dir, name);
            File.WriteAllBytes(path, bytes);
            var (verdict, text) = AnalyzeFuzzCheck.Check(path, TimeSpan.FromSeconds(20));
            verdicts[verdict] = verdicts.GetValueOrDefault(verdict) + 1;
            if (verdict is not (FuzzVerdict.Measured or FuzzVerdict.Refused)) failures.Add($"{name}: {verdict}: {text}");
            File.Delete(path);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.InRange(verdicts.GetValueOrDefault(FuzzVerdict.Measured), 25, 375);   // both outcomes are exercised
        Assert.InRange(verdicts.GetValueOrDefault(FuzzVerdict.Refused), 25, 375);
    }

    private string Wav(string name, int channels, int rate)
    {
        var buffer = new AudioBuffer(channels, 4410, 44100);
        string path = Path.Combine(_dir, name);
        WavWriter.Write(path, buffer, WavSampleFormat.Pcm16);
        byte[] bytes = File.ReadAllBytes(path);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(24), (uint)rate);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void An_eight_channel_file_says_what_to_do_through_the_real_program()
    {
        var result = MixwrightProcess.Run("analyze", Wav("drums.wav", 8, 44100), "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: drums.wav: 8 channels (7.1); Mixwright mixes mono and stereo stems: export it as stereo, or as separate mono or stereo stems.", result.Stderr.Trim());
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData(0, "which no audio has")]
    [InlineData(1_000_000, "which no audio has")]
    [InlineData(4000, "8 kHz to 768 kHz")]
    public void An_impossible_or_unusable_sample_rate_is_the_same_kind_of_message(int rate, string expected)
    {
        string path = Wav("bass.wav", 2, rate);
        var exception = Assert.Throws<AudioFormatException>(() => Mixwright.Assistant.Cli.AnalyzeCommand.MixAnalyzerFile(path));
        Assert.StartsWith("bass.wav: ", exception.Message);
        Assert.Contains(expected, exception.Message);
        Assert.DoesNotContain("Parameter", exception.Message);
    }
}
