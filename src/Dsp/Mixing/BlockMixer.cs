using System.Numerics.Tensors;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;
using Mixwright.Dsp.Processors;

namespace Mixwright.Dsp.Mixing;

/// <summary>
/// Runs the console block by block as a three-stage pipeline on a fixed set of workers: while the strips
/// process block i in parallel, block i-1's strip outputs are summed into a bus block (in frame ranges, each
/// range over the strips in order, so the sum is the same whatever ran where), and block i-2 goes through the
/// reverb, the master chain and the caller's sink (limiter, meters, file). The master's item is the largest
/// and goes first; the rest fill in around it, so no core waits for serial work and no extra thread competes
/// for the cores. Strips keep two output slots and two bus blocks alternate; nothing is allocated per block.
/// </summary>
internal sealed class BlockMixer(List<ChannelStrip> strips, MixDefinition mix, int block, int parallelism, bool reverbOn)
{
    /// <summary>Frame ranges a block is summed in (items of the parallel loop).</summary>
    private const int SumParts = 2;

    private readonly AudioBuffer _wet = new(2, block, mix.SampleRate);
    private readonly MasterBus _master = new(mix.Master, mix.SampleRate);
    private readonly FdnReverb? _reverb = reverbOn ? CreateReverb(mix) : null;
    private readonly float _returnGain = (float)ConsoleRanges.DbToLinear(mix.Reverb.ReturnDb);
    private readonly BusBlock[] _buses = [new(block, mix.SampleRate), new(block, mix.SampleRate)];

    public double MasterGainReductionDb => _master.MaxGainReductionDb;

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
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellation };
        BusBlock? toSum = null, toFinish = null;    // block i-1 (its strip outputs), block i-2 (summed)
        long produced = 0, finished = 0;
        for (int i = 0; produced < totalFrames || toSum is not null || toFinish is not null; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            int n = (int)Math.Min(block, totalFrames - produced);
            int slot = i & 1;
            var master = toFinish;
            var sum = toSum;
            int masterItems = master is null ? 0 : 1, sumItems = sum is null ? 0 : SumParts, stripItems = n > 0 ? strips.Count : 0;
            try
            {
                Parallel.For(0, masterItems + sumItems + stripItems, parallel, j =>
                {
                    if (j < masterItems) Finish(master!, sink);
                    else if (j < masterItems + sumItems) SumPart(sum!, 1 - slot, j - masterItems);
                    else strips[j - masterItems - sumItems].Process(n, slot);
                });
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                // A bad stem or a full disk is the user's error: surface its own message, not the parallel wrapper.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                throw;
            }
            if (master is not null)
            {
                finished += master.Frames;
                progress?.Report(new RenderProgress(stage, (double)finished / totalFrames));
            }
            // Block i-2's bus is free now; block i will be summed into it next time round.
            toFinish = sum;
            toSum = n > 0 ? _buses[slot] : null;
            if (toSum is not null) toSum.Frames = n;
            produced += n;
        }
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
        }
        _master.Process(bus.Mix, n);
        sink(bus.Mix, n);
    }
}
