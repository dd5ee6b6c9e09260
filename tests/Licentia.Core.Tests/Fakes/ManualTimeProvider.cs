namespace Licentia.Core.Tests.Fakes;

/// <summary>A clock that moves only when the test moves it.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    public static readonly DateTimeOffset DefaultStart = new(2025, 1, 15, 10, 0, 0, TimeSpan.Zero);

    private DateTimeOffset _now = start;

    public ManualTimeProvider()
        : this(DefaultStart)
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
