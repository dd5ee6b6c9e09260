using Licentia.Core.Accounts;

namespace Licentia.Core.Tests.Fakes;

public sealed class InMemoryAccountStore : IAccountStore
{
    private readonly List<Account> _accounts = [];
    private readonly Dictionary<string, AccessKeyRecord> _keys = new(StringComparer.Ordinal);

    public int AccessKeyLookups { get; private set; }

    public int CreateAttempts { get; private set; }

    public IReadOnlyCollection<AccessKeyRecord> Keys => _keys.Values;

    public Task<bool> TryCreateAsync(Account account, AccessKeyRecord firstKey, CancellationToken ct)
    {
        CreateAttempts++;
        if (_accounts.Any(a => a.AccountId == account.AccountId || a.Name == account.Name))
        {
            return Task.FromResult(false);
        }

        _accounts.Add(account);
        _keys.Add(firstKey.AccessKeyId, firstKey);
        return Task.FromResult(true);
    }

    public Task<Account?> FindAsync(string accountId, CancellationToken ct) =>
        Task.FromResult(_accounts.FirstOrDefault(a => a.AccountId == accountId));

    public Task<Account?> FindByNameAsync(string name, CancellationToken ct) =>
        Task.FromResult(_accounts.FirstOrDefault(a => a.Name == name));

    public Task<IReadOnlyList<Account>> ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<Account>>([.. _accounts]);

    public Task AddAccessKeyAsync(AccessKeyRecord key, CancellationToken ct)
    {
        _keys.Add(key.AccessKeyId, key);
        return Task.CompletedTask;
    }

    public Task<AccessKeyRecord?> FindAccessKeyAsync(string accessKeyId, CancellationToken ct)
    {
        AccessKeyLookups++;
        return Task.FromResult(_keys.GetValueOrDefault(accessKeyId));
    }
}
