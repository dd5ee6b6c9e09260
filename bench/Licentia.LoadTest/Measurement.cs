using System.Diagnostics;

namespace Licentia.LoadTest;

/// <summary>What one scenario at one concurrency did: counts, time, latency distribution and CPU.</summary>
internal sealed class Measurement
{
    private readonly long[] _sortedTicks;

    public Measurement(
        string scenario, int concurrency, long errors, TimeSpan elapsed, long[] latencyTicks,
        IReadOnlyList<string> errorSamples, TimeSpan? serverCpu, TimeSpan harnessCpu)
    {
        ArgumentNullException.ThrowIfNull(latencyTicks);
        Scenario = scenario;
        Concurrency = concurrency;
        Errors = errors;
        Elapsed = elapsed;
        _sortedTicks = latencyTicks;
        Array.Sort(_sortedTicks);
        ErrorSamples = errorSamples;
        ServerCpu = serverCpu;
        HarnessCpu = harnessCpu;
    }

    public string Scenario { get; }

    public int Concurrency { get; }

    public long Requests => _sortedTicks.Length;

    public long Errors { get; }

    public TimeSpan Elapsed { get; }

    public IReadOnlyList<string> ErrorSamples { get; }

    /// <summary>CPU the server used during the measurement, when this harness started it.</summary>
    public TimeSpan? ServerCpu { get; }

    /// <summary>CPU this harness used (signing, HTTP client), which the server did not get on a shared machine.</summary>
    public TimeSpan HarnessCpu { get; }

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public double MaxMilliseconds => Milliseconds(_sortedTicks.Length == 0 ? 0 : _sortedTicks[^1]);

    /// <summary>Latency at percentile <paramref name="p"/> (nearest rank), in milliseconds.</summary>
    public double Percentile(double p)
    {
        if (_sortedTicks.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p / 100 * _sortedTicks.Length);
        return Milliseconds(_sortedTicks[Math.Clamp(rank - 1, 0, _sortedTicks.Length - 1)]);
    }

    public double? CpuMicrosecondsPerRequest(TimeSpan? cpu) =>
        cpu is { } used && Requests > 0 ? used.TotalMicroseconds / Requests : null;

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
