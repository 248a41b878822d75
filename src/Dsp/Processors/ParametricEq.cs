using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;

namespace Mixwright.Dsp.Processors;

/// <summary>
/// The EQ section of a channel strip or the master: an optional Butterworth high-pass followed by the
/// six bands of <see cref="ParametricEqSettings"/>, in that order. Flat bands (and a disabled high-pass)
/// are not run at all, so a flat EQ leaves the audio bit for bit unchanged.
/// </summary>
/// <remarks>
/// <see cref="Update"/> swaps coefficients but keeps the filter state, so automation and edits between
/// blocks do not click. A band that becomes flat is run once more as an identity section so the energy
/// in its state drains out instead of being cut off; after that it is skipped.
/// </remarks>
public sealed class ParametricEq
{
    /// <summary>High-pass, then the six bands.</summary>
    private const int SlotCount = 1 + ParametricEqSettings.BandCount;

    /// <summary>Below this a state value cannot be heard; flushing it keeps the filters out of denormals in long silences.</summary>
    private const double StateFloor = 1e-200;

    private readonly BiquadCoefficients[] _slots = new BiquadCoefficients[SlotCount];
    private readonly BiquadCoefficients[] _active = new BiquadCoefficients[SlotCount];
    private readonly int[] _activeSlot = new int[SlotCount];
    private double[] _s1 = [];
    private double[] _s2 = [];
    private double[] _scratch1 = [];
    private double[] _scratch2 = [];
    private int _sampleRate;
    private int _channels;

    public ParametricEq() => Array.Fill(_slots, BiquadCoefficients.Identity);

    public void Prepare(int sampleRate, int channels)
    {
        if (sampleRate <= 0) throw new ArgumentOutOfRangeException(nameof(sampleRate), $"ParametricEq: sample rate must be positive (got {sampleRate}).");
        if (channels <= 0) throw new ArgumentOutOfRangeException(nameof(channels), $"ParametricEq: channel count must be positive (got {channels}).");
        _sampleRate = sampleRate;
        _channels = channels;
        int lanes = (channels + 1) / 2 * 2; // channels run in pairs; an odd last channel fills both lanes
        _s1 = new double[SlotCount * lanes];
        _s2 = new double[SlotCount * lanes];
        _scratch1 = new double[2 * SlotCount];
        _scratch2 = new double[2 * SlotCount];
        Array.Fill(_slots, BiquadCoefficients.Identity);
    }

    public void Update(ParametricEqSettings eq, HighPassSettings? highPass = null)
    {
        ArgumentNullException.ThrowIfNull(eq);
        if (_sampleRate == 0) throw new InvalidOperationException("ParametricEq: call Prepare before Update.");
        Design(eq, highPass, _sampleRate, _slots);
    }

    public void Reset()
    {
        Array.Clear(_s1);
        Array.Clear(_s2);
    }

    /// <summary>Filters the first <paramref name="frames"/> frames of every channel in place.</summary>
    public void Process(AudioBuffer buffer, int frames)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (_sampleRate == 0) throw new InvalidOperationException("ParametricEq: call Prepare before Process.");
        if (buffer.ChannelCount != _channels)
            throw new ArgumentException($"ParametricEq: prepared for {_channels} channel(s), the buffer has {buffer.ChannelCount}.", nameof(buffer));
        if (frames < 0 || frames > buffer.Frames)
            throw new ArgumentOutOfRangeException(nameof(frames), $"ParametricEq: frames must be 0 to {buffer.Frames} (got {frames}).");
        if (frames == 0) return;

