namespace Licentia.Bench;

/// <summary>A clock that always reads the same instant, so a signature made once stays valid for the whole run.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
