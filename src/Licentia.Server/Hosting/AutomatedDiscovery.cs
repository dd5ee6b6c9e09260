using Licentia.Core.Inventory.Discovery;
using Microsoft.Extensions.Options;

namespace Licentia.Server.Hosting;

/// <summary>
/// Runs <see cref="DiscoveryJob"/> every <see cref="DiscoveryOptions.IntervalSeconds"/> and soon after new inventory
/// arrives (<see cref="DiscoveryTrigger"/>, debounced by <see cref="DiscoveryOptions.DebounceSeconds"/> so a burst of
/// reports makes one run). With several nodes on one database the job's lock lets one node run it at a time. The
/// schedule follows the real clock; the job reads the domain clock (which tests may move).
/// </summary>
internal sealed partial class AutomatedDiscovery(
    DiscoveryJob job, DiscoveryTrigger trigger, IOptions<DiscoveryOptions> options, ILogger<AutomatedDiscovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.IntervalSeconds);
        var debounce = TimeSpan.FromSeconds(options.Value.DebounceSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var result = await job.RunOnceAsync(stoppingToken);
                if (result.Ran && (result.Associated | result.Disassociated | result.Replanned | result.Failed) != 0)
                {
                    LogRan(logger, result.Associated, result.Disassociated, result.Replanned, result.Failed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, interval.TotalSeconds, e);
            }

            try
            {
                if (await trigger.WaitAsync(interval, stoppingToken) && debounce > TimeSpan.Zero)
                {
                    await Task.Delay(debounce, TimeProvider.System, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Automated discovery associated {Associated}, disassociated {Disassociated}, re-planned {Replanned} managed-server licenses; {Failed} refused or raced")]
    private static partial void LogRan(ILogger logger, int associated, int disassociated, int replanned, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Automated discovery failed; will retry within {Seconds} s")]
    private static partial void LogFailed(ILogger logger, double seconds, Exception exception);
}
