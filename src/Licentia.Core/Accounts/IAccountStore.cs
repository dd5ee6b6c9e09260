namespace Licentia.Core.Accounts;

/// <summary>Accounts and their access keys. Accounts are global, not regional.</summary>
public interface IAccountStore
{
    /// <summary>Stores a new account with its first access key in one transaction. False if the id or name is taken.</summary>
    Task<bool> TryCreateAsync(Account account, AccessKeyRecord firstKey, CancellationToken ct);

    Task<Account?> FindAsync(string accountId, CancellationToken ct);

    Task<Account?> FindByNameAsync(string name, CancellationToken ct);

    /// <summary>All accounts, ordered by creation.</summary>
    Task<IReadOnlyList<Account>> ListAsync(CancellationToken ct);

    Task AddAccessKeyAsync(AccessKeyRecord key, CancellationToken ct);

    Task<AccessKeyRecord?> FindAccessKeyAsync(string accessKeyId, CancellationToken ct);
}
