using System.Security.Cryptography;
using Licentia.Core.Errors;
using Licentia.Core.Keys;
using Licentia.Core.Security;
using Licentia.Core.Tagging;
using Licentia.Core.Tests.Fakes;

namespace Licentia.Core.Tests.Keys;

public sealed class SigningKeyManagerTests
{
    private static readonly Scope Home = new("111111111111", "us-east-1");
    private static readonly Scope OtherAccount = new("222222222222", "us-east-1");
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly byte[] Message = "license token payload"u8.ToArray();

    private readonly InMemorySigningKeyStore _store = new();
    private readonly AesGcmSecretProtector _protector = new(AesGcmSecretProtector.CreateKey());
    private readonly ManualTimeProvider _time = new();
    private readonly SigningKeyManager _manager;

    public SigningKeyManagerTests()
    {
        _manager = new SigningKeyManager(_store, _protector, new SigningKeyOptions { SigningKeysPerRegion = 3 }, new LicensingQuotas(), _time);
    }

    public static TheoryData<string, string> SpecAndAlgorithm()
    {
        var data = new TheoryData<string, string>();
        foreach (var spec in Enum.GetValues<SigningKeySpec>().Where(s => s != SigningKeySpec.Rsa4096))
        {
            foreach (var algorithm in SigningAlgorithmRules.For(spec))
            {
                data.Add(KeyWireNames.ToWire(spec), KeyWireNames.ToWire(algorithm));
            }
        }

        return data;
    }

    [Fact]
    public async Task Created_key_is_described_by_id_and_by_ARN_with_what_was_given()
    {
        var created = await Create("ECC_NIST_P256", description: "license signing", tags: [new Tag("team", "sales")]);

        Assert.Matches("^arn:aws:kms:us-east-1:111111111111:key/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", created.Arn);
        Assert.Equal((SigningKeySpec.EccNistP256, "license signing", _time.GetUtcNow()), (created.Spec, created.Description, created.CreatedAt));
        Assert.Same(created, await _manager.DescribeKeyAsync(Home, created.Id, None));
        Assert.Same(created, await _manager.DescribeKeyAsync(Home, created.Arn, None));
        Assert.Equal([new Tag("team", "sales")], _store.Tags[created.Arn]);
        Assert.Equal(string.Empty, (await Create("RSA_2048")).Description);
    }

    [Fact]
    public async Task The_private_key_is_stored_only_encrypted_and_matches_the_public_key()
    {
        var key = await Create("ECC_NIST_P384");

        var pkcs8 = _protector.Unprotect(key.EncryptedPrivateKey.Span);
        Assert.False(key.EncryptedPrivateKey.Span.IndexOf(pkcs8.AsSpan(^32..)) >= 0, "the stored bytes must not contain the key in the clear");
        using var privateKey = ECDsa.Create();
        privateKey.ImportPkcs8PrivateKey(pkcs8, out _);
        Assert.Equal(key.PublicKey.ToArray(), privateKey.ExportSubjectPublicKeyInfo());
    }

    [Theory]
    [MemberData(nameof(SpecAndAlgorithm))]
    public async Task Signatures_verify_through_Verify_and_with_the_public_key_alone(string spec, string algorithm)
    {
        var key = await Create(spec);

        var signed = await _manager.SignAsync(Home, key.Arn, Message, algorithm, None);

        Assert.Equal((key.Arn, algorithm), (signed.KeyArn, KeyWireNames.ToWire(signed.Algorithm)));
        var verified = await _manager.VerifyAsync(Home, Verify(key.Id, Message, signed.Signature, algorithm), None);
        Assert.Equal(key.Arn, verified.KeyArn);
        Assert.True(VerifyWithPublicKeyOnly(key, signed.Algorithm, Message, signed.Signature));
    }

    [Fact]
    public async Task An_RSA_4096_key_signs_and_verifies()
    {
        var key = await Create("RSA_4096");
        var signed = await _manager.SignAsync(Home, key.Id, Message, "RSASSA_PSS_SHA_512", None);
        Assert.Equal(512, signed.Signature.Length);
        Assert.True(VerifyWithPublicKeyOnly(key, SigningAlgorithm.RsassaPssSha512, Message, signed.Signature));
    }

    [Fact]
    public async Task A_digest_signature_equals_one_over_the_raw_message()
    {
        var key = await Create("ECC_NIST_P521");
        var digest = SHA512.HashData(Message);

        var signed = await _manager.SignAsync(Home, new SignCommand
        {
            KeyId = key.Id, Message = digest, SigningAlgorithm = "ECDSA_SHA_512", MessageType = SigningMessageType.Digest,
        }, None);

        await _manager.VerifyAsync(Home, Verify(key.Id, Message, signed.Signature, "ECDSA_SHA_512"), None);
        Assert.Equal(0x30, signed.Signature[0]);
    }

