namespace Licentia.Core.Inventory;

/// <summary>DescribeActivations' filters; a null list does not filter, several values match any of them.</summary>
public sealed record ActivationQuery
{
    public IReadOnlyList<string>? ActivationIds { get; init; }
    public IReadOnlyList<string>? DefaultInstanceNames { get; init; }
    public IReadOnlyList<string>? IamRoles { get; init; }
}

/// <summary>
/// DescribeInstanceInformation's filters, in store terms. Ping statuses are derived, so the query carries the
/// two instants that separate them: pinged at or after <see cref="OnlineSince"/> is Online, before
/// <see cref="ActiveSince"/> is Inactive, between is ConnectionLost.
/// </summary>
public sealed record InstanceQuery
{
    public IReadOnlyList<string>? InstanceIds { get; init; }
    public IReadOnlyList<string>? AgentVersions { get; init; }
    public IReadOnlyList<string>? PlatformTypes { get; init; }
    public IReadOnlyList<string>? ActivationIds { get; init; }
    public IReadOnlyList<string>? IamRoles { get; init; }
    public IReadOnlyList<PingStatus>? PingStatuses { get; init; }
    public DateTimeOffset OnlineSince { get; init; }
    public DateTimeOffset ActiveSince { get; init; }

    /// <summary>Tag conditions, all of which must hold (tag:&lt;key&gt; and tag-key filters).</summary>
    public IReadOnlyList<TagCondition> Tags { get; init; } = [];
}

/// <summary>
/// A tag a managed node must carry: with <see cref="Key"/> and one of <see cref="Values"/> (tag:&lt;key&gt;), or, when
/// <see cref="Key"/> is null, with any of <see cref="Values"/> as its key (tag-key).
/// </summary>
public sealed record TagCondition(string? Key, IReadOnlyList<string> Values)
{
    public bool Matches(IReadOnlyList<Tagging.Tag> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return Key is null
            ? tags.Any(t => Values.Contains(t.Key, StringComparer.Ordinal))
            : tags.Any(t => string.Equals(t.Key, Key, StringComparison.Ordinal) && Values.Contains(t.Value, StringComparer.Ordinal));
    }
}

/// <summary>A managed node's inventory items with the store's position after it, for a scan that stops mid-page.</summary>
public sealed record ScannedInventory(InstanceInventory Inventory, string Cursor);

/// <summary>What the store did with a registration.</summary>
public enum RegistrationOutcome
{
    Registered,
    UnknownActivation,
    Expired,
    LimitReached,
}

/// <summary>What the store did with PutInventory: the node was not found, a custom-type limit was hit, or how many items were written.</summary>
public sealed record PutInventoryOutcome(bool InstanceFound, bool CustomTypeLimitExceeded, int ItemsWritten, int ItemsUnchanged);

/// <summary>Who calls: an account principal (<see cref="InstanceId"/> null) or a registered server acting for itself.</summary>
public sealed record InventoryCaller(Scope Scope, string? InstanceId)
{
    public bool IsManagedInstance => InstanceId is not null;
}

/// <summary>One page of ListInventoryEntries.</summary>
public sealed record InventoryEntries(string InstanceId, string TypeName, InventoryItem? Item, IReadOnlyList<IReadOnlyDictionary<string, string>> Entries, string? NextCursor);

/// <summary>What an agent sends to register: the activation, its code and the host facts.</summary>
public sealed record RegisterCommand
{
    public required string Region { get; init; }
    public required string ActivationId { get; init; }
    public required string ActivationCode { get; init; }
    public HostFacts Facts { get; init; } = new();
}
