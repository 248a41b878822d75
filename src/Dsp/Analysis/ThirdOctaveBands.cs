namespace Mixwright.Dsp.Analysis;

/// <summary>
/// The ISO 266 third-octave bands from 25 Hz to 16 kHz (nominal labels, exact centres 1000·2^(k/3)): fine
/// enough at the bottom to tell a 55 Hz kick from a 98 Hz bass note, which octave bands cannot, and coarse
/// enough that a mix's spectrum reads as a smooth curve.
/// </summary>
public static class ThirdOctaveBands
{
    public static IReadOnlyList<string> Labels { get; } =
    [
        "25", "31.5", "40", "50", "63", "80", "100", "125", "160", "200", "250", "315", "400", "500", "630", "800",
        "1k", "1.25k", "1.6k", "2k", "2.5k", "3.15k", "4k", "5k", "6.3k", "8k", "10k", "12.5k", "16k",
    ];

    public static int Count => Labels.Count;

    /// <summary>Index of the 1 kHz band.</summary>
    private const int OneKilohertz = 16;

    public static double CentreHz(int band) => 1000 * Math.Pow(2, (band - OneKilohertz) / 3.0);

    public static double LowerEdgeHz(int band) => CentreHz(band) / Math.Pow(2, 1 / 6.0);

    public static double UpperEdgeHz(int band) => CentreHz(band) * Math.Pow(2, 1 / 6.0);

    /// <summary>The band a frequency falls in, or -1 outside 25 Hz..16 kHz.</summary>
    public static int BandOf(double hz)
    {
        if (!(hz >= LowerEdgeHz(0)) || hz >= UpperEdgeHz(Count - 1)) return -1;
        int band = (int)Math.Floor(3 * Math.Log2(hz / 1000) + 0.5) + OneKilohertz;
        return Math.Clamp(band, 0, Count - 1);
    }

    /// <summary>For each FFT bin of a frame of <paramref name="fftSize"/> at <paramref name="sampleRate"/>, its band (-1: none).</summary>
    public static int[] BinMap(int sampleRate, int fftSize)
    {
        var map = new int[fftSize / 2 + 1];
        for (int k = 0; k < map.Length; k++) map[k] = k == 0 ? -1 : BandOf((double)k * sampleRate / fftSize);
        return map;
    }

    /// <summary>Band levels in dB of an averaged spectrum's mid signal, on the same scale as <see cref="OctaveBands.From"/>.</summary>
    public static double[] From(AveragedSpectrum spectrum)
    {
        var map = BinMap(spectrum.SampleRate, spectrum.FftSize);
        var power = new double[Count];
        for (int k = 0; k < map.Length; k++)
            if (map[k] >= 0) power[map[k]] += spectrum.MidPower[k];
        // Mid is L+R; a quarter of its power puts a centred signal back at its own level; a full-scale sine is 0.5.
        return power.Select(p => Loudness.PowerDb(p / 4 / 0.5)).ToArray();
    }
}
