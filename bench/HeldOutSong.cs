using Mixwright.Dsp.Audio;

namespace Mixwright.Bench;

/// <summary>
/// Multitracks unlike the style-transfer model's training data (General MIDI instruments rendered by fluidsynth):
/// every source here is our own synthesis — noise-and-sweep drums, two-operator FM bass and bells, Karplus-Strong
/// plucks, formant "voices" (a pulse train through vowel resonators), filtered-noise wind and detuned-saw pads —
/// with a random tempo, key and line-up per song. Deterministic from the seed.
/// </summary>
internal sealed class HeldOutSong
{
    public const int Rate = 44100;

    private static readonly string[] Voices = ["kick", "snare", "hats", "fm_bass", "pluck", "bell", "voice", "wind", "saw_pad", "voice2", "perc"];
    private static readonly int[] Scale = [0, 2, 3, 5, 7, 8, 10];   // natural minor

    private readonly Random _rng;
    private readonly double _beat;        // samples per beat
    private readonly int _root;           // MIDI note of the key's root
    private readonly int _frames;

    public HeldOutSong(int seed, int trackCount, double seconds)
    {
        if (trackCount is < 1 or > 11) throw new ArgumentOutOfRangeException(nameof(trackCount), "1 to 11 tracks.");
        _rng = new Random(seed);
        Seed = seed;
        Tempo = 80 + _rng.Next(70);
        _beat = 60.0 / Tempo * Rate;
        _root = 40 + _rng.Next(12);
        _frames = (int)(seconds * Rate);
        // Drums and bass first (most songs have them), then a random pick of the rest.
        var rest = Voices.Skip(4).OrderBy(_ => _rng.Next()).ToArray();
        Names = Voices.Take(4).Concat(rest).Take(trackCount).ToArray();
        Stems = Names.Select(Make).ToArray();
    }

    public int Seed { get; }
    public int Tempo { get; }
    public IReadOnlyList<string> Names { get; }
    public IReadOnlyList<AudioBuffer> Stems { get; }

    private AudioBuffer Make(string name) => name switch
    {
        "kick" => Mono(Kick),
        "snare" => Mono(Snare),
        "hats" => Mono(Hats),
        "fm_bass" => Mono(FmBass),
        "pluck" => Mono(Pluck),
        "bell" => Mono(Bell),
        "voice" => Mono(x => Voice(x, 0)),
        "voice2" => Mono(x => Voice(x, 7)),
        "perc" => Mono(Perc),
        "wind" => Wind(),
        _ => SawPad(),
    };

    private AudioBuffer Mono(Action<float[]> render)
    {
        var x = new float[_frames];
        render(x);
        return new AudioBuffer([x], Rate);
    }

    private int Beats => (int)(_frames / _beat);
    private int At(double beat) => (int)(beat * _beat);
    private double NoteHz(int degree, int octave) =>
        440 * Math.Pow(2, (_root + 12 * octave + Scale[((degree % 7) + 7) % 7] + 12 * (int)Math.Floor(degree / 7.0) - 69) / 12.0);
    private double Noise() => _rng.NextDouble() * 2 - 1;

    private void Kick(float[] x)
    {
        bool four = _rng.NextDouble() < 0.5;
        for (int b = 0; b < Beats; b++)
        {
            if (!four && b % 2 == 1 && _rng.NextDouble() < 0.7) continue;
            int start = At(b);
            double phase = 0;
            for (int i = 0; i < (int)(0.4 * Rate) && start + i < x.Length; i++)
            {
                double t = (double)i / Rate;
                double hz = 45 + 110 * Math.Exp(-t * 35);
                phase += 2 * Math.PI * hz / Rate;
                double click = i < 200 ? Noise() * (1 - i / 200.0) * 0.4 : 0;
                x[start + i] += (float)(0.8 * Math.Sin(phase) * Math.Exp(-t * 9) + click);
            }
        }
    }

    private void Snare(float[] x)
    {
        for (int b = 1; b < Beats; b += 2)
        {
            int start = At(b);
            double lp = 0, hp = 0, phase = 0;
            for (int i = 0; i < (int)(0.25 * Rate) && start + i < x.Length; i++)
            {
                double t = (double)i / Rate;
                double n = Noise();
                lp += 0.35 * (n - lp);
                hp = n - lp;                        // a brighter band of the noise
                phase += 2 * Math.PI * 190 / Rate;
                x[start + i] += (float)(0.5 * hp * Math.Exp(-t * 18) + 0.35 * Math.Sin(phase) * Math.Exp(-t * 30));
            }
        }
    }

