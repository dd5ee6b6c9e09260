namespace Licentia.Aws.Tests.Auth;

/// <summary>A clock the test sets by hand (the fake-time package is not a dependency of this project).</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
