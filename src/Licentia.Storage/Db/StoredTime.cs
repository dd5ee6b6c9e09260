namespace Licentia.Storage.Db;

/// <summary>
/// Every instant is stored in UTC at microsecond resolution: that is what PostgreSQL's timestamptz
/// keeps, and applying the same rule on SQLite makes both engines return identical values.
/// </summary>
internal static class StoredTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var utcTicks = value.UtcTicks;
        return new DateTimeOffset(utcTicks - (utcTicks % TicksPerMicrosecond), TimeSpan.Zero);
    }
}
