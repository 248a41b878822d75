using Mixwright.Dsp.Mixing;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Tools.Engine;

/// <summary>
/// Everything the session needs from the audio engine, and nothing more: the tools never touch samples.
/// The CLI implements it over src/Dsp (analyzer, EQ response, offline renderer); tests use a fake.
/// </summary>
public interface IMixEngine
{
    /// <summary>Decodes and measures one stem file at its native rate. Throws for an unreadable file.</summary>
    AnalysisSummary AnalyzeStem(string stemPath);

    /// <summary>Renders the mix in memory and measures the result (no file is written).</summary>
    AnalysisSummary AnalyzeMix(MixDefinition mix);

    /// <summary>Renders the mix to <paramref name="outputPath"/> and measures it.</summary>
    RenderedMix Render(MixDefinition mix, string outputPath);

    /// <summary>Net magnitude response in dB of the EQ (and high-pass, when given) at each frequency.</summary>
    double[] EqResponseDb(ParametricEqSettings eq, HighPassSettings? highPass, IReadOnlyList<double> frequenciesHz, int sampleRate);
}
