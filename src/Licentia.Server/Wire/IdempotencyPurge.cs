using Licentia.Core.Idempotency;

namespace Licentia.Server.Wire;

/// <summary>Forgets ClientToken records past their lifetime, hourly. Harmless when several nodes run it.</summary>
internal sealed partial class IdempotencyPurge(IIdempotencyStore store, TimeProvider time, ILogger<IdempotencyPurge> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                var purged = await store.PurgeAsync(time.GetUtcNow() - StoredIdempotencyGuard.Lifetime, stoppingToken);
                LogPurged(logger, purged);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Count} expired ClientToken records")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging expired ClientToken records failed; will retry in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
