using Mixwright.Dsp.Parameters;

namespace Mixwright.Embeddings.StyleTransfer;

internal enum MoveKind { Gain, Pan, EqBand, Compressor, Send, MasterEqBand, MasterCompressor, MasterGain }

/// <summary>
/// One unit of explanation: a group of parameters that act together (an EQ band's gain, frequency and Q; a
/// compressor's settings) on one track (<see cref="Track"/>, an index into the audible stems) or the master.
/// </summary>
internal sealed record ConsoleMove(MoveKind Kind, int Track = -1, int Band = -1)
{
    public bool OnMaster => Kind is MoveKind.MasterEqBand or MoveKind.MasterCompressor or MoveKind.MasterGain;

    /// <summary>Every move a console of <paramref name="tracks"/> strips can make.</summary>
    public static IEnumerable<ConsoleMove> All(int tracks)
    {
        for (int t = 0; t < tracks; t++)
        {
            yield return new ConsoleMove(MoveKind.Gain, t);
            yield return new ConsoleMove(MoveKind.Pan, t);
            for (int b = 0; b < ParametricEqSettings.BandCount; b++) yield return new ConsoleMove(MoveKind.EqBand, t, b);
            yield return new ConsoleMove(MoveKind.Compressor, t);
            yield return new ConsoleMove(MoveKind.Send, t);
        }
        for (int b = 0; b < ParametricEqSettings.BandCount; b++) yield return new ConsoleMove(MoveKind.MasterEqBand, -1, b);
        yield return new ConsoleMove(MoveKind.MasterCompressor);
        yield return new ConsoleMove(MoveKind.MasterGain);
    }

    /// <summary>Whether <paramref name="after"/> differs audibly from <paramref name="before"/> in this move's parameters.</summary>
    public bool Differs(ConsoleProposal before, ConsoleProposal after) => Kind switch
    {
        MoveKind.Gain => Math.Abs(after.Tracks[Track].GainDb - before.Tracks[Track].GainDb) >= 0.1,
        MoveKind.Pan => Math.Abs(after.Tracks[Track].Pan - before.Tracks[Track].Pan) >= 0.01,
        MoveKind.EqBand => BandDiffers(before.Tracks[Track].Eq.Bands[Band], after.Tracks[Track].Eq.Bands[Band]),
        MoveKind.Compressor => CompressorDiffers(before.Tracks[Track].Compressor, after.Tracks[Track].Compressor),
        MoveKind.Send => Math.Abs(Send(after.Tracks[Track]) - Send(before.Tracks[Track])) >= 0.1,
        MoveKind.MasterEqBand => BandDiffers(before.Master.Eq.Bands[Band], after.Master.Eq.Bands[Band]),
        MoveKind.MasterCompressor => CompressorDiffers(before.Master.Compressor, after.Master.Compressor),
        _ => Math.Abs(after.Master.OutputGainDb - before.Master.OutputGainDb) >= 0.1,
    };

    /// <summary><paramref name="after"/> with this move's parameters put back as in <paramref name="before"/>.</summary>
    public ConsoleProposal Revert(ConsoleProposal after, ConsoleProposal before)
    {
        if (OnMaster)
        {
            var m = after.Master;
            m = Kind switch
            {
                MoveKind.MasterEqBand => m with { Eq = m.Eq.WithBand(Band, before.Master.Eq.Bands[Band]) },
                MoveKind.MasterCompressor => m with { Compressor = before.Master.Compressor },
                _ => m with { OutputGainDb = before.Master.OutputGainDb },
            };
            return after with { Master = m };
        }
        var tracks = after.Tracks.ToArray();
        var t = tracks[Track];
        var b = before.Tracks[Track];
        tracks[Track] = Kind switch
        {
            MoveKind.Gain => t with { GainDb = b.GainDb },
            MoveKind.Pan => t with { Pan = b.Pan },
            MoveKind.EqBand => t with { Eq = t.Eq.WithBand(Band, b.Eq.Bands[Band]) },
            MoveKind.Compressor => t with { Compressor = b.Compressor },
            _ => t with { ReverbSendDb = b.ReverbSendDb },
        };
        return after with { Tracks = tracks };
    }

    /// <summary>The console parameters (dotted names) this move sets, with their values in <paramref name="console"/>.</summary>
    public IEnumerable<(string Parameter, double Value)> Parameters(ConsoleProposal console)
    {
        switch (Kind)
        {
            case MoveKind.Gain: yield return ("gain_db", console.Tracks[Track].GainDb); break;
            case MoveKind.Pan: yield return ("pan", console.Tracks[Track].Pan); break;
            case MoveKind.Send: yield return ("reverb_send_db", console.Tracks[Track].ReverbSendDb); break;
            case MoveKind.MasterGain: yield return ("output_gain_db", console.Master.OutputGainDb); break;
            case MoveKind.EqBand or MoveKind.MasterEqBand:
                var band = (OnMaster ? console.Master.Eq : console.Tracks[Track].Eq).Bands[Band];
                yield return ($"eq.band{Band + 1}.gain_db", band.GainDb);
                yield return ($"eq.band{Band + 1}.freq_hz", band.FrequencyHz);
                yield return ($"eq.band{Band + 1}.q", band.Q);
                break;
            default:
                var c = OnMaster ? console.Master.Compressor : console.Tracks[Track].Compressor;
                yield return ("compressor.enabled", c.Enabled ? 1 : 0);
                if (!c.Enabled) break;
                yield return ("compressor.threshold_db", c.ThresholdDb);
                yield return ("compressor.ratio", c.Ratio);
                yield return ("compressor.attack_ms", c.AttackMs);
                yield return ("compressor.release_ms", c.ReleaseMs);
                yield return ("compressor.knee_db", c.KneeDb);
                yield return ("compressor.makeup_db", c.MakeupDb);
                break;
        }
    }

    private static double Send(TrackSettings t) => t.ReverbSendDb <= ConsoleRanges.OffDb ? ConsoleRanges.OffDb : t.ReverbSendDb;

    private static bool BandDiffers(EqBand a, EqBand b) =>
        Math.Abs(a.GainDb - b.GainDb) >= 0.1 ||
        (Math.Abs(b.GainDb) >= 0.1 && (Math.Abs(Math.Log2(a.FrequencyHz / b.FrequencyHz)) >= 0.05 || Math.Abs(Math.Log2(a.Q / b.Q)) >= 0.05));

    private static bool CompressorDiffers(CompressorSettings a, CompressorSettings b) =>
        a.Enabled != b.Enabled || (b.Enabled && a != b);
}
