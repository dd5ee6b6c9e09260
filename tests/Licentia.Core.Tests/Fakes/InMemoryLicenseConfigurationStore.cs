using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Paging;
using Licentia.Core.Tagging;

namespace Licentia.Core.Tests.Fakes;

/// <summary>
/// A store with the contract's semantics, plus hooks: <see cref="ConcurrentWritersToSimulate"/> makes
/// the next updates lose to a simulated concurrent writer.
/// </summary>
public sealed class InMemoryLicenseConfigurationStore(InMemoryTagStore tags) : ILicenseConfigurationStore
{
    private readonly List<LicenseConfiguration> _items = [];

    public InMemoryLicenseConfigurationStore()
        : this(new InMemoryTagStore())
    {
    }

    public InMemoryTagStore Tags { get; } = tags;

    public int WriteCount { get; private set; }

    public int UpdateAttempts { get; private set; }

    /// <summary>How many of the next TryUpdateAsync calls find the row changed by someone else.</summary>
    public int ConcurrentWritersToSimulate { get; set; }

    public IReadOnlyList<LicenseConfiguration> All => _items;

    /// <summary>Puts back a copy taken from <see cref="All"/> (a rolled-back transaction of the in-memory licensing store).</summary>
    public void ReplaceAll(IEnumerable<LicenseConfiguration> items)
    {
        var copy = items.ToList();
        _items.Clear();
        _items.AddRange(copy);
    }

    public async Task<bool> TryInsertAsync(LicenseConfiguration configuration, IReadOnlyList<Tag> tags, int maxPerScope, CancellationToken ct)
    {
        if (_items.Count(c => c.Scope == configuration.Scope) >= maxPerScope)
        {
            return false;
        }

        WriteCount++;
        _items.Add(configuration);
        if (tags.Count > 0)
        {
            await Tags.TryPutAsync(configuration.Scope, configuration.Arn, tags, int.MaxValue, ct);
        }

        return true;
    }

    public Task<LicenseConfiguration?> FindAsync(Scope scope, string id, CancellationToken ct) =>
        Task.FromResult(_items.FirstOrDefault(c => c.Scope == scope && c.Id == id));

    public Task<Page<LicenseConfiguration>> ListAsync(Scope scope, LicenseConfigurationQuery query, CancellationToken ct)
    {
        var matching = _items
            .Where(c => c.Scope == scope)
            .Where(c => query.Ids is null || query.Ids.Contains(c.Id))
            .Where(c => query.CountingTypes is null || query.CountingTypes.Contains(c.CountingType))
            .Where(c => query.HardLimit is null || c.LicenseCountHardLimit == query.HardLimit)
            .Where(c => query.UsageLimitExceeded is null || c.UsageLimitExceeded == query.UsageLimitExceeded)
            .ToList();
        var start = query.After is null ? 0 : matching.FindIndex(c => c.Id == query.After) + 1;
        var page = matching.Skip(start).Take(query.Limit).ToList();
        var next = start + page.Count < matching.Count ? page[^1].Id : null;
        return Task.FromResult(new Page<LicenseConfiguration>(page, next));
    }

    public Task<bool> TryUpdateAsync(LicenseConfiguration configuration, long expectedVersion, CancellationToken ct)
    {
        UpdateAttempts++;
        var index = _items.FindIndex(c => c.Scope == configuration.Scope && c.Id == configuration.Id);
        if (index < 0)
        {
            return Task.FromResult(false);
        }

        if (ConcurrentWritersToSimulate > 0)
        {
            ConcurrentWritersToSimulate--;
            var other = _items[index];
            _items[index] = other with { Description = $"changed by writer {other.Version + 1}", Version = other.Version + 1 };
        }

        if (_items[index].Version != expectedVersion)
        {
            return Task.FromResult(false);
        }

        WriteCount++;
        _items[index] = configuration with { Version = expectedVersion + 1 };
        return Task.FromResult(true);
    }

    public Task<bool> DeleteAsync(Scope scope, string id, CancellationToken ct)
    {
        var index = _items.FindIndex(c => c.Scope == scope && c.Id == id);
        if (index < 0)
        {
            return Task.FromResult(false);
        }

        WriteCount++;
        Tags.RemoveAll(scope, _items[index].Arn);
        _items.RemoveAt(index);
        return Task.FromResult(true);
    }
}
