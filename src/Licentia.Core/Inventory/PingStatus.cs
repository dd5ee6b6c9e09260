namespace Licentia.Core.Inventory;

/// <summary>The SSM ping statuses of a managed node.</summary>
public enum PingStatus
{
    Online,
    ConnectionLost,
    Inactive,
}

/// <summary>
/// Ping status derived from the last heartbeat and the clock, never stored: Online while the last ping is at
/// most <see cref="InventoryOptions.OnlineWindow"/> old, Inactive once it is older than
/// <see cref="InventoryOptions.InactiveAfter"/>, ConnectionLost in between.
/// </summary>
public static class PingStatusRules
{
    public static PingStatus Of(DateTimeOffset lastPing, DateTimeOffset now, InventoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var age = now - lastPing;
        return age <= options.OnlineWindow ? PingStatus.Online
            : age <= options.InactiveAfter ? PingStatus.ConnectionLost
            : PingStatus.Inactive;
    }

    public static string ToWire(PingStatus status) => status.ToString();

    public static bool TryParse(string? text, out PingStatus status)
    {
        foreach (var candidate in Enum.GetValues<PingStatus>())
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
