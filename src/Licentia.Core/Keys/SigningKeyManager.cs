using System.Security.Cryptography;
using Licentia.Core.Errors;
using Licentia.Core.Identifiers;
using Licentia.Core.Security;
using Licentia.Core.Tagging;

namespace Licentia.Core.Keys;

/// <summary>
/// The use cases of signing keys, one method per KMS operation, plus <see cref="SignAsync(Scope, string, ReadOnlyMemory{byte}, string, CancellationToken)"/>
/// and <see cref="GetPublicKeyAsync"/> for other core code (license tokens). Private keys never leave
/// this class in the clear: they are generated here, encrypted with <see cref="ISecretProtector"/>
/// before they reach the store, and decrypted only to sign.
/// </summary>
public sealed class SigningKeyManager
{
    private const string DryRunMessage = "The request would have succeeded, but the DryRun option is set.";

    private readonly ISigningKeyStore _store;
    private readonly ISecretProtector _protector;
    private readonly SigningKeyOptions _options;
    private readonly LicensingQuotas _quotas;
    private readonly TimeProvider _time;
    private readonly IRandomSource _random;
    private readonly PrivateKeyCache _cache;

    public SigningKeyManager(
        ISigningKeyStore store,
        ISecretProtector protector,
        SigningKeyOptions options,
        LicensingQuotas quotas,
        TimeProvider time,
        IRandomSource? random = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(quotas);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _protector = protector;
        _options = options;
        _quotas = quotas;
        _time = time;
        _random = random ?? CryptoRandomSource.Instance;
        _cache = new PrivateKeyCache(options.CachedPrivateKeys);
    }

    /// <summary>CreateKey: a new Enabled SIGN_VERIFY key with its tags; returns it.</summary>
    /// <exception cref="ValidationException">KeySpec and KeyUsage do not go together in KMS, or a member is too long.</exception>
    /// <exception cref="UnsupportedOperationException">A valid KMS key that Licentia does not create.</exception>
    /// <exception cref="TagException">A tag is not valid.</exception>
    /// <exception cref="LimitExceededException">Too many tags, or the scope holds the maximum number of keys.</exception>
    public async Task<SigningKey> CreateKeyAsync(Scope scope, CreateSigningKeyCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var spec = KeyCreationRules.Resolve(command);
        KeyCreationRules.ValidateDescription(command.Description);
        SigningKeyTagRules.Validate(command.Tags, _quotas.TagsPerResource);

        var (pkcs8, publicKey) = SigningKeyMaterial.Generate(spec);
        byte[] encrypted;
        try
        {
            encrypted = _protector.Protect(pkcs8);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }

        var id = SigningKeyArn.NewId(_random);
        var key = new SigningKey
        {
            Id = id,
            Arn = SigningKeyArn.Format(scope, id),
            AccountId = scope.AccountId,
            Region = scope.Region,
            Spec = spec,
            Description = command.Description ?? string.Empty,
            CreatedAt = _time.GetUtcNow(),
            PublicKey = publicKey,
            EncryptedPrivateKey = encrypted,
        };

        if (!await _store.TryInsertAsync(key, [.. command.Tags ?? []], _options.SigningKeysPerRegion, ct))
        {
            throw new LimitExceededException(
                $"This account already has {_options.SigningKeysPerRegion} KMS keys in {scope.Region}, the most allowed.");
        }

        return key;
    }

    /// <summary>DescribeKey: the key named by key id or key ARN.</summary>
    /// <exception cref="NotFoundException">No such key in this account and Region.</exception>
    public Task<SigningKey> DescribeKeyAsync(Scope scope, string keyIdOrArn, CancellationToken ct) => ResolveAsync(scope, keyIdOrArn, ct);

