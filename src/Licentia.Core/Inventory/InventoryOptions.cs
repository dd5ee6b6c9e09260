namespace Licentia.Core.Inventory;

/// <summary>Limits and clock rules of activations and inventory. Call <see cref="Validate"/> at start-up.</summary>
public sealed class InventoryOptions
{
    /// <summary>A node is Online while its last heartbeat is at most this old. The agent pings every 5 minutes by default.</summary>
    public TimeSpan OnlineWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A node that has not pinged for longer than this is Inactive (ConnectionLost before that).</summary>
    public TimeSpan InactiveAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Activations per account and Region.</summary>
    public int ActivationsPerRegion { get; set; } = 10_000;

    /// <summary>Distinct Custom: inventory types one managed node may carry (SSM: 20).</summary>
    public int CustomTypesPerInstance { get; set; } = 20;

    /// <summary>Largest inventory item (the sum of its attribute names and values, UTF-16 units).</summary>
    public int MaxItemCharacters { get; set; } = 2 * 1024 * 1024;

    public void Validate()
    {
        if (OnlineWindow <= TimeSpan.Zero || InactiveAfter <= OnlineWindow)
        {
            throw new InvalidOperationException(
                $"{nameof(InventoryOptions)}: {nameof(OnlineWindow)} must be positive and {nameof(InactiveAfter)} longer than it.");
        }

        if (ActivationsPerRegion < 1 || CustomTypesPerInstance < 1 || MaxItemCharacters < 1024)
        {
            throw new InvalidOperationException(
                $"{nameof(InventoryOptions)}: {nameof(ActivationsPerRegion)} and {nameof(CustomTypesPerInstance)} must be at least 1, {nameof(MaxItemCharacters)} at least 1024.");
        }
    }
}
