namespace Licentia.Core.Identifiers;

/// <summary>
/// Where identifiers and secrets get their randomness. Injected so that tests can force collisions
/// and pin ids; production uses <see cref="CryptoRandomSource"/>.
/// </summary>
public interface IRandomSource
{
    /// <summary>A uniformly distributed integer in [0, <paramref name="toExclusive"/>).</summary>
    int NextInt32(int toExclusive);
}
