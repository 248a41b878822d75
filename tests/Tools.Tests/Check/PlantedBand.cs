using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;
using Mixwright.Tools.Analysis;
using Mixwright.Tools.Balance;
using Mixwright.Tools.Engine;
using Mixwright.Tools.Session;

namespace Mixwright.Tools.Tests.Check;

/// <summary>What to plant in the generated band.</summary>
[Flags]
public enum Plants
{
    None = 0,
    BuriedLead = 1,
    InvertedGuitarChannel = 2,
    BassOnKickNote = 4,
    ClippedKeys = 8,
    HotMaster = 16,
    All = BuriedLead | InvertedGuitarChannel | BassOnKickNote | ClippedKeys | HotMaster,
}

/// <summary>
/// A generated seven-piece band (lead vocal, kick, bass, stereo guitar, keys, hi-hats, stereo pad), 12 s at 44.1 kHz,
/// balanced by role the way the first balance does it, with the master normalised to -14 LUFS: a clean, demo-like
/// mix. Each plant breaks one thing the way it breaks in real sessions: the vocal fader 30 dB down, the guitar's right
/// channel inverted, the bass holding the kick's 55 Hz, the keys exported clipped, the master normalised 6 dB hot.
/// </summary>
public sealed class PlantedBand : IDisposable
{
    public const int Rate = 44100;
    public const double Seconds = 12;
    private const double Beat = 0.5;

    public PlantedBand(Plants plants)
    {
        Plants = plants;
        Root = Path.Combine(Path.GetTempPath(), "mixwright-check-" + Guid.NewGuid().ToString("N")[..12]);
        string stems = Path.Combine(Root, "stems");
        Directory.CreateDirectory(stems);
        Write(stems, "Lead Vox.wav", Voice());
        Write(stems, "Kick.wav", Kick());
        Write(stems, "Bass.wav", Bass(plants.HasFlag(Plants.BassOnKickNote)));
        Write(stems, "Guitar.wav", Guitar(plants.HasFlag(Plants.InvertedGuitarChannel)));
        Write(stems, "Keys.wav", Keys(plants.HasFlag(Plants.ClippedKeys)));
        Write(stems, "Hats.wav", Hats());
        Write(stems, "Pad.wav", Pad());
        SessionPath = Path.Combine(Root, "song.json");
        Engine = DspMixEngine.ForSession(SessionPath);
        new SessionCommands(Engine).New(stems, SessionPath);
        Session = MixSession.Load(SessionPath);

        var plan = LevelBalancer.Plan(Session, StemAnalyses.For(Session, Engine).Analyze);
        var changes = plan.Changes.ToList();
        changes.Add(new ChangeRequest(MixTarget.Master, "loudness_target_lufs", ParameterValue.Of(plants.HasFlag(Plants.HotMaster) ? -8 : -14), Why));
        Session.Propose(changes);
        Session.Commit();
        if (plants.HasFlag(Plants.BuriedLead))
        {
            Session.Propose([new ChangeRequest(MixTarget.ForTrack("Lead Vox"), "gain_db", ParameterValue.Of(Session.Console.Track("Lead Vox").GainDb - 30), Why)]);
            Session.Commit();
        }
    }

    private static readonly Rationale Why = new(RationaleSource.Manual, "test setup");

