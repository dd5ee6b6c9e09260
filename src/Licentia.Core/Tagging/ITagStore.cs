namespace Licentia.Core.Tagging;

/// <summary>Tags of any resource, keyed by its ARN within a scope.</summary>
public interface ITagStore
{
    /// <summary>The resource's tags, ordered by key.</summary>
    Task<IReadOnlyList<Tag>> ListAsync(Scope scope, string resourceArn, CancellationToken ct);

    /// <summary>
    /// Adds or overwrites the given keys atomically, unless the resource would then carry more than
    /// <paramref name="maxTagsPerResource"/> tags: then nothing changes and it returns false.
    /// </summary>
    Task<bool> TryPutAsync(Scope scope, string resourceArn, IReadOnlyList<Tag> tags, int maxTagsPerResource, CancellationToken ct);

    /// <summary>Removes the given keys; keys the resource does not carry are ignored.</summary>
    Task RemoveAsync(Scope scope, string resourceArn, IReadOnlyList<string> keys, CancellationToken ct);
}
