namespace Licentia.Core.Keys;

/// <summary>
/// An asymmetric KMS key with KeyUsage SIGN_VERIFY, as stored. The private key is never held here in
/// the clear: <see cref="EncryptedPrivateKey"/> is its PKCS#8 encoding protected by the server's
/// <see cref="Security.ISecretProtector"/>. Keys are created Enabled and nothing changes them yet, so
/// the record is immutable and has no version.
/// </summary>
public sealed record SigningKey
{
    /// <summary>The key id: a lowercase UUID (8-4-4-4-12 hex).</summary>
    public required string Id { get; init; }

    /// <summary><c>arn:aws:kms:&lt;region&gt;:&lt;account&gt;:key/&lt;id&gt;</c></summary>
    public required string Arn { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required SigningKeySpec Spec { get; init; }

    /// <summary>Empty when none was given: KMS returns "" rather than leaving Description out.</summary>
    public string Description { get; init; } = string.Empty;

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The public key as DER-encoded X.509 SubjectPublicKeyInfo, what GetPublicKey returns.</summary>
    public required ReadOnlyMemory<byte> PublicKey { get; init; }

    /// <summary>The PKCS#8 private key, encrypted at rest (AES-GCM under the master key).</summary>
    public required ReadOnlyMemory<byte> EncryptedPrivateKey { get; init; }

    public Scope Scope => new(AccountId, Region);

    /// <summary>The signing algorithms this key can use, in the order KMS lists them.</summary>
    public IReadOnlyList<SigningAlgorithm> SigningAlgorithms => SigningAlgorithmRules.For(Spec);
}