        int pairs = (_channels + 1) / 2;
        for (int p = 0; p < pairs; p++)
        {
            int left = 2 * p, right = Math.Min(2 * p + 1, _channels - 1);
            int count = GatherActive(p);
            if (count == 0) continue;
            BiquadCascade.Process(buffer.Channel(left)[..frames], buffer.Channel(right)[..frames],
                _active.AsSpan(0, count), _scratch1.AsSpan(0, 2 * count), _scratch2.AsSpan(0, 2 * count));
            ScatterState(p, count);
        }
    }

    /// <summary>
    /// Net magnitude of the EQ chain (high-pass and every non-flat band) at <paramref name="freqHz"/>, in dB.
    /// </summary>
    public static double ResponseDb(ParametricEqSettings eq, HighPassSettings? highPass, double freqHz, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(eq);
        if (sampleRate <= 0) throw new ArgumentOutOfRangeException(nameof(sampleRate), $"ParametricEq.ResponseDb: sample rate must be positive (got {sampleRate}).");
        if (!(freqHz >= 0 && freqHz <= sampleRate / 2.0))
            throw new ArgumentOutOfRangeException(nameof(freqHz), $"ParametricEq.ResponseDb: frequency must be 0 to {sampleRate / 2.0} Hz (got {freqHz}).");
        Span<BiquadCoefficients> sections = stackalloc BiquadCoefficients[SlotCount];
        Design(eq, highPass, sampleRate, sections);
        double db = 0;
        foreach (var section in sections)
            if (!section.IsIdentity) db += section.MagnitudeDb(freqHz, sampleRate);
        return db;
    }

    /// <summary>Coefficients per slot (identity where nothing should run).</summary>
    private static void Design(ParametricEqSettings eq, HighPassSettings? highPass, int sampleRate, Span<BiquadCoefficients> slots)
    {
        slots[0] = highPass is { Enabled: true } hp
            ? BiquadCoefficients.HighPass(sampleRate, BelowNyquist(hp.FrequencyHz, sampleRate))
            : BiquadCoefficients.Identity;
        for (int b = 0; b < ParametricEqSettings.BandCount; b++)
        {
            var band = eq.Bands[b];
            double f = BelowNyquist(band.FrequencyHz, sampleRate);
            slots[1 + b] = band.IsFlat ? BiquadCoefficients.Identity : band.Type switch
            {
                EqBandType.LowShelf => BiquadCoefficients.LowShelf(sampleRate, f, band.GainDb, band.Q),
                EqBandType.Peaking => BiquadCoefficients.Peaking(sampleRate, f, band.GainDb, band.Q),
                EqBandType.HighShelf => BiquadCoefficients.HighShelf(sampleRate, f, band.GainDb, band.Q),
                _ => throw new ArgumentOutOfRangeException(nameof(eq), $"ParametricEq: unknown band type {band.Type} in band {b + 1}."),
            };
        }
    }

    /// <summary>
    /// The settings allow 20 kHz, which is above Nyquist at low sample rates; such a band acts at the
    /// top of the band instead (the cookbook designs are undefined at and above Nyquist).
    /// </summary>
    private static double BelowNyquist(double freqHz, int sampleRate) => Math.Min(freqHz, 0.49 * sampleRate);

    /// <summary>
    /// Collects the slots that must run for channel pair <paramref name="pair"/>: designed ones, and
    /// identity ones whose state has not drained yet. Their state is copied into the scratch arrays.
    /// </summary>
    private int GatherActive(int pair)
    {
        int count = 0;
        for (int i = 0; i < SlotCount; i++)
        {
            int at = Offset(i, pair);
            bool ringing = _s1[at] != 0 || _s1[at + 1] != 0 || _s2[at] != 0 || _s2[at + 1] != 0;
            if (_slots[i].IsIdentity && !ringing) continue;
            _active[count] = _slots[i];
            _activeSlot[count] = i;
            _scratch1[2 * count] = _s1[at]; _scratch1[2 * count + 1] = _s1[at + 1];
            _scratch2[2 * count] = _s2[at]; _scratch2[2 * count + 1] = _s2[at + 1];
            count++;
        }
        return count;
    }

    private void ScatterState(int pair, int count)
    {
        for (int k = 0; k < count; k++)
        {
            int at = Offset(_activeSlot[k], pair);
            _s1[at] = Flush(_scratch1[2 * k]); _s1[at + 1] = Flush(_scratch1[2 * k + 1]);
            _s2[at] = Flush(_scratch2[2 * k]); _s2[at + 1] = Flush(_scratch2[2 * k + 1]);
        }
    }

    private static double Flush(double v) => Math.Abs(v) < StateFloor ? 0 : v;

    private int Offset(int slot, int pair) => (pair * SlotCount + slot) * 2;
}
