using System.Collections.Concurrent;

namespace Licentia.Aws.Auth;

/// <summary>
/// Derived signing keys per (secret, date, region, service). Every request needs one and deriving
/// costs four HMACs, while a client reuses the same key all day. The cache is bounded: when full
/// it is emptied at once. Keys roll over daily anyway, so wholesale clearing costs at most one
/// re-derivation per active credential, and it avoids the bookkeeping and locking of an LRU.
/// </summary>
public sealed class SigningKeyCache
{
    public const int DefaultCapacity = 1024;

    private readonly ConcurrentDictionary<Entry, byte[]> _keys = new();
    private readonly int _capacity;

    public SigningKeyCache(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count => _keys.Count;

    public int Capacity => _capacity;

    /// <summary>The cached key (never to be modified), deriving and storing it on a miss.</summary>
    public ReadOnlyMemory<byte> GetOrDerive(string secretAccessKey, string date, string region, string service)
    {
        var entry = new Entry(secretAccessKey, date, region, service);
        if (_keys.TryGetValue(entry, out var key))
        {
            return key;
        }

        key = SigningKey.Derive(secretAccessKey, date, region, service);
        if (_keys.Count >= _capacity)
        {
            _keys.Clear();
        }

        _keys[entry] = key;
        return key;
    }

    private readonly record struct Entry(string Secret, string Date, string Region, string Service);
}
