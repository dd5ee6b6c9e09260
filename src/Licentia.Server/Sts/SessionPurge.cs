using Licentia.Core.Sessions;

namespace Licentia.Server.Sts;

/// <summary>
/// Forgets temporary credentials a day after they expired, hourly (until then a late request is told its token
/// expired rather than that the key is unknown). Harmless when several nodes run it.
/// </summary>
internal sealed partial class SessionPurge(ISessionStore store, TimeProvider time, ILogger<SessionPurge> logger) : BackgroundService
{
    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                LogPurged(logger, await store.PurgeExpiredAsync(time.GetUtcNow() - Grace, stoppingToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Count} expired session credentials")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging expired session credentials failed; will retry in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
