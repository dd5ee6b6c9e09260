namespace Licentia.Core.Inventory;

/// <summary>One inventory type of one managed node, as last put: a list of entries of attribute name to value.</summary>
public sealed record InventoryItem
{
    public required string TypeName { get; init; }

    public required string SchemaVersion { get; init; }

    /// <summary>As the reporter wrote it: <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public required string CaptureTime { get; init; }

    /// <summary>The reporter's hash of the content, or Licentia's own (SHA-256) when none was given.</summary>
    public required string ContentHash { get; init; }

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Content { get; init; } = [];

    public IReadOnlyDictionary<string, string>? Context { get; init; }
}

/// <summary>A managed node with its stored inventory items, as GetInventory scans them.</summary>
public sealed record InstanceInventory(ManagedInstance Instance, IReadOnlyList<InventoryItem> Items);
