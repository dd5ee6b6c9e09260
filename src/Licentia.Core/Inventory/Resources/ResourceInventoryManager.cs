using Licentia.Core.Errors;
using Licentia.Core.Paging;

namespace Licentia.Core.Inventory.Resources;

/// <summary>ListResourceInventory: validates the filters and pages through the scope's resources.</summary>
public sealed class ResourceInventoryManager(IResourceInventoryStore store, LicensingQuotas quotas)
{
    /// <summary>How many filters one request may carry (FilterLimitExceededException beyond).</summary>
    public const int MaxFilters = 25;

    /// <summary>Candidates examined per table and page at most, where no index narrows them; bounds a page's work.</summary>
    public const int ScanLimit = 10_000;

    public Task<Page<InventoryResource>> ListResourceInventoryAsync(
        Scope scope, IReadOnlyList<(string? Name, string? Condition, string? Value)>? filters, int? maxResults, string? after, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(quotas);
        if (filters is { Count: > MaxFilters })
        {
            throw new FilterLimitExceededException($"A request may carry at most {MaxFilters} filters.");
        }

        if (maxResults is < 1)
        {
            throw new InvalidParameterValueException("MaxResults must be at least 1.");
        }

        var query = new ResourceInventoryQuery([.. (filters ?? []).Select(f => ResourceInventoryFilter.Parse(f.Name, f.Condition, f.Value))]);
        var limit = Math.Min(maxResults ?? quotas.DefaultPageSize, quotas.MaxPageSize);
        return store.ListResourcesAsync(scope, query, after, limit, ScanLimit, ct);
    }
}
