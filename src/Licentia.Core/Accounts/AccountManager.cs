using System.Text;
using Licentia.Core.Errors;
using Licentia.Core.Identifiers;
using Licentia.Core.Security;

namespace Licentia.Core.Accounts;

/// <summary>
/// Accounts and their access keys: creation with generated credentials, and the lookup that request
/// signing uses on every call.
/// </summary>
public sealed class AccountManager
{
    /// <summary>How long a resolved key is reused without asking the store.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);

    private const int CacheCapacity = 10_000;

    // Random 12-digit ids collide only in large installations; a few retries make that a non-event.
    private const int CreateAttempts = 5;

    private readonly IAccountStore _store;
    private readonly ISecretProtector _protector;
    private readonly TimeProvider _time;
    private readonly IRandomSource _random;
    private readonly AccessKeyCache _cache;

    public AccountManager(IAccountStore store, ISecretProtector protector, TimeProvider time, IRandomSource? random = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _protector = protector;
        _time = time;
        _random = random ?? CryptoRandomSource.Instance;
        _cache = new AccessKeyCache(time, CacheLifetime, CacheCapacity);
    }

    /// <summary>Creates an account with a random id and a first access key; returns the secret once.</summary>
    /// <exception cref="InvalidParameterValueException">The name is not valid.</exception>
    /// <exception cref="ConflictException">An account with this name exists already.</exception>
    public Task<NewAccount> CreateAsync(string name, CancellationToken ct) => CreateAsync(name, preset: null, ct);

    /// <summary>
    /// On an empty installation, creates the first account (with preset credentials where given) and
    /// returns it; otherwise returns null. Safe to call on every start and from several nodes at once.
    /// </summary>
    public async Task<NewAccount?> EnsureFirstAccountAsync(string name, FirstAccountPreset? preset, CancellationToken ct)
    {
        AccountNameRules.Validate(name);
        ValidatePreset(preset);
        if ((await _store.ListAsync(ct)).Count > 0)
        {
            return null;
        }

        try
        {
            return await CreateAsync(name, preset, ct);
        }
        catch (ConflictException)
        {
            // Another node created it between our check and our insert.
            return null;
        }
    }

    /// <summary>Issues a further access key to an existing account; returns the secret once.</summary>
    /// <exception cref="InvalidParameterValueException">The account does not exist.</exception>
    public async Task<NewAccessKey> CreateAccessKeyAsync(string accountId, CancellationToken ct)
    {
        if (!AccountCredentials.IsAccountId(accountId) || await _store.FindAsync(accountId, ct) is null)
        {
            throw new InvalidParameterValueException($"Account '{accountId}' does not exist.");
        }

        var accessKeyId = AccountCredentials.NewAccessKeyId(_random);
        var secret = AccountCredentials.NewSecretAccessKey(_random);
        await _store.AddAccessKeyAsync(ProtectedKey(accessKeyId, accountId, secret), ct);
        return new NewAccessKey(accountId, accessKeyId, secret);
    }

    /// <summary>The account and secret of an access key, or null if there is no such key.</summary>
    public async Task<ResolvedAccessKey?> ResolveAccessKeyAsync(string accessKeyId, CancellationToken ct)
    {
        if (!AccountCredentials.IsAccessKeyId(accessKeyId))
        {
            return null;
        }

        if (_cache.TryGet(accessKeyId, out var cached))
        {
            return cached;
        }

        var record = await _store.FindAccessKeyAsync(accessKeyId, ct);
        if (record is null)
        {
            return null;
        }

        var secret = Encoding.UTF8.GetString(_protector.Unprotect(record.EncryptedSecret));
        var resolved = new ResolvedAccessKey(record.AccountId, secret);
        _cache.Put(accessKeyId, resolved);
        return resolved;
    }

    /// <summary>Forgets a cached key, for when keys are revoked.</summary>
    public void Forget(string accessKeyId) => _cache.Remove(accessKeyId);

    private async Task<NewAccount> CreateAsync(string name, FirstAccountPreset? preset, CancellationToken ct)
    {
        AccountNameRules.Validate(name);
        ValidatePreset(preset);
        if (await _store.FindByNameAsync(name, ct) is not null)
        {
            throw NameTaken(name);
        }

        for (var attempt = 1; attempt <= CreateAttempts; attempt++)
        {
            var now = _time.GetUtcNow();
            var account = new Account(preset?.AccountId ?? AccountCredentials.NewAccountId(_random), name, now);
            var accessKeyId = preset?.AccessKeyId ?? AccountCredentials.NewAccessKeyId(_random);
            var secret = preset?.SecretAccessKey ?? AccountCredentials.NewSecretAccessKey(_random);
            if (await _store.TryCreateAsync(account, ProtectedKey(accessKeyId, account.AccountId, secret), ct))
            {
                return new NewAccount(account, accessKeyId, secret);
            }

            // The store refuses a taken id or a taken name alike; find out which.
            if (await _store.FindByNameAsync(name, ct) is not null)
            {
                throw NameTaken(name);
            }

            if (preset?.AccountId is not null)
            {
                throw new ConflictException($"Account id '{preset.AccountId}' is taken already.");
            }
        }

        throw new ServerInternalException($"No free account id was found in {CreateAttempts} attempts; try again.");
    }

    private AccessKeyRecord ProtectedKey(string accessKeyId, string accountId, string secret) =>
        new(accessKeyId, accountId, _protector.Protect(Encoding.UTF8.GetBytes(secret)), _time.GetUtcNow());

    private static void ValidatePreset(FirstAccountPreset? preset)
    {
        if (preset is null)
        {
            return;
        }

        if (preset.AccountId is not null && !AccountCredentials.IsAccountId(preset.AccountId))
        {
            throw new InvalidParameterValueException($"Preset account id '{preset.AccountId}' is not valid: it must be 12 digits.");
        }

        if (preset.AccessKeyId is not null && !AccountCredentials.IsAccessKeyId(preset.AccessKeyId))
        {
            throw new InvalidParameterValueException(
                $"Preset access key id '{preset.AccessKeyId}' is not valid: it must be 20 uppercase letters and digits starting with AKIA.");
        }

        if (preset.SecretAccessKey is not null && !AccountCredentials.IsSecretAccessKey(preset.SecretAccessKey))
        {
            throw new InvalidParameterValueException(
                "The preset secret access key is not valid: it must be 40 characters of letters, digits, '+' and '/'.");
        }
    }

    private static ConflictException NameTaken(string name) => new($"An account named '{name}' exists already; choose another name.");
}
