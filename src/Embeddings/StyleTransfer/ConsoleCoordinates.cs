using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer;

/// <summary>Which console values the searches move (the optimize baseline and the model's refinement).</summary>
internal enum Knob { Gain, Pan, EqGain, Send, MasterEqGain }

/// <summary>One searched value: where it lives, its search bounds, its first step and the step it stops at.</summary>
internal sealed record Coordinate(Knob Knob, int Track, int Band, double Min, double Max, double Step, double MinStep);

/// <summary>
/// The searched part of a console as a vector: track gains, pans, track EQ band gains, reverb sends and master EQ
/// band gains. Sends are searched between <see cref="SendMinDb"/> (read as off) and <see cref="SendMaxDb"/>; EQ
/// gains within ±<see cref="EqSearchDb"/>; gains within ±24 dB of where the search starts.
/// </summary>
internal static class ConsoleCoordinates
{
    public const double EqSearchDb = 12;
    public const double SendMinDb = -60;
    public const double SendMaxDb = 0;

    /// <summary>First steps of each kind of coordinate, and the steps a search stops at.</summary>
    public sealed record Steps(double GainDb, double MasterEqDb, double Pan, double EqDb, double SendDb)
    {
        /// <summary>Coarse: a search from the equal-loudness balance.</summary>
        public static readonly Steps Coarse = new(3, 2, 0.5, 3, 15);
        /// <summary>Fine: a search from a prediction that is already close.</summary>
        public static readonly Steps Fine = new(1.5, 1, 0.25, 1.5, 6);
    }

    /// <summary>
    /// Coarse levers first: gains and the master's tone, then pans, track EQ, sends. Bounds take in where the
    /// search starts (but for a send below the floor, which is off), so reading a console and applying it
    /// unchanged gives it back.
    /// </summary>
    public static Coordinate[] For(ConsoleProposal start, Steps steps)
    {
        int tracks = start.Tracks.Count;
        var list = new List<Coordinate>();
        for (int t = 0; t < tracks; t++)
        {
            double g = start.Tracks[t].GainDb;
            list.Add(new Coordinate(Knob.Gain, t, -1, Math.Max(ConsoleRanges.GainDb.Min, g - 24), Math.Min(ConsoleRanges.GainDb.Max, g + 24), steps.GainDb, 0.25));
        }
        for (int b = 0; b < ParametricEqSettings.BandCount; b++)
            list.Add(new Coordinate(Knob.MasterEqGain, -1, b, -EqSearchDb, EqSearchDb, steps.MasterEqDb, 0.25));
        for (int t = 0; t < tracks; t++)
            list.Add(new Coordinate(Knob.Pan, t, -1, ConsoleRanges.Pan.Min, ConsoleRanges.Pan.Max, steps.Pan, 0.05));
        for (int t = 0; t < tracks; t++)
            for (int b = 0; b < ParametricEqSettings.BandCount; b++)
                list.Add(new Coordinate(Knob.EqGain, t, b, -EqSearchDb, EqSearchDb, steps.EqDb, 0.5));
        for (int t = 0; t < tracks; t++)
            list.Add(new Coordinate(Knob.Send, t, -1, SendMinDb, SendMaxDb, steps.SendDb, 1.5));
        return list.Select(c =>
        {
            double v = Read(start, c);
            return c with { Min = c.Knob == Knob.Send ? c.Min : Math.Min(c.Min, v), Max = Math.Max(c.Max, v) };
        }).ToArray();
    }

    /// <summary>Each coordinate's value in <paramref name="p"/>, clamped into its search bounds (a send below them is off).</summary>
    public static double[] Read(ConsoleProposal p, IReadOnlyList<Coordinate> coordinates) =>
        coordinates.Select(c => Math.Clamp(Read(p, c), c.Min, c.Max)).ToArray();

    private static double Read(ConsoleProposal p, Coordinate c) => c.Knob switch
    {
        Knob.Gain => p.Tracks[c.Track].GainDb,
        Knob.Pan => p.Tracks[c.Track].Pan,
        Knob.EqGain => p.Tracks[c.Track].Eq.Bands[c.Band].GainDb,
        Knob.Send => p.Tracks[c.Track].ReverbSendDb,
        _ => p.Master.Eq.Bands[c.Band].GainDb,
    };

    /// <summary>The console with every coordinate's value; a send at the bottom of its search range is off.</summary>
    public static ConsoleProposal Apply(ConsoleProposal start, IReadOnlyList<Coordinate> coordinates, IReadOnlyList<double> x, double masterGainDb)
    {
        var tracks = start.Tracks.ToArray();
        var master = start.Master with { OutputGainDb = masterGainDb };
        for (int i = 0; i < coordinates.Count; i++) Set(tracks, ref master, coordinates[i], x[i]);
        return start with { Tracks = tracks, Master = master };
    }

    /// <summary>Writes one coordinate's value into the strips or the master.</summary>
    public static void Set(TrackSettings[] tracks, ref MasterSettings master, Coordinate c, double value)
    {
        switch (c.Knob)
        {
            case Knob.Gain: tracks[c.Track] = tracks[c.Track] with { GainDb = value }; break;
            case Knob.Pan: tracks[c.Track] = tracks[c.Track] with { Pan = value }; break;
            case Knob.Send: tracks[c.Track] = tracks[c.Track] with { ReverbSendDb = value <= c.Min ? ConsoleRanges.OffDb : value }; break;
            case Knob.EqGain:
                var eq = tracks[c.Track].Eq;
                tracks[c.Track] = tracks[c.Track] with { Eq = eq.WithBand(c.Band, eq.Bands[c.Band] with { GainDb = value }) };
                break;
            default:
                master = master with { Eq = master.Eq.WithBand(c.Band, master.Eq.Bands[c.Band] with { GainDb = value }) };
                break;
        }
    }
}
