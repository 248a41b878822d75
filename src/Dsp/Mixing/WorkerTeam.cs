using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Mixwright.Dsp.Mixing;

/// <summary>
/// A fixed team of threads (the caller plus <c>size - 1</c> workers) that runs one step's items at a time: every
/// thread claims the next unclaimed item until none is left, and <see cref="Run"/> returns when all are done. A
/// render runs a step every fraction of a millisecond, so between steps the workers spin a little before they
/// sleep; that hand-over is several times cheaper than starting a parallel loop per step. Not for nesting:
/// one <see cref="Run"/> at a time.
/// </summary>
internal sealed class WorkerTeam : IDisposable
{
    /// <summary>How long an idle worker spins for the next step before it sleeps.</summary>
    private static readonly long SpinTicks = Stopwatch.Frequency / 2000;   // 0.5 ms

    private readonly Thread[] _workers;
    private readonly object _gate = new();
    private Action<int>? _work;
    private int _count, _next, _running;
    private long _step;
    private bool _stopping;
    private Exception? _failure;

    public WorkerTeam(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _workers = new Thread[size - 1];
        for (int i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(WorkerLoop) { IsBackground = true, Name = $"mixwright render worker {i + 1}" };
            _workers[i].Start();
        }
    }

    /// <summary>Runs <paramref name="work"/>(0 .. count-1) across the team; rethrows the first item's exception.</summary>
    public void Run(int count, Action<int> work)
    {
        if (count <= 0) return;
        _work = work;
        _count = count;
        _next = 0;
        _failure = null;
        _running = _workers.Length + 1;
        lock (_gate)
        {
            _step++;
            Monitor.PulseAll(_gate);
        }
        Drain();
        Interlocked.Decrement(ref _running);
        var spinner = new SpinWait();
        while (Volatile.Read(ref _running) != 0) spinner.SpinOnce(sleep1Threshold: -1);
        _work = null;
        if (_failure is not null) ExceptionDispatchInfo.Capture(_failure).Throw();
    }

    private void Drain()
    {
        var work = _work!;
        int i;
        while ((i = Interlocked.Increment(ref _next) - 1) < _count)
        {
            try
            {
                work(i);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _failure, e, null);
                Volatile.Write(ref _next, _count);   // the step has failed: leave the rest
            }
        }
    }

    private void WorkerLoop()
    {
        long seen = 0;
        while (true)
        {
            long started = Stopwatch.GetTimestamp();
            var spinner = new SpinWait();
            while (Volatile.Read(ref _step) == seen && !Volatile.Read(ref _stopping))
            {
                if (Stopwatch.GetTimestamp() - started < SpinTicks)
                {
                    spinner.SpinOnce(sleep1Threshold: -1);
                    continue;
                }
                lock (_gate)
                    while (_step == seen && !_stopping) Monitor.Wait(_gate);
            }
            if (Volatile.Read(ref _stopping)) return;
            seen = Volatile.Read(ref _step);
            Drain();
            Interlocked.Decrement(ref _running);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }
        foreach (var worker in _workers) worker.Join();
    }
}
