using Licentia.Core.Errors;

namespace Licentia.Core.Keys;

/// <summary>
/// CreateKey's choice of key: which KeySpec and KeyUsage KMS accepts together, and which of those
/// Licentia creates. Checked in the order KMS checks them, so each mistake gets KMS's answer:
/// <list type="number">
/// <item>KeySpec and the deprecated CustomerMasterKeySpec together: ValidationException.</item>
/// <item>No KeyUsage for anything but a symmetric key: ValidationException.</item>
/// <item>A KeyUsage the KeySpec cannot have (the KMS matrix below): ValidationException.</item>
/// <item>A valid KMS key that Licentia does not create (symmetric, HMAC, RSA encryption, key
/// agreement, SM2, secp256k1, ML-DSA, Ed25519; other origins, custom key stores, multi-Region):
/// UnsupportedOperationException, which CreateKey declares.</item>
/// </list>
/// </summary>
public static class KeyCreationRules
{
    /// <summary>KMS's KeySpec → allowed KeyUsage matrix (CreateKey API reference).</summary>
    private static readonly Dictionary<string, string[]> UsagesBySpec = new(StringComparer.Ordinal)
    {
        [KeyWireNames.SymmetricDefault] = [KeyWireNames.EncryptDecrypt],
        ["HMAC_224"] = [KeyWireNames.GenerateVerifyMac],
        ["HMAC_256"] = [KeyWireNames.GenerateVerifyMac],
        ["HMAC_384"] = [KeyWireNames.GenerateVerifyMac],
        ["HMAC_512"] = [KeyWireNames.GenerateVerifyMac],
        ["RSA_2048"] = [KeyWireNames.EncryptDecrypt, KeyWireNames.SignVerify],
        ["RSA_3072"] = [KeyWireNames.EncryptDecrypt, KeyWireNames.SignVerify],
        ["RSA_4096"] = [KeyWireNames.EncryptDecrypt, KeyWireNames.SignVerify],
        ["ECC_NIST_P256"] = [KeyWireNames.SignVerify, KeyWireNames.KeyAgreement],
        ["ECC_NIST_P384"] = [KeyWireNames.SignVerify, KeyWireNames.KeyAgreement],
        ["ECC_NIST_P521"] = [KeyWireNames.SignVerify, KeyWireNames.KeyAgreement],
        ["ECC_SECG_P256K1"] = [KeyWireNames.SignVerify],
        ["ECC_NIST_EDWARDS25519"] = [KeyWireNames.SignVerify],
        ["ML_DSA_44"] = [KeyWireNames.SignVerify],
        ["ML_DSA_65"] = [KeyWireNames.SignVerify],
        ["ML_DSA_87"] = [KeyWireNames.SignVerify],
        ["SM2"] = [KeyWireNames.EncryptDecrypt, KeyWireNames.SignVerify, KeyWireNames.KeyAgreement],
    };

    /// <summary>The key spec to create for a CreateKey request, or the error KMS (or Licentia's narrower scope) gives.</summary>
    public static SigningKeySpec Resolve(CreateSigningKeyCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.KeySpec is not null && command.CustomerMasterKeySpec is not null)
        {
            throw new ValidationException(
                "You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is deprecated.");
        }

        var specName = command.KeySpec ?? command.CustomerMasterKeySpec ?? KeyWireNames.SymmetricDefault;
        if (!UsagesBySpec.TryGetValue(specName, out var usages))
        {
            throw new ValidationException($"KeySpec '{specName}' is not a KMS key spec.");
        }

        var usage = command.KeyUsage;
        if (usage is null)
        {
            if (specName != KeyWireNames.SymmetricDefault)
            {
                throw new ValidationException("You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
            }

            usage = KeyWireNames.EncryptDecrypt;
        }

        if (!usages.Contains(usage, StringComparer.Ordinal))
        {
            throw new ValidationException($"KeyUsage {usage} is not compatible with KeySpec {specName}");
        }

        if (usage != KeyWireNames.SignVerify || !KeyWireNames.TryParseSpec(specName, out var spec))
        {
            throw new UnsupportedOperationException(
                $"Licentia creates only asymmetric signing keys: KeyUsage {KeyWireNames.SignVerify} with KeySpec " +
                $"{string.Join(", ", Enum.GetValues<SigningKeySpec>().Select(KeyWireNames.ToWire))}. " +
                $"KeySpec {specName} with KeyUsage {usage} is not supported.");
        }

        if (command.Origin is not null && command.Origin != KeyWireNames.OriginAwsKms)
        {
            throw new UnsupportedOperationException(
                $"Origin {command.Origin} is not supported; Licentia generates the key material itself ({KeyWireNames.OriginAwsKms}).");
        }

        if (command.CustomKeyStoreId is not null || command.XksKeyId is not null)
        {
            throw new UnsupportedOperationException("Custom key stores are not supported; omit CustomKeyStoreId and XksKeyId.");
        }

        if (command.MultiRegion == true)
        {
            throw new UnsupportedOperationException("Multi-Region keys are not supported; omit MultiRegion or set it to false.");
        }

        return spec;
    }

    /// <summary>Description: at most 8192 characters, as the model declares.</summary>
    public static void ValidateDescription(string? description)
    {
        const int MaxDescriptionLength = 8192;
        if (description is { Length: > MaxDescriptionLength })
        {
            throw new ValidationException(
                $"1 validation error detected: Value at 'description' failed to satisfy constraint: Member must have length less than or equal to {MaxDescriptionLength}");
        }
    }
}