    [Fact]
    public async Task A_tampered_message_or_signature_is_KMSInvalidSignature_with_an_empty_message()
    {
        var key = await Create("RSA_2048");
        var signed = await _manager.SignAsync(Home, key.Id, Message, "RSASSA_PKCS1_V1_5_SHA_256", None);
        var tampered = (byte[])Message.Clone();
        tampered[0] ^= 1;

        var error = await Assert.ThrowsAsync<KMSInvalidSignatureException>(() =>
            _manager.VerifyAsync(Home, Verify(key.Id, tampered, signed.Signature, "RSASSA_PKCS1_V1_5_SHA_256"), None));
        Assert.Equal(string.Empty, error.Message);
        await Assert.ThrowsAsync<KMSInvalidSignatureException>(() =>
            _manager.VerifyAsync(Home, Verify(key.Id, Message, signed.Signature, "RSASSA_PSS_SHA_256"), None));
        await Assert.ThrowsAsync<KMSInvalidSignatureException>(() =>
            _manager.VerifyAsync(Home, Verify(key.Id, Message, [1, 2, 3], "RSASSA_PKCS1_V1_5_SHA_256"), None));
    }

    [Fact]
    public async Task A_garbled_ECDSA_signature_is_invalid_rather_than_a_fault()
    {
        var key = await Create("ECC_NIST_P256");
        await Assert.ThrowsAsync<KMSInvalidSignatureException>(() =>
            _manager.VerifyAsync(Home, Verify(key.Id, Message, [0x30, 0x02, 0xff], "ECDSA_SHA_256"), None));
    }

    [Fact]
    public async Task Wrong_algorithm_is_InvalidKeyUsage_and_is_checked_before_the_message()
    {
        var key = await Create("ECC_NIST_P256");
        var error = await Assert.ThrowsAsync<InvalidKeyUsageException>(() =>
            _manager.SignAsync(Home, new SignCommand { KeyId = key.Id, Message = new byte[5000], SigningAlgorithm = "ECDSA_SHA_384" }, None));
        Assert.Equal("Algorithm ECDSA_SHA_384 is incompatible with key spec ECC_NIST_P256.", error.Message);
    }

    [Fact]
    public async Task Unknown_and_other_accounts_keys_are_NotFound_with_the_KMS_message()
    {
        var theirs = await Create("ECC_NIST_P256", OtherAccount);
        var unknown = "0bd5c2a4-7f3e-4c1a-9d3b-2e8f6a1c0b9d";

        var error = await Assert.ThrowsAsync<NotFoundException>(() => _manager.DescribeKeyAsync(Home, unknown, None));
        Assert.Equal($"Key 'arn:aws:kms:us-east-1:111111111111:key/{unknown}' does not exist", error.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => _manager.DescribeKeyAsync(Home, theirs.Id, None));
        await Assert.ThrowsAsync<NotFoundException>(() => _manager.SignAsync(Home, theirs.Arn, Message, "ECDSA_SHA_256", None));
        await Assert.ThrowsAsync<NotFoundException>(() => _manager.GetPublicKeyAsync(new Scope("222222222222", "eu-west-1"), theirs.Id, None));
    }

    [Fact]
    public async Task DryRun_checks_everything_then_refuses_without_signing()
    {
        var key = await Create("ECC_NIST_P256");
        await Assert.ThrowsAsync<DryRunOperationException>(() =>
            _manager.SignAsync(Home, new SignCommand { KeyId = key.Id, Message = Message, SigningAlgorithm = "ECDSA_SHA_256", DryRun = true }, None));
        await Assert.ThrowsAsync<InvalidKeyUsageException>(() =>
            _manager.SignAsync(Home, new SignCommand { KeyId = key.Id, Message = Message, SigningAlgorithm = "ECDSA_SHA_512", DryRun = true }, None));
    }

    [Fact]
    public async Task Refused_requests_store_nothing_and_the_quota_is_LimitExceeded()
    {
        await Assert.ThrowsAsync<TagException>(() => Create("RSA_2048", tags: [new Tag("aws:x", "y")]));
        await Assert.ThrowsAsync<ValidationException>(() =>
            _manager.CreateKeyAsync(Home, new CreateSigningKeyCommand { KeySpec = "RSA_2048" }, None));
        Assert.Empty(_store.All);

        for (var i = 0; i < 3; i++)
        {
            await Create("ECC_NIST_P256");
        }

        await Assert.ThrowsAsync<LimitExceededException>(() => Create("ECC_NIST_P256"));
        await Create("ECC_NIST_P256", OtherAccount);
    }

    private Task<SigningKey> Create(string spec, Scope? scope = null, string? description = null, IReadOnlyList<Tag>? tags = null) =>
        _manager.CreateKeyAsync(scope ?? Home, new CreateSigningKeyCommand
        {
            KeySpec = spec, KeyUsage = "SIGN_VERIFY", Description = description, Tags = tags,
        }, None);

    private static VerifyCommand Verify(string keyId, byte[] message, byte[] signature, string algorithm) => new()
    {
        KeyId = keyId, Message = message, Signature = signature, SigningAlgorithm = algorithm,
    };

    private static bool VerifyWithPublicKeyOnly(SigningKey key, SigningAlgorithm algorithm, byte[] message, byte[] signature)
    {
        var hash = SigningAlgorithmRules.HashOf(algorithm);
        if (SigningKeyMaterial.IsRsa(key.Spec))
        {
            using var rsa = RSA.Create();
            rsa.ImportSubjectPublicKeyInfo(key.PublicKey.Span, out _);
            var padding = KeyWireNames.ToWire(algorithm).StartsWith("RSASSA_PSS", StringComparison.Ordinal) ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
            return rsa.VerifyData(message, signature, hash, padding);
        }

        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(key.PublicKey.Span, out _);
        return ecdsa.VerifyData(message, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
    }
}
