using System.Security.Cryptography;
using Licentia.Core.Errors;
using Licentia.Core.Keys;

namespace Licentia.Core.Tests.Keys;

public sealed class SigningAlgorithmRulesTests
{
    [Fact]
    public void Each_spec_lists_its_algorithms_in_the_order_KMS_does()
    {
        string[] rsa =
        [
            "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512",
            "RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512",
        ];
        foreach (var spec in new[] { SigningKeySpec.Rsa2048, SigningKeySpec.Rsa3072, SigningKeySpec.Rsa4096 })
        {
            Assert.Equal(rsa, SigningAlgorithmRules.For(spec).Select(KeyWireNames.ToWire));
        }

        Assert.Equal(["ECDSA_SHA_256"], SigningAlgorithmRules.For(SigningKeySpec.EccNistP256).Select(KeyWireNames.ToWire));
        Assert.Equal(["ECDSA_SHA_384"], SigningAlgorithmRules.For(SigningKeySpec.EccNistP384).Select(KeyWireNames.ToWire));
        Assert.Equal(["ECDSA_SHA_512"], SigningAlgorithmRules.For(SigningKeySpec.EccNistP521).Select(KeyWireNames.ToWire));
    }

    [Theory]
    [InlineData(SigningKeySpec.EccNistP256, "ECDSA_SHA_384", "ECC_NIST_P256")]
    [InlineData(SigningKeySpec.EccNistP521, "ECDSA_SHA_256", "ECC_NIST_P521")]
    [InlineData(SigningKeySpec.Rsa2048, "ECDSA_SHA_256", "RSA_2048")]
    [InlineData(SigningKeySpec.EccNistP384, "RSASSA_PSS_SHA_384", "ECC_NIST_P384")]
    [InlineData(SigningKeySpec.Rsa4096, "SM2DSA", "RSA_4096")]
    public void An_algorithm_the_key_cannot_use_is_InvalidKeyUsage_with_KMS_message(SigningKeySpec spec, string algorithm, string specName)
    {
        var error = Assert.Throws<InvalidKeyUsageException>(() => SigningAlgorithmRules.Resolve(spec, algorithm));
        Assert.Equal($"Algorithm {algorithm} is incompatible with key spec {specName}.", error.Message);
    }

    [Theory]
    [InlineData(SigningAlgorithm.EcdsaSha256, 32)]
    [InlineData(SigningAlgorithm.RsassaPssSha384, 48)]
    [InlineData(SigningAlgorithm.RsassaPkcs1V15Sha512, 64)]
    public void A_digest_must_have_the_hash_length_of_the_algorithm(SigningAlgorithm algorithm, int length)
    {
        var digest = new byte[length];
        Assert.Equal(digest, SigningAlgorithmRules.ToDigest(SigningKeySpec.Rsa2048, algorithm, digest, SigningMessageType.Digest));
        var error = Assert.Throws<ValidationException>(() =>
            SigningAlgorithmRules.ToDigest(SigningKeySpec.Rsa2048, algorithm, new byte[length - 1], SigningMessageType.Digest));
        Assert.Equal($"Digest is invalid length for algorithm {KeyWireNames.ToWire(algorithm)}.", error.Message);
    }

    [Fact]
    public void A_raw_message_is_hashed_and_bounded_to_4096_bytes()
    {
        var message = new byte[4096];
        Assert.Equal(SHA384.HashData(message), SigningAlgorithmRules.ToDigest(SigningKeySpec.EccNistP384, SigningAlgorithm.EcdsaSha384, message, SigningMessageType.Raw));
        var error = Assert.Throws<ValidationException>(() =>
            SigningAlgorithmRules.ToDigest(SigningKeySpec.EccNistP384, SigningAlgorithm.EcdsaSha384, new byte[4097], SigningMessageType.Raw));
        Assert.Contains("less than or equal to 4096", error.Message, StringComparison.Ordinal);
        Assert.Throws<ValidationException>(() => SigningAlgorithmRules.ToDigest(SigningKeySpec.EccNistP384, SigningAlgorithm.EcdsaSha384, [], SigningMessageType.Raw));
    }

    [Fact]
    public void EXTERNAL_MU_is_refused_for_these_key_specs()
    {
        var error = Assert.Throws<ValidationException>(() =>
            SigningAlgorithmRules.ToDigest(SigningKeySpec.Rsa2048, SigningAlgorithm.RsassaPssSha256, new byte[64], SigningMessageType.ExternalMu));
        Assert.Equal("Message type EXTERNAL_MU is incompatible with key spec RSA_2048.", error.Message);
    }

    [Fact]
    public void Wire_names_round_trip()
    {
        foreach (var spec in Enum.GetValues<SigningKeySpec>())
        {
            Assert.True(KeyWireNames.TryParseSpec(KeyWireNames.ToWire(spec), out var parsed));
            Assert.Equal(spec, parsed);
        }

        foreach (var algorithm in Enum.GetValues<SigningAlgorithm>())
        {
            Assert.True(KeyWireNames.TryParseAlgorithm(KeyWireNames.ToWire(algorithm), out var parsed));
            Assert.Equal(algorithm, parsed);
        }

        Assert.Equal(SigningMessageType.Raw, KeyWireNames.ParseMessageType(null));
        Assert.Equal(SigningMessageType.Digest, KeyWireNames.ParseMessageType("DIGEST"));
        Assert.Throws<ValidationException>(() => KeyWireNames.ParseMessageType("digest"));
    }
}