    /// <summary>GetPublicKey: the key, whose <see cref="SigningKey.PublicKey"/> is the DER SubjectPublicKeyInfo.</summary>
    /// <exception cref="NotFoundException">No such key in this account and Region.</exception>
    public Task<SigningKey> GetPublicKeyAsync(Scope scope, string keyIdOrArn, CancellationToken ct) => ResolveAsync(scope, keyIdOrArn, ct);

    /// <summary>Sign: signs the message (or digest) with the key's private key.</summary>
    /// <exception cref="NotFoundException">No such key in this account and Region.</exception>
    /// <exception cref="InvalidKeyUsageException">The algorithm is not one of the key's signing algorithms.</exception>
    /// <exception cref="ValidationException">The message is too long, or a digest has the wrong length.</exception>
    /// <exception cref="DryRunOperationException">Everything checked out, but DryRun was set.</exception>
    public async Task<SignatureResult> SignAsync(Scope scope, SignCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var key = await ResolveAsync(scope, command.KeyId, ct);
        var algorithm = SigningAlgorithmRules.Resolve(key.Spec, command.SigningAlgorithm);
        var digest = SigningAlgorithmRules.ToDigest(key.Spec, algorithm, command.Message.Span, command.MessageType);
        if (command.DryRun)
        {
            throw new DryRunOperationException(DryRunMessage);
        }

        var signature = SigningKeyMaterial.SignDigest(_cache.GetOrLoad(key, LoadPrivateKey), algorithm, digest);
        return new SignatureResult(key.Arn, signature, algorithm);
    }

    /// <summary>Signs a RAW message: for other core code, e.g. license tokens signed by key ARN.</summary>
    public Task<SignatureResult> SignAsync(Scope scope, string keyIdOrArn, ReadOnlyMemory<byte> message, string algorithm, CancellationToken ct) =>
        SignAsync(scope, new SignCommand { KeyId = keyIdOrArn, Message = message, SigningAlgorithm = algorithm }, ct);

    /// <summary>Verify: checks the signature against the message (or digest).</summary>
    /// <exception cref="KMSInvalidSignatureException">The signature is not valid; the message is empty, as in KMS.</exception>
    /// <exception cref="NotFoundException">No such key in this account and Region.</exception>
    /// <exception cref="InvalidKeyUsageException">The algorithm is not one of the key's signing algorithms.</exception>
    /// <exception cref="ValidationException">The message is too long, or a digest has the wrong length.</exception>
    /// <exception cref="DryRunOperationException">Everything checked out, but DryRun was set.</exception>
    public async Task<VerificationResult> VerifyAsync(Scope scope, VerifyCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var key = await ResolveAsync(scope, command.KeyId, ct);
        var algorithm = SigningAlgorithmRules.Resolve(key.Spec, command.SigningAlgorithm);
        var digest = SigningAlgorithmRules.ToDigest(key.Spec, algorithm, command.Message.Span, command.MessageType);
        if (command.DryRun)
        {
            throw new DryRunOperationException(DryRunMessage);
        }

        // KMS answers an invalid signature with this error and an empty message, never SignatureValid=false.
        return SigningKeyMaterial.VerifyDigest(_cache.GetOrLoad(key, LoadPrivateKey), algorithm, digest, command.Signature.Span)
            ? new VerificationResult(key.Arn, algorithm)
            : throw new KMSInvalidSignatureException(string.Empty);
    }

    private async Task<SigningKey> ResolveAsync(Scope scope, string keyIdOrArn, CancellationToken ct)
    {
        var id = KeyReference.Resolve(scope, keyIdOrArn);
        return await _store.FindAsync(scope, id, ct) ?? throw KeyReference.NotFound(SigningKeyArn.Format(scope, id));
    }

    private AsymmetricAlgorithm LoadPrivateKey(SigningKey key)
    {
        var pkcs8 = _protector.Unprotect(key.EncryptedPrivateKey.Span);
        try
        {
            return SigningKeyMaterial.ImportPrivateKey(key.Spec, pkcs8);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }
}