    public Plants Plants { get; }
    public string Root { get; }
    public string SessionPath { get; }
    public DspMixEngine Engine { get; }
    public MixSession Session { get; }
    public string CacheDirectory => Engine.CacheDirectory;

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }

    private static void Write(string dir, string name, AudioBuffer audio) => WavWriter.Write(Path.Combine(dir, name), audio, WavSampleFormat.Float32);

    private static int Frames => (int)(Seconds * Rate);

    private static AudioBuffer Mono(Func<int, double, double> sample)
    {
        var b = new AudioBuffer(1, Frames, Rate);
        var x = b.Channel(0);
        for (int i = 0; i < Frames; i++) x[i] = (float)sample(i, (double)i / Rate);
        return b;
    }

    private static double Harmonics(double phase, params double[] weights)
    {
        double s = 0;
        for (int h = 0; h < weights.Length; h++) s += weights[h] * Math.Sin((h + 1) * phase);
        return s;
    }

    /// <summary>Sung phrases: 1.5 s on, 0.5 s breath, notes around A3 with vibrato and two formants.</summary>
    private static AudioBuffer Voice()
    {
        double[] notes = [220, 247, 262, 294, 330, 294];
        double phase = 0;
        var rng = new Random(11);
        double[] weights = Enumerable.Range(1, 24).Select(h =>
        {
            double f = 260.0 * h;
            return 1.0 / h + 0.8 * Math.Exp(-Math.Pow((f - 700) / 250, 2)) + 0.35 * Math.Exp(-Math.Pow((f - 2600) / 500, 2));
        }).ToArray();
        return Mono((i, t) =>
        {
            double inPhrase = t % 2.0;
            double env = inPhrase < 1.5 ? Math.Min(1, inPhrase / 0.05) * Math.Min(1, (1.5 - inPhrase) / 0.1) : 0;
            double f = notes[(int)(t / 0.5) % notes.Length] * (1 + 0.006 * Math.Sin(2 * Math.PI * 5.5 * t));
            phase += 2 * Math.PI * f / Rate;
            return 0.12 * env * (Harmonics(phase, weights) + 0.05 * (rng.NextDouble() * 2 - 1));
        });
    }

    /// <summary>A kick on every beat: a 150 to 55 Hz drop and a 55 Hz body.</summary>
    private static AudioBuffer Kick()
    {
        double phase = 0;
        return Mono((i, t) =>
        {
            double tb = t % Beat;
            double f = 55 + 95 * Math.Exp(-tb / 0.012);
            phase = tb * Rate < 1 ? 0 : phase + 2 * Math.PI * f / Rate;
            return 0.8 * Math.Exp(-tb / 0.16) * Math.Sin(phase);
        });
    }

    /// <summary>Eighth-note bass: G2 A2 C3 D3 a bar each, or (planted) the kick's own 55 Hz throughout.</summary>
    private static AudioBuffer Bass(bool onKickNote)
    {
        double[] notes = onKickNote ? [55] : [98, 110, 131, 147];
        double phase = 0;
        return Mono((i, t) =>
        {
            double f = notes[(int)(t / 2.0) % notes.Length];
            phase += 2 * Math.PI * f / Rate;
            double te = t % (Beat / 2);
            return 0.4 * (0.6 + 0.4 * Math.Exp(-te / 0.08)) * Harmonics(phase, 1, 0.45, 0.25, 0.12);
        });
    }

    /// <summary>Strummed chords in stereo (a double-tracked part: the right side mostly the same take, partly another), or (planted) with the right channel upside down.</summary>
    private static AudioBuffer Guitar(bool invertRight)
    {
        var b = new AudioBuffer(2, Frames, Rate);
        Span<float> l = b.Channel(0), r = b.Channel(1);
        double[] chord = [196, 247, 294, 392];
        var rng = new Random(5);
        for (int i = 0; i < Frames; i++)
        {
            double t = (double)i / Rate;
            double te = t % (Beat / 2);
            double take = 0, other = 0;
            foreach (double f in chord)
            {
                take += Harmonics(2 * Math.PI * f * t, 1, 0.6, 0.45, 0.35, 0.3, 0.25, 0.2, 0.15);
                other += Harmonics(2 * Math.PI * f * 1.003 * t + 1, 1, 0.6, 0.45, 0.35, 0.3, 0.25, 0.2, 0.15);
            }
            double env = 0.06 * Math.Exp(-te / 0.3);
            l[i] = (float)(env * take + 0.004 * (rng.NextDouble() * 2 - 1));
            r[i] = (float)(env * (0.8 * take + 0.35 * other) + 0.004 * (rng.NextDouble() * 2 - 1));
        }
        if (invertRight) TensorNegate(r);
        return b;
    }

    private static void TensorNegate(Span<float> x)
    {
        for (int i = 0; i < x.Length; i++) x[i] = -x[i];
    }

    /// <summary>Sustained electric-piano chords; planted: exported four times too hot and clipped flat at full scale.</summary>
    private static AudioBuffer Keys(bool clipped)
    {
        double[] chord = [262, 330, 392];
        return Mono((i, t) =>
        {
            double s = 0;
            foreach (double f in chord) s += Harmonics(2 * Math.PI * f * t, 1, 0.3, 0.1);
            double bar = t % 2.0;
            double x = 0.22 * Math.Exp(-bar / 1.5) * s;
            return clipped ? Math.Clamp(4 * x, -1, 1) : x;
        });
    }

    /// <summary>Closed hi-hats on the eighths: bright noise with a 30 ms decay.</summary>
    private static AudioBuffer Hats()
    {
        var rng = new Random(3);
        double last = 0;
        return Mono((i, t) =>
        {
            double n = rng.NextDouble() * 2 - 1;
            double hp = n - last;
            last = n;
            return 0.25 * Math.Exp(-(t % (Beat / 2)) / 0.03) * hp;
        });
    }

    /// <summary>A wide pad: detuned saws, a different detune on each side.</summary>
    private static AudioBuffer Pad()
    {
        var b = new AudioBuffer(2, Frames, Rate);
        double[] root = [131, 165, 196];
        for (int c = 0; c < 2; c++)
        {
            var x = b.Channel(c);
            for (int i = 0; i < Frames; i++)
            {
                double t = (double)i / Rate;
                double s = 0;
                foreach (double f in root) s += Harmonics(2 * Math.PI * f * (c == 0 ? 1.004 : 0.996) * t + c, 1, 0.5, 0.33, 0.25);
                x[i] = (float)(0.05 * s);
            }
        }
        return b;
    }
}