    private void Hats(float[] x)
    {
        int perBeat = _rng.NextDouble() < 0.5 ? 2 : 4;
        double prev = 0, prev2 = 0;
        for (int s = 0; s < Beats * perBeat; s++)
        {
            int start = At((double)s / perBeat);
            bool open = _rng.NextDouble() < 0.1;
            double decay = open ? 8 : 45, level = s % perBeat == 0 ? 0.3 : 0.18;
            for (int i = 0; i < (int)((open ? 0.3 : 0.08) * Rate) && start + i < x.Length; i++)
            {
                double n = Noise();
                double d2 = n - 2 * prev + prev2;      // second difference: a steep high-pass
                prev2 = prev;
                prev = n;
                x[start + i] += (float)(level * 0.25 * d2 * Math.Exp(-(double)i / Rate * decay));
            }
        }
    }

    private void FmBass(float[] x)
    {
        double ratio = _rng.NextDouble() < 0.5 ? 1 : 2;
        int[] line = Enumerable.Range(0, 8).Select(_ => _rng.Next(0, 5) * (_rng.NextDouble() < 0.3 ? 2 : 1)).ToArray();
        double step = _rng.NextDouble() < 0.5 ? 0.5 : 1;
        for (int k = 0; k * step < Beats; k++)
        {
            int start = At(k * step), length = At(step) - 200;
            double hz = NoteHz(line[k % line.Length], -1);
            double pc = 0, pm = 0;
            for (int i = 0; i < length && start + i < x.Length; i++)
            {
                double t = (double)i / Rate;
                pm += 2 * Math.PI * hz * ratio / Rate;
                pc += 2 * Math.PI * hz / Rate;
                double index = 0.5 + 3 * Math.Exp(-t * 12);
                double env = Math.Min(1, i / 80.0) * Math.Exp(-t * 2) * Math.Min(1, (length - i) / 200.0);
                x[start + i] += (float)(0.45 * env * Math.Sin(pc + index * Math.Sin(pm)));
            }
        }
    }

    private void Pluck(float[] x)
    {
        for (int k = 0; k * 0.5 < Beats; k++)
        {
            if (_rng.NextDouble() < 0.25) continue;
            int start = At(k * 0.5);
            double hz = NoteHz(_rng.Next(0, 10), 1);
            int period = Math.Max(2, (int)(Rate / hz));
            var line = Enumerable.Range(0, period).Select(_ => Noise()).ToArray();
            int length = Math.Min(At(2), x.Length - start);
            for (int i = 0; i < length; i++)
            {
                int j = i % period;
                double y = line[j];
                line[j] = 0.996 * 0.5 * (line[j] + line[(j + 1) % period]);
                x[start + i] += (float)(0.3 * y);
            }
        }
    }

    private void Bell(float[] x)
    {
        for (int k = 0; k < Beats; k += 2)
        {
            int start = At(k + (_rng.NextDouble() < 0.3 ? 1 : 0));
            double hz = NoteHz(_rng.Next(0, 8), 2);
            double pc = 0, pm = 0;
            for (int i = 0; i < At(3) && start + i < x.Length; i++)
            {
                double t = (double)i / Rate;
                pm += 2 * Math.PI * hz * 3.5 / Rate;
                pc += 2 * Math.PI * hz / Rate;
                x[start + i] += (float)(0.25 * Math.Exp(-t * 1.5) * Math.Sin(pc + 2 * Math.Exp(-t * 3) * Math.Sin(pm)));
            }
        }
    }

