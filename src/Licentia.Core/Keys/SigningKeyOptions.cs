namespace Licentia.Core.Keys;

/// <summary>Limits of the signing-key service. Call <see cref="Validate"/> at start-up.</summary>
public sealed class SigningKeyOptions
{
    /// <summary>Keys per account and Region. AWS: 100,000 KMS keys per account and Region.</summary>
    public int SigningKeysPerRegion { get; set; } = 100_000;

    /// <summary>Decrypted private keys kept in memory (see <see cref="PrivateKeyCache"/>); 0 turns the cache off.</summary>
    public int CachedPrivateKeys { get; set; } = 1024;

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (SigningKeysPerRegion < 1)
        {
            throw new InvalidOperationException($"{nameof(SigningKeyOptions)}.{nameof(SigningKeysPerRegion)} must be at least 1, not {SigningKeysPerRegion}.");
        }

        if (CachedPrivateKeys < 0)
        {
            throw new InvalidOperationException($"{nameof(SigningKeyOptions)}.{nameof(CachedPrivateKeys)} must not be negative, not {CachedPrivateKeys}.");
        }
    }
}
