using System.Security.Cryptography;
using Licentia.Core.Errors;

namespace Licentia.Core.Keys;

/// <summary>
/// Which signing algorithms each key spec supports, and what a message given to Sign or Verify must
/// look like for an algorithm: KMS signs RAW messages of 1 to 4096 bytes (hashing them itself) or a
/// DIGEST of exactly the algorithm's hash length.
/// </summary>
public static class SigningAlgorithmRules
{
    public const int MaxRawMessageLength = 4096;

    private static readonly SigningAlgorithm[] Rsa =
    [
        SigningAlgorithm.RsassaPkcs1V15Sha256, SigningAlgorithm.RsassaPkcs1V15Sha384, SigningAlgorithm.RsassaPkcs1V15Sha512,
        SigningAlgorithm.RsassaPssSha256, SigningAlgorithm.RsassaPssSha384, SigningAlgorithm.RsassaPssSha512,
    ];

    private static readonly SigningAlgorithm[] P256 = [SigningAlgorithm.EcdsaSha256];
    private static readonly SigningAlgorithm[] P384 = [SigningAlgorithm.EcdsaSha384];
    private static readonly SigningAlgorithm[] P521 = [SigningAlgorithm.EcdsaSha512];

    /// <summary>The algorithms of a key spec, in the order DescribeKey and GetPublicKey list them.</summary>
    public static IReadOnlyList<SigningAlgorithm> For(SigningKeySpec spec) => spec switch
    {
        SigningKeySpec.Rsa2048 or SigningKeySpec.Rsa3072 or SigningKeySpec.Rsa4096 => Rsa,
        SigningKeySpec.EccNistP256 => P256,
        SigningKeySpec.EccNistP384 => P384,
        SigningKeySpec.EccNistP521 => P521,
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, "Unknown key spec."),
    };

    /// <summary>The algorithm named on the wire, if the key spec supports it.</summary>
    /// <exception cref="InvalidKeyUsageException">The name is another KMS algorithm, or one this key spec cannot use.</exception>
    public static SigningAlgorithm Resolve(SigningKeySpec spec, string? algorithmName)
    {
        if (KeyWireNames.TryParseAlgorithm(algorithmName, out var algorithm) && For(spec).Contains(algorithm))
        {
            return algorithm;
        }

        throw new InvalidKeyUsageException($"Algorithm {algorithmName} is incompatible with key spec {KeyWireNames.ToWire(spec)}.");
    }

    public static HashAlgorithmName HashOf(SigningAlgorithm algorithm) => algorithm switch
    {
        SigningAlgorithm.RsassaPssSha256 or SigningAlgorithm.RsassaPkcs1V15Sha256 or SigningAlgorithm.EcdsaSha256 => HashAlgorithmName.SHA256,
        SigningAlgorithm.RsassaPssSha384 or SigningAlgorithm.RsassaPkcs1V15Sha384 or SigningAlgorithm.EcdsaSha384 => HashAlgorithmName.SHA384,
        SigningAlgorithm.RsassaPssSha512 or SigningAlgorithm.RsassaPkcs1V15Sha512 or SigningAlgorithm.EcdsaSha512 => HashAlgorithmName.SHA512,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown signing algorithm."),
    };

    /// <summary>The length in bytes of a DIGEST message for the algorithm.</summary>
    public static int DigestLength(SigningAlgorithm algorithm)
    {
        var hash = HashOf(algorithm);
        return hash == HashAlgorithmName.SHA256 ? 32 : hash == HashAlgorithmName.SHA384 ? 48 : 64;
    }

    /// <summary>
    /// The digest to sign or verify: the message's hash for RAW, the message itself for DIGEST once its
    /// length is right. Refuses as KMS does, with ValidationException.
    /// </summary>
    public static byte[] ToDigest(SigningKeySpec spec, SigningAlgorithm algorithm, ReadOnlySpan<byte> message, SigningMessageType messageType)
    {
        switch (messageType)
        {
            case SigningMessageType.Raw:
                if (message.Length is 0 or > MaxRawMessageLength)
                {
                    throw new ValidationException(message.Length == 0
                        ? "1 validation error detected: Value at 'message' failed to satisfy constraint: Member must have length greater than or equal to 1"
                        : $"1 validation error detected: Value at 'message' failed to satisfy constraint: Member must have length less than or equal to {MaxRawMessageLength}");
                }

                var hash = HashOf(algorithm);
                return hash == HashAlgorithmName.SHA256 ? SHA256.HashData(message)
                    : hash == HashAlgorithmName.SHA384 ? SHA384.HashData(message)
                    : SHA512.HashData(message);
            case SigningMessageType.Digest:
                return message.Length == DigestLength(algorithm)
                    ? message.ToArray()
                    : throw new ValidationException($"Digest is invalid length for algorithm {KeyWireNames.ToWire(algorithm)}.");
            default:
                throw new ValidationException(
                    $"Message type {KeyWireNames.ToWire(messageType)} is incompatible with key spec {KeyWireNames.ToWire(spec)}.");
        }
    }
}
