using System.Collections.Concurrent;

namespace Licentia.Core.Accounts;

/// <summary>
/// Resolved access keys kept for a short time, so a signed request neither queries the store nor
/// decrypts the secret. Only keys that exist are cached: a key created a moment ago must work at once.
/// Bounded: when full it is cleared rather than tracked per entry, which is cheap and rare.
/// </summary>
internal sealed class AccessKeyCache(TimeProvider time, TimeSpan lifetime, int capacity)
{
    private readonly ConcurrentDictionary<string, (ResolvedAccessKey Key, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string accessKeyId, out ResolvedAccessKey? key)
    {
        if (_entries.TryGetValue(accessKeyId, out var entry) && entry.Expires > time.GetUtcNow())
        {
            key = entry.Key;
            return true;
        }

        key = null;
        return false;
    }

    public void Put(string accessKeyId, ResolvedAccessKey key)
    {
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        _entries[accessKeyId] = (key, time.GetUtcNow() + lifetime);
    }

    public void Remove(string accessKeyId) => _entries.TryRemove(accessKeyId, out _);
}
