namespace Mixwright.Dsp.Analysis;

/// <summary>One triangular band of the Bark filterbank: zero at its edges, full weight at its centre.</summary>
public sealed record BarkBand(int Index, double LowHz, double CentreHz, double HighHz)
{
    public bool Contains(double frequencyHz) => frequencyHz > LowHz && frequencyHz < HighHz;
}
