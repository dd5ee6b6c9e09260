using Licentia.Core.Keys;
using Dto = Licentia.Aws.Kms;

namespace Licentia.Server.Kms;

/// <summary>Between the generated KMS shapes and the core's signing keys; no rules here.</summary>
internal static class KmsMapping
{
    /// <summary>KeyMetadata as KMS returns it for an asymmetric signing key (no EncryptionAlgorithms, MultiRegion false).</summary>
    public static Dto.KeyMetadata ToMetadata(SigningKey key) => new()
    {
        AWSAccountId = key.AccountId,
        KeyId = key.Id,
        Arn = key.Arn,
        CreationDate = key.CreatedAt,
        Enabled = true,
        Description = key.Description,
        KeyUsage = KeyWireNames.SignVerify,
        KeyState = KeyWireNames.KeyStateEnabled,
        Origin = KeyWireNames.OriginAwsKms,
        KeyManager = KeyWireNames.KeyManagerCustomer,
        CustomerMasterKeySpec = KeyWireNames.ToWire(key.Spec),
        KeySpec = KeyWireNames.ToWire(key.Spec),
        SigningAlgorithms = ToWire(key.SigningAlgorithms),
        MultiRegion = false,
    };

    public static List<string> ToWire(IReadOnlyList<SigningAlgorithm> algorithms) => [.. algorithms.Select(KeyWireNames.ToWire)];
}
