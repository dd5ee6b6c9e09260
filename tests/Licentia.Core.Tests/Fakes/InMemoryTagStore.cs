using Licentia.Core.Tagging;

namespace Licentia.Core.Tests.Fakes;

public sealed class InMemoryTagStore : ITagStore
{
    private readonly Dictionary<(Scope, string), SortedDictionary<string, string>> _tags = [];

    public int WriteCount { get; private set; }

    public Task<IReadOnlyList<Tag>> ListAsync(Scope scope, string resourceArn, CancellationToken ct)
    {
        IReadOnlyList<Tag> result = _tags.TryGetValue((scope, resourceArn), out var tags)
            ? tags.Select(t => new Tag(t.Key, t.Value)).ToList()
            : [];
        return Task.FromResult(result);
    }

    public Task<bool> TryPutAsync(Scope scope, string resourceArn, IReadOnlyList<Tag> tags, int maxTagsPerResource, CancellationToken ct)
    {
        var existing = _tags.TryGetValue((scope, resourceArn), out var current) ? current : new SortedDictionary<string, string>(StringComparer.Ordinal);
        var merged = new SortedDictionary<string, string>(existing, StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            merged[tag.Key] = tag.Value;
        }

        if (merged.Count > maxTagsPerResource)
        {
            return Task.FromResult(false);
        }

        WriteCount++;
        _tags[(scope, resourceArn)] = merged;
        return Task.FromResult(true);
    }

    public Task RemoveAsync(Scope scope, string resourceArn, IReadOnlyList<string> keys, CancellationToken ct)
    {
        WriteCount++;
        if (_tags.TryGetValue((scope, resourceArn), out var tags))
        {
            foreach (var key in keys)
            {
                tags.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    public void RemoveAll(Scope scope, string resourceArn) => _tags.Remove((scope, resourceArn));
}