    /// <summary>A pulse train with vibrato through three vowel-formant resonators, one vowel per note.</summary>
    private void Voice(float[] x, int transpose)
    {
        double[][] vowels = [[730, 1090, 2440], [270, 2290, 3010], [300, 870, 2240], [530, 1840, 2480], [570, 840, 2410]];
        double phase = 0;
        var state = new double[3, 2];
        for (int k = 0; k < Beats; k += 2)
        {
            if (_rng.NextDouble() < 0.2) continue;
            int start = At(k), length = At(_rng.NextDouble() < 0.5 ? 2 : 1.5);
            double hz = NoteHz(_rng.Next(0, 7) + transpose, 1);
            var f = vowels[_rng.Next(vowels.Length)];
            var coef = f.Select(fc => Resonator(fc, 80 + fc * 0.06)).ToArray();
            for (int i = 0; i < length && start + i < x.Length; i++)
            {
                double t = (double)i / Rate;
                phase += hz * (1 + 0.01 * Math.Sin(2 * Math.PI * 5.5 * t)) / Rate;
                phase -= Math.Floor(phase);
                double source = phase < 0.1 ? 1 - phase * 10 : -0.11 + 0.01 * Noise();
                double y = 0;
                for (int r = 0; r < 3; r++)
                {
                    var (b0, a1, a2) = coef[r];
                    double v = b0 * source - a1 * state[r, 0] - a2 * state[r, 1];
                    state[r, 1] = state[r, 0];
                    state[r, 0] = v;
                    y += v / (r + 1);
                }
                double env = Math.Min(1, t * 20) * Math.Min(1, (length - i) / (0.05 * Rate));
                x[start + i] += (float)(0.08 * env * y);
            }
        }
    }

    private static (double B0, double A1, double A2) Resonator(double hz, double bandwidth)
    {
        double r = Math.Exp(-Math.PI * bandwidth / Rate);
        return (1 - r, -2 * r * Math.Cos(2 * Math.PI * hz / Rate), r * r);
    }

    private void Perc(float[] x)
    {
        for (int s = 0; s < Beats * 4; s++)
        {
            if (_rng.NextDouble() < 0.6) continue;
            int start = At(s / 4.0);
            double hz = 300 + 500 * _rng.NextDouble(), phase = 0;
            for (int i = 0; i < (int)(0.12 * Rate) && start + i < x.Length; i++)
            {
                double t = (double)i / Rate;
                phase += 2 * Math.PI * hz * (1 + Math.Exp(-t * 60)) / Rate;
                x[start + i] += (float)(0.3 * Math.Sin(phase) * Math.Exp(-t * 35) + 0.05 * Noise() * Math.Exp(-t * 80));
            }
        }
    }

    /// <summary>Stereo: two decorrelated noises through a slowly sweeping low-pass.</summary>
    private AudioBuffer Wind()
    {
        var l = new float[_frames];
        var r = new float[_frames];
        double yl = 0, yr = 0, period = _beat * 8;
        for (int i = 0; i < _frames; i++)
        {
            double sweep = 0.5 + 0.5 * Math.Sin(2 * Math.PI * i / period);
            double a = 0.01 + 0.15 * sweep;
            yl += a * (Noise() - yl);
            yr += a * (Noise() - yr);
            double env = 0.3 + 0.7 * sweep;
            l[i] = (float)(0.5 * env * yl);
            r[i] = (float)(0.5 * env * yr);
        }
        return new AudioBuffer([l, r], Rate);
    }

    /// <summary>Stereo: three detuned saws per side playing a chord a bar.</summary>
    private AudioBuffer SawPad()
    {
        var l = new float[_frames];
        var r = new float[_frames];
        var phases = new double[12];
        int bar = At(4);
        for (int start = 0; start < _frames; start += bar)
        {
            int degree = _rng.Next(0, 7);
            double[] chord = [NoteHz(degree, 0), NoteHz(degree + 2, 0), NoteHz(degree + 4, 0)];
            for (int i = 0; i < bar && start + i < _frames; i++)
            {
                double env = Math.Min(1, i / (0.3 * Rate)) * Math.Min(1, (bar - i) / (0.2 * Rate));
                double sl = 0, sr = 0;
                for (int v = 0; v < 12; v++)
                {
                    double detune = 1 + ((v % 4) - 1.5) * 0.004;
                    phases[v] += chord[v % 3] * detune / Rate;
                    phases[v] -= Math.Floor(phases[v]);
                    double saw = 2 * phases[v] - 1;
                    if (v < 6) sl += saw; else sr += saw;
                }
                l[start + i] = (float)(0.04 * env * sl);
                r[start + i] = (float)(0.04 * env * sr);
            }
        }
        return new AudioBuffer([l, r], Rate);
    }
}
