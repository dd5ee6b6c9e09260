using Licentia.Core.Tagging;

namespace Licentia.Core.Keys;

/// <summary>Persistence of signing keys. Every call is scoped; each method is one transaction.</summary>
public interface ISigningKeyStore
{
    /// <summary>
    /// Stores a new key and its tags atomically, unless the scope already holds
    /// <paramref name="maxPerScope"/> keys: then nothing is stored and it returns false. The count and
    /// the insert are serialized so concurrent creators cannot pass the quota.
    /// </summary>
    Task<bool> TryInsertAsync(SigningKey key, IReadOnlyList<Tag> tags, int maxPerScope, CancellationToken ct);

    /// <summary>The key with this id in the scope, or null.</summary>
    Task<SigningKey?> FindAsync(Scope scope, string keyId, CancellationToken ct);
}
