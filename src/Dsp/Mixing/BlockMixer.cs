using System.Numerics.Tensors;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;
using Mixwright.Dsp.Processors;

namespace Mixwright.Dsp.Mixing;

/// <summary>
/// Runs the console block by block as a three-stage pipeline on a fixed team of threads (<see cref="WorkerTeam"/>,
/// one per core allowed): while the strips process block i in parallel, block i-1's strip outputs are summed
/// into a bus block (in frame ranges, each range over the strips in order, so the sum is the same whatever ran
/// where), and block i-2 goes through the reverb, the master chain and the caller's sink (limiter, meters,
/// file). The master's item is the largest and goes first; the rest fill in around it, so no core waits for
/// serial work and no extra thread competes for the cores. Strips keep two output slots and two bus blocks
/// alternate; nothing is allocated per block.
/// </summary>
internal sealed class BlockMixer(List<ChannelStrip> strips, MixDefinition mix, int block, int parallelism, bool reverbOn)
{
    /// <summary>Frame ranges a block is summed in (items of a step).</summary>
    private const int SumParts = 2;

    private readonly AudioBuffer _wet = new(2, block, mix.SampleRate);
    private readonly MasterBus _master = new(mix.Master, mix.SampleRate);
    private readonly FdnReverb? _reverb = reverbOn ? CreateReverb(mix) : null;
    private readonly float _returnGain = (float)ConsoleRanges.DbToLinear(mix.Reverb.ReturnDb);
    private readonly BusBlock[] _buses = [new(block, mix.SampleRate), new(block, mix.SampleRate)];
    private Step _step;
    private Action<AudioBuffer, int>? _sink;
    private Action<int>? _runItem;

    /// <summary>One step of the pipeline: which block the master finishes, which is summed, where the strips write.</summary>
    private readonly record struct Step(BusBlock? Finish, BusBlock? Sum, int Slot, int Frames, int MasterItems, int SumItems);

    public double MasterGainReductionDb => _master.MaxGainReductionDb;

    /// <summary>
    /// Receives the reverb return exactly as it is added to the mix bus (wet times the return level), for the
    /// stem bounce. Null in a plain render, which then does no extra work.
    /// </summary>
    public Action<AudioBuffer, int>? ReturnTap { get; init; }

    private AudioBuffer? _returnBlock;

    private sealed class BusBlock(int frames, int rate)
    {
        public readonly AudioBuffer Mix = new(2, frames, rate);
        public readonly AudioBuffer Send = new(2, frames, rate);
        public int Frames;
    }

    private static FdnReverb CreateReverb(MixDefinition mix)
    {
        var reverb = new FdnReverb();
        reverb.Prepare(mix.SampleRate);
        reverb.Update(mix.Reverb);
        return reverb;
    }

    public void Run(long totalFrames, Action<AudioBuffer, int> sink, IProgress<RenderProgress>? progress, string stage, CancellationToken cancellation)
    {
        // No more threads than a step has items: extra ones would only spin.
        using var team = new WorkerTeam(Math.Clamp(parallelism, 1, strips.Count + 1 + SumParts));
        _sink = sink;
        BusBlock? toSum = null, toFinish = null;    // block i-1 (its strip outputs), block i-2 (summed)
        long produced = 0, finished = 0;
        for (int i = 0; produced < totalFrames || toSum is not null || toFinish is not null; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            int n = (int)Math.Min(block, totalFrames - produced);
            _step = new Step(toFinish, toSum, i & 1, n, toFinish is null ? 0 : 1, toSum is null ? 0 : SumParts);
            team.Run(_step.MasterItems + _step.SumItems + (n > 0 ? strips.Count : 0), _runItem ??= RunItem);
            if (toFinish is not null)
            {
                finished += toFinish.Frames;
                progress?.Report(new RenderProgress(stage, (double)finished / totalFrames));
            }
            // Block i-2's bus is free now; block i will be summed into it next time round.
            toFinish = toSum;
            toSum = n > 0 ? _buses[i & 1] : null;
            if (toSum is not null) toSum.Frames = n;
            produced += n;
        }
    }

    /// <summary>Item j of the current step: the master's block first (the largest item), then the sums, then the strips.</summary>
    private void RunItem(int j)
    {
        var step = _step;
        if (j < step.MasterItems) Finish(step.Finish!, _sink!);
        else if (j < step.MasterItems + step.SumItems) SumPart(step.Sum!, 1 - step.Slot, j - step.MasterItems);
        else strips[j - step.MasterItems - step.SumItems].Process(step.Frames, step.Slot);
    }

    /// <summary>
    /// Sums one frame range of the strips' outputs in <paramref name="slot"/> into the bus, and each output times
    /// its send level into the send bus (read again while it is still in cache, rather than kept as a copy).
    /// </summary>
    private void SumPart(BusBlock bus, int slot, int part)
    {
        // Ranges start on whole vectors of 16 floats.
        int start = bus.Frames * part / SumParts / 16 * 16;
        int end = part == SumParts - 1 ? bus.Frames : bus.Frames * (part + 1) / SumParts / 16 * 16;
        int n = end - start;
        for (int c = 0; c < 2; c++)
        {
            Span<float> mixBus = bus.Mix.Channel(c).Slice(start, n);
            Span<float> send = bus.Send.Channel(c).Slice(start, n);
            mixBus.Clear();
            if (_reverb is not null) send.Clear();
            foreach (var strip in strips)
            {
                ReadOnlySpan<float> output = strip.Output(slot).Channel(c).Slice(start, n);
                TensorPrimitives.Add(mixBus, output, mixBus);
                if (_reverb is not null && strip.HasSend) TensorPrimitives.MultiplyAdd(output, strip.SendGain, send, send);
            }
        }
    }

    private void Finish(BusBlock bus, Action<AudioBuffer, int> sink)
    {
        int n = bus.Frames;
        if (_reverb is not null)
        {
            _reverb.Process(bus.Send, _wet, n);
            for (int c = 0; c < 2; c++)
            {
                Span<float> mixBus = bus.Mix.Channel(c)[..n];
                TensorPrimitives.MultiplyAdd(_wet.Channel(c)[..n], _returnGain, mixBus, mixBus);
            }
            if (ReturnTap is not null)
            {
                _returnBlock ??= new AudioBuffer(2, block, mix.SampleRate);
                for (int c = 0; c < 2; c++) TensorPrimitives.Multiply(_wet.Channel(c)[..n], _returnGain, _returnBlock.Channel(c)[..n]);
                ReturnTap(_returnBlock, n);
            }
        }
        _master.Process(bus.Mix, n);
        sink(bus.Mix, n);
    }
}
