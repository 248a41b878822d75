using System.Numerics.Tensors;
using Mixwright.Dsp.Audio;
using Mixwright.Dsp.Parameters;
using Mixwright.Dsp.Processors;

namespace Mixwright.Dsp.Mixing;

/// <summary>
/// Runs the console block by block as a two-stage pipeline on a fixed set of workers: while the strips
/// process block i in parallel, one more work item takes the already summed block i-1 through the reverb,
/// the master chain and the caller's sink (limiter, meters, file). That item is the largest and goes
/// first; the strips fill in around it, so no core waits for the serial master work and no extra thread
/// competes for the cores. Two bus blocks alternate between the stages; nothing is allocated per block.
/// </summary>
internal sealed class BlockMixer(List<ChannelStrip> strips, MixDefinition mix, int block, int parallelism, bool reverbOn)
{
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
        BusBlock? summed = null;    // block i-1, waiting for the master
        long produced = 0, finished = 0;
        for (int turn = 0; produced < totalFrames || summed is not null; turn ^= 1)
        {
            cancellation.ThrowIfCancellationRequested();
            int n = (int)Math.Min(block, totalFrames - produced);
            var master = summed;
            int first = master is null ? 0 : -1;        // item -1: the master's block
            try
            {
                Parallel.For(first, n > 0 ? strips.Count : 0, parallel, i =>
                {
                    if (i < 0) Finish(master!, sink);
                    else strips[i].Process(n);
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
            summed = n > 0 ? Sum(_buses[turn], n) : null;
            produced += n;
        }
    }

    /// <summary>
    /// Adds the strips' outputs of this block into a bus block, and each output times its send level into the
    /// send bus (read again while it is still in cache, rather than kept as a copy per strip).
    /// </summary>
    private BusBlock Sum(BusBlock bus, int n)
    {
        bus.Frames = n;
        bus.Mix.Clear(n);
        if (_reverb is not null) bus.Send.Clear(n);
        foreach (var strip in strips)
        {
            for (int c = 0; c < 2; c++)
            {
                Span<float> mixBus = bus.Mix.Channel(c)[..n];
                TensorPrimitives.Add(mixBus, strip.Output.Channel(c)[..n], mixBus);
                if (_reverb is not null && strip.HasSend)
                {
                    Span<float> send = bus.Send.Channel(c)[..n];
                    TensorPrimitives.MultiplyAdd(strip.Output.Channel(c)[..n], strip.SendGain, send, send);
                }
            }
        }
        return bus;
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
