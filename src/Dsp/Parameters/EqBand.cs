namespace Mixwright.Dsp.Parameters;

public enum EqBandType { LowShelf, Peaking, HighShelf }

/// <summary>One band of the parametric EQ (an RBJ cookbook biquad). For shelves, Q sets the slope.</summary>
public sealed record EqBand(EqBandType Type, double FrequencyHz, double GainDb, double Q)
{
    public bool IsFlat => GainDb == 0;

    public EqBand Validated(string context)
    {
        ConsoleRanges.EqFrequencyHz.Validate(FrequencyHz, context);
        ConsoleRanges.EqGainDb.Validate(GainDb, context);
        ConsoleRanges.EqQ.Validate(Q, context);
        return this;
    }
}
