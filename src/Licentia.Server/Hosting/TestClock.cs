using System.Net;
using System.Text.Json;

namespace Licentia.Server.Hosting;

/// <summary>
/// Settings of the test-only clock, section <c>Licentia:TestClock</c>. FOR TESTS ONLY: with
/// <see cref="Enabled"/> the server's domain clock can be moved forward by anyone who reaches the server from
/// its own machine, without a signature. Off by default; an operator never needs it.
/// </summary>
public sealed class TestClockOptions
{
    public const string Section = LicentiaOptions.Section + ":TestClock";

    public bool Enabled { get; set; }
}

/// <summary>
/// The domain clock of a server started with <c>Licentia__TestClock__Enabled=true</c>: the system clock plus an
/// offset that only grows. Signatures are still checked against the system clock, so real clients keep working
/// while licensing sees days pass (license affinity to hosts, expiry).
/// </summary>
internal sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public DateTimeOffset Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "The test clock only moves forward.");
        }

        Interlocked.Add(ref _offsetTicks, by.Ticks);
        return GetUtcNow();
    }
}

/// <summary>
/// <c>POST /_licentia/clock {"advanceSeconds": N}</c>: moves the test clock forward by N seconds (0 to 10 years)
/// and answers the new time. 404 unless the test clock is enabled, and 404 to callers not on the loopback address.
/// </summary>
internal static class TestClockEndpoint
{
    public const string Path = "/_licentia/clock";

    private static readonly long MaxAdvanceSeconds = (long)TimeSpan.FromDays(3660).TotalSeconds;

    public static async Task<IResult> AdvanceAsync(HttpContext http)
    {
        if (http.RequestServices.GetRequiredService<TimeProvider>() is not TestClock clock
            || http.Connection.RemoteIpAddress is not { } remote
            || !IPAddress.IsLoopback(remote))
        {
            return Results.NotFound();
        }

        long seconds;
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            seconds = body.RootElement.GetProperty("advanceSeconds").GetInt64();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return Results.BadRequest(new { message = "Send {\"advanceSeconds\": N} with N a whole number of seconds." });
        }

        if (seconds < 0 || seconds > MaxAdvanceSeconds)
        {
            return Results.BadRequest(new { message = $"advanceSeconds must be from 0 to {MaxAdvanceSeconds}." });
        }

        var now = clock.Advance(TimeSpan.FromSeconds(seconds));
        return Results.Json(new { now, offsetSeconds = (long)clock.Offset.TotalSeconds });
    }
}
