namespace Licentia.Core.Inventory.Discovery;

/// <summary>How often automated discovery runs and how much it reads at a time. Call <see cref="Validate"/> at start-up.</summary>
public sealed class DiscoveryOptions
{
    /// <summary>Seconds between runs; a run also follows new inventory (see <see cref="DebounceSeconds"/>).</summary>
    public int IntervalSeconds { get; set; } = 60;

    /// <summary>After new inventory arrives, the run waits this long so a burst of reports is handled by one run.</summary>
    public int DebounceSeconds { get; set; } = 2;

    /// <summary>Resources (and associations) read per page: a run never holds more than one page of them.</summary>
    public int BatchSize { get; set; } = 500;

    public void Validate()
    {
        if (IntervalSeconds is < 1 or > 86_400 || DebounceSeconds is < 0 or > 600 || BatchSize is < 1 or > 10_000)
        {
            throw new InvalidOperationException(
                $"{nameof(DiscoveryOptions)}: {nameof(IntervalSeconds)} must be 1 to 86400, {nameof(DebounceSeconds)} 0 to 600 and {nameof(BatchSize)} 1 to 10000.");
        }
    }
}
