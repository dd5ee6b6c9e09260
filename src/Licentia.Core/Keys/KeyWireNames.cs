using System.Diagnostics.CodeAnalysis;

namespace Licentia.Core.Keys;

/// <summary>
/// The KMS wire names of key specs, signing algorithms, message types and the other fixed values of a
/// signing key. They are the vocabulary of the API and of error messages, so they live in Core.
/// </summary>
public static class KeyWireNames
{
    public const string SignVerify = "SIGN_VERIFY";
    public const string EncryptDecrypt = "ENCRYPT_DECRYPT";
    public const string GenerateVerifyMac = "GENERATE_VERIFY_MAC";
    public const string KeyAgreement = "KEY_AGREEMENT";
    public const string SymmetricDefault = "SYMMETRIC_DEFAULT";
    public const string OriginAwsKms = "AWS_KMS";
    public const string KeyManagerCustomer = "CUSTOMER";
    public const string KeyStateEnabled = "Enabled";

    private static readonly (SigningKeySpec Spec, string Name)[] Specs =
    [
        (SigningKeySpec.Rsa2048, "RSA_2048"),
        (SigningKeySpec.Rsa3072, "RSA_3072"),
        (SigningKeySpec.Rsa4096, "RSA_4096"),
        (SigningKeySpec.EccNistP256, "ECC_NIST_P256"),
        (SigningKeySpec.EccNistP384, "ECC_NIST_P384"),
        (SigningKeySpec.EccNistP521, "ECC_NIST_P521"),
    ];

    private static readonly (SigningAlgorithm Algorithm, string Name)[] Algorithms =
    [
        (SigningAlgorithm.RsassaPssSha256, "RSASSA_PSS_SHA_256"),
        (SigningAlgorithm.RsassaPssSha384, "RSASSA_PSS_SHA_384"),
        (SigningAlgorithm.RsassaPssSha512, "RSASSA_PSS_SHA_512"),
        (SigningAlgorithm.RsassaPkcs1V15Sha256, "RSASSA_PKCS1_V1_5_SHA_256"),
        (SigningAlgorithm.RsassaPkcs1V15Sha384, "RSASSA_PKCS1_V1_5_SHA_384"),
        (SigningAlgorithm.RsassaPkcs1V15Sha512, "RSASSA_PKCS1_V1_5_SHA_512"),
        (SigningAlgorithm.EcdsaSha256, "ECDSA_SHA_256"),
        (SigningAlgorithm.EcdsaSha384, "ECDSA_SHA_384"),
        (SigningAlgorithm.EcdsaSha512, "ECDSA_SHA_512"),
    ];

    private static readonly (SigningMessageType Type, string Name)[] MessageTypes =
    [
        (SigningMessageType.Raw, "RAW"),
        (SigningMessageType.Digest, "DIGEST"),
        (SigningMessageType.ExternalMu, "EXTERNAL_MU"),
    ];

    public static string ToWire(SigningKeySpec spec) => Specs.First(s => s.Spec == spec).Name;

    public static string ToWire(SigningAlgorithm algorithm) => Algorithms.First(a => a.Algorithm == algorithm).Name;

    public static string ToWire(SigningMessageType type) => MessageTypes.First(m => m.Type == type).Name;

    public static bool TryParseSpec([NotNullWhen(true)] string? name, out SigningKeySpec spec) => TryFind(Specs, name, out spec);

    public static bool TryParseAlgorithm([NotNullWhen(true)] string? name, out SigningAlgorithm algorithm) => TryFind(Algorithms, name, out algorithm);

    /// <summary>The message type named on the wire; absent means RAW, as in KMS.</summary>
    public static SigningMessageType ParseMessageType(string? name)
    {
        if (name is null)
        {
            return SigningMessageType.Raw;
        }

        return TryFind(MessageTypes, name, out var type)
            ? type
            : throw new Errors.ValidationException(
                $"1 validation error detected: Value '{name}' at 'messageType' failed to satisfy constraint: " +
                $"Member must satisfy enum value set: [{string.Join(", ", MessageTypes.Select(m => m.Name))}]");
    }

    private static bool TryFind<T>((T Value, string Name)[] table, string? name, out T value)
    {
        foreach (var (candidate, candidateName) in table)
        {
            if (string.Equals(candidateName, name, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default!;
        return false;
    }
}
