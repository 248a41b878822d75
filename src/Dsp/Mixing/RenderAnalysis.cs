namespace Mixwright.Dsp.Mixing;

/// <summary>What a render measures of its own output while it writes it.</summary>
public enum RenderAnalysis
{
    /// <summary>Everything <see cref="Analysis.MixAnalyzer"/> measures, spectra (Bark, octave bands) included.</summary>
    Full,
    /// <summary>Loudness, peaks, RMS, crest factor and the stereo image; no spectra (the report's spectra are empty).</summary>
    Levels,
}
