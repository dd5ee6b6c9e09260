using Licentia.Core.Entitlements.Consumption;
using Licentia.Core.Licensing;
using Microsoft.Extensions.Options;

namespace Licentia.Server.Hosting;

/// <summary>
/// Runs <see cref="LicensingHousekeepingJob"/> every <see cref="LicentiaOptions.LicensingHousekeepingSeconds"/>:
/// drops the license associations of deregistered AMIs and purges usage released past every affinity period; then
/// <see cref="ConsumptionHousekeepingJob"/> purges lapsed check-outs of seller-issued licenses.
/// With several nodes on one database the job's lock lets one node run it at a time.
/// </summary>
internal sealed partial class LicensingHousekeeping(
    LicensingHousekeepingJob job, ConsumptionHousekeepingJob consumption, IOptions<LicentiaOptions> options, ILogger<LicensingHousekeeping> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.LicensingHousekeepingSeconds);
        using var timer = new PeriodicTimer(interval, TimeProvider.System);
        do
        {
            try
            {
                var result = await job.RunOnceAsync(stoppingToken);
                if (result.Ran)
                {
                    LogRan(logger, result.AssociationsRemoved, result.UsagesPurged);
                }

                if (await consumption.RunOnceAsync(stoppingToken) is { } purged)
                {
                    LogConsumptionPurged(logger, purged);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, interval.TotalSeconds, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Licensing housekeeping removed {Associations} associations of deregistered images and purged {Usages} usage rows")]
    private static partial void LogRan(ILogger logger, int associations, int usages);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Consumption housekeeping purged {Consumptions} lapsed check-outs")]
    private static partial void LogConsumptionPurged(ILogger logger, int consumptions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Licensing housekeeping failed; will retry in {Seconds} s")]
    private static partial void LogFailed(ILogger logger, double seconds, Exception exception);
}
