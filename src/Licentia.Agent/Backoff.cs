namespace Licentia.Agent;

/// <summary>Exponential backoff with full jitter: attempt n waits a random time in [0, min(cap, base·2ⁿ)].</summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan cap)
{
    public static readonly Backoff Default = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

    public TimeSpan Delay(int attempt)
    {
        var ceiling = Math.Min(cap.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)));
        return TimeSpan.FromMilliseconds(System.Security.Cryptography.RandomNumberGenerator.GetInt32(0, (int)Math.Max(ceiling, 1) + 1));
    }
}
