using Licentia.Core.Keys;
using Licentia.Core.Tagging;

namespace Licentia.Core.Tests.Keys;

/// <summary>The store contract in memory, for manager tests; the real engines are covered by the storage contract suite.</summary>
public sealed class InMemorySigningKeyStore : ISigningKeyStore
{
    private readonly Dictionary<(Scope, string), SigningKey> _keys = [];
    private readonly Lock _lock = new();

    public Dictionary<string, IReadOnlyList<Tag>> Tags { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<SigningKey> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _keys.Values];
            }
        }
    }

    public Task<bool> TryInsertAsync(SigningKey key, IReadOnlyList<Tag> tags, int maxPerScope, CancellationToken ct)
    {
        lock (_lock)
        {
            if (_keys.Keys.Count(k => k.Item1 == key.Scope) >= maxPerScope)
            {
                return Task.FromResult(false);
            }

            _keys.Add((key.Scope, key.Id), key);
            Tags[key.Arn] = [.. tags];
            return Task.FromResult(true);
        }
    }

    public Task<SigningKey?> FindAsync(Scope scope, string keyId, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_keys.GetValueOrDefault((scope, keyId)));
        }
    }
}
