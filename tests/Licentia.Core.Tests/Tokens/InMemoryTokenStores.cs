using Licentia.Core;
using Licentia.Core.Paging;
using Licentia.Core.Sessions;
using Licentia.Core.Tokens;

namespace Licentia.Core.Tests.Tokens;

internal sealed class InMemoryTokenStore : ITokenStore
{
    private readonly List<LicenseToken> _tokens = [];

    public Task InsertAsync(LicenseToken token, CancellationToken ct)
    {
        _tokens.Add(token);
        return Task.CompletedTask;
    }

    public Task<LicenseToken?> FindAsync(Scope scope, string tokenId, CancellationToken ct) =>
        Task.FromResult(_tokens.FirstOrDefault(t => t.Scope == scope && t.TokenId == tokenId));

    public Task<bool> MarkDeletedAsync(Scope scope, string tokenId, DateTimeOffset at, CancellationToken ct)
    {
        var index = _tokens.FindIndex(t => t.Scope == scope && t.TokenId == tokenId && t.DeletedAt is null);
        if (index < 0)
        {
            return Task.FromResult(false);
        }

        _tokens[index] = _tokens[index] with { DeletedAt = at };
        return Task.FromResult(true);
    }

    public Task<Page<LicenseToken>> ListAsync(
        Scope scope, IReadOnlyList<string>? tokenIds, IReadOnlyList<string>? licenseArns, string? cursor, int limit, CancellationToken ct) =>
        Task.FromResult(new Page<LicenseToken>(
            [.. _tokens.Where(t => t.Scope == scope && (tokenIds is null || tokenIds.Contains(t.TokenId))
                && (licenseArns is null || licenseArns.Contains(t.LicenseArn))).Take(limit)], null));
}

internal sealed class InMemorySessionStore : ISessionStore
{
    private readonly Dictionary<string, SessionCredential> _sessions = [];

    public IReadOnlyCollection<SessionCredential> Sessions => _sessions.Values;

    public Task InsertAsync(SessionCredential session, CancellationToken ct)
    {
        _sessions.Add(session.AccessKeyId, session);
        return Task.CompletedTask;
    }

    public Task<SessionCredential?> FindAsync(string accessKeyId, CancellationToken ct) =>
        Task.FromResult(_sessions.GetValueOrDefault(accessKeyId));

    public Task<int> PurgeExpiredAsync(DateTimeOffset before, CancellationToken ct) =>
        Task.FromResult(_sessions.Values.Where(s => s.ExpiresAt < before).ToList().Count(s => _sessions.Remove(s.AccessKeyId)));
}

/// <summary>Lets tokens name any license: the license rule has its own tests (TokenLicenseAccessTests).</summary>
internal sealed class AnyLicense : ITokenLicenseAccess
{
    public static readonly AnyLicense Instance = new();

    public Task RequireAsync(Scope scope, string licenseArn, CancellationToken ct) => Task.CompletedTask;
}
