using System.Security.Cryptography;

namespace Licentia.Core.Identifiers;

/// <summary>Cryptographically strong randomness: access keys and secrets must not be guessable.</summary>
public sealed class CryptoRandomSource : IRandomSource
{
    public static CryptoRandomSource Instance { get; } = new();

    public int NextInt32(int toExclusive) => RandomNumberGenerator.GetInt32(toExclusive);
}
