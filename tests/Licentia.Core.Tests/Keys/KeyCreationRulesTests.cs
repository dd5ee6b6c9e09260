using Licentia.Core.Errors;
using Licentia.Core.Keys;

namespace Licentia.Core.Tests.Keys;

public sealed class KeyCreationRulesTests
{
    [Theory]
    [InlineData("RSA_2048", SigningKeySpec.Rsa2048)]
    [InlineData("RSA_3072", SigningKeySpec.Rsa3072)]
    [InlineData("RSA_4096", SigningKeySpec.Rsa4096)]
    [InlineData("ECC_NIST_P256", SigningKeySpec.EccNistP256)]
    [InlineData("ECC_NIST_P384", SigningKeySpec.EccNistP384)]
    [InlineData("ECC_NIST_P521", SigningKeySpec.EccNistP521)]
    public void Every_supported_spec_with_SIGN_VERIFY_is_created(string name, SigningKeySpec expected)
    {
        Assert.Equal(expected, KeyCreationRules.Resolve(new CreateSigningKeyCommand { KeySpec = name, KeyUsage = "SIGN_VERIFY" }));
    }

    [Fact]
    public void The_deprecated_CustomerMasterKeySpec_is_accepted_alone_and_refused_next_to_KeySpec()
    {
        Assert.Equal(SigningKeySpec.EccNistP384,
            KeyCreationRules.Resolve(new CreateSigningKeyCommand { CustomerMasterKeySpec = "ECC_NIST_P384", KeyUsage = "SIGN_VERIFY" }));
        var error = Assert.Throws<ValidationException>(() => KeyCreationRules.Resolve(
            new CreateSigningKeyCommand { KeySpec = "RSA_2048", CustomerMasterKeySpec = "RSA_2048", KeyUsage = "SIGN_VERIFY" }));
        Assert.Contains("CustomerMasterKeySpec is deprecated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_asymmetric_spec_without_KeyUsage_is_refused_as_KMS_does()
    {
        var error = Assert.Throws<ValidationException>(() => KeyCreationRules.Resolve(new CreateSigningKeyCommand { KeySpec = "ECC_NIST_P256" }));
        Assert.Equal("You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.", error.Message);
    }

    [Theory]
    [InlineData("SYMMETRIC_DEFAULT", "SIGN_VERIFY")]
    [InlineData("HMAC_256", "SIGN_VERIFY")]
    [InlineData("ECC_NIST_P256", "ENCRYPT_DECRYPT")]
    [InlineData("RSA_2048", "GENERATE_VERIFY_MAC")]
    [InlineData("ECC_SECG_P256K1", "KEY_AGREEMENT")]
    public void A_usage_the_spec_cannot_have_is_a_ValidationException(string spec, string usage)
    {
        var error = Assert.Throws<ValidationException>(() => KeyCreationRules.Resolve(new CreateSigningKeyCommand { KeySpec = spec, KeyUsage = usage }));
        Assert.Equal($"KeyUsage {usage} is not compatible with KeySpec {spec}", error.Message);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT")]
    [InlineData("RSA_2048", "ENCRYPT_DECRYPT")]
    [InlineData("HMAC_512", "GENERATE_VERIFY_MAC")]
    [InlineData("ECC_NIST_P256", "KEY_AGREEMENT")]
    [InlineData("ECC_SECG_P256K1", "SIGN_VERIFY")]
    [InlineData("ML_DSA_65", "SIGN_VERIFY")]
    [InlineData("ECC_NIST_EDWARDS25519", "SIGN_VERIFY")]
    [InlineData("SM2", "SIGN_VERIFY")]
    public void Valid_KMS_keys_that_Licentia_does_not_create_are_unsupported(string? spec, string? usage)
    {
        var error = Assert.Throws<UnsupportedOperationException>(() => KeyCreationRules.Resolve(new CreateSigningKeyCommand { KeySpec = spec, KeyUsage = usage }));
        Assert.Contains("RSA_2048, RSA_3072, RSA_4096, ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_origins_custom_key_stores_and_multi_region_keys_are_unsupported()
    {
        var valid = new CreateSigningKeyCommand { KeySpec = "RSA_2048", KeyUsage = "SIGN_VERIFY" };
        Assert.Equal(SigningKeySpec.Rsa2048, KeyCreationRules.Resolve(valid with { Origin = "AWS_KMS", MultiRegion = false }));
        Assert.Throws<UnsupportedOperationException>(() => KeyCreationRules.Resolve(valid with { Origin = "EXTERNAL" }));
        Assert.Throws<UnsupportedOperationException>(() => KeyCreationRules.Resolve(valid with { CustomKeyStoreId = "cks-1234567890abcdef0" }));
        Assert.Throws<UnsupportedOperationException>(() => KeyCreationRules.Resolve(valid with { XksKeyId = "x" }));
        Assert.Throws<UnsupportedOperationException>(() => KeyCreationRules.Resolve(valid with { MultiRegion = true }));
    }

    [Fact]
    public void An_unknown_spec_and_a_long_description_are_validation_errors()
    {
        Assert.Throws<ValidationException>(() => KeyCreationRules.Resolve(new CreateSigningKeyCommand { KeySpec = "RSA_1024", KeyUsage = "SIGN_VERIFY" }));
        KeyCreationRules.ValidateDescription(new string('d', 8192));
        Assert.Throws<ValidationException>(() => KeyCreationRules.ValidateDescription(new string('d', 8193)));
    }
}
