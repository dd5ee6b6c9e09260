namespace Licentia.Core.Security;

/// <summary>Encrypts secrets before they are stored and decrypts them when they are needed.</summary>
public interface ISecretProtector
{
    byte[] Protect(ReadOnlySpan<byte> plaintext);

    /// <summary>Decrypts; throws <see cref="System.Security.Cryptography.CryptographicException"/> if the data was tampered with or the key is wrong.</summary>
    byte[] Unprotect(ReadOnlySpan<byte> protectedData);
}
