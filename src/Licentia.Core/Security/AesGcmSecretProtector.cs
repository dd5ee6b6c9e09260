using System.Security.Cryptography;

namespace Licentia.Core.Security;

/// <summary>
/// AES-256-GCM with a fresh random nonce per secret. Layout: version (1 byte) | nonce (12) |
/// ciphertext | tag (16). The version byte is also authenticated, so a later format can be told
/// apart and an old one cannot be passed off as new.
/// </summary>
public sealed class AesGcmSecretProtector : ISecretProtector
{
    public const int KeySize = 32;
    private const byte Version1 = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int Overhead = 1 + NonceSize + TagSize;

    private readonly byte[] _key;

    public AesGcmSecretProtector(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"The key must be {KeySize} bytes (AES-256), not {key.Length}.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>A new random 32-byte key.</summary>
    public static byte[] CreateKey() => RandomNumberGenerator.GetBytes(KeySize);

    /// <summary>A protector from a base64 key, as kept in configuration.</summary>
    public static AesGcmSecretProtector FromBase64(string base64Key)
    {
        ArgumentException.ThrowIfNullOrEmpty(base64Key);
        return new AesGcmSecretProtector(Convert.FromBase64String(base64Key));
    }

    public byte[] Protect(ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[Overhead + plaintext.Length];
        output[0] = Version1;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        // AesGcm is created per call: it holds native state and is cheap next to a store round trip.
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(1 + NonceSize, plaintext.Length), output.AsSpan(output.Length - TagSize), output.AsSpan(0, 1));
        return output;
    }

    public byte[] Unprotect(ReadOnlySpan<byte> protectedData)
    {
        if (protectedData.Length < Overhead)
        {
            throw new CryptographicException($"Protected data is {protectedData.Length} bytes; at least {Overhead} are expected.");
        }

        if (protectedData[0] != Version1)
        {
            throw new CryptographicException($"Protected data has format version {protectedData[0]}; only version {Version1} is known.");
        }

        var plaintext = new byte[protectedData.Length - Overhead];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(
            protectedData.Slice(1, NonceSize),
            protectedData.Slice(1 + NonceSize, plaintext.Length),
            protectedData[^TagSize..],
            plaintext,
            protectedData[..1]);
        return plaintext;
    }
}
