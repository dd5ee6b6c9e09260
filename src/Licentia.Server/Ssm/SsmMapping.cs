using Licentia.Core.Inventory;
using Dto = Licentia.Aws.Ssm;

namespace Licentia.Server.Ssm;

/// <summary>Between the generated SSM shapes and the core's inventory types; no rules here.</summary>
internal static class SsmMapping
{
    public static Dto.Activation ToWire(Activation activation, DateTimeOffset now) => new()
    {
        ActivationId = activation.Id,
        Description = activation.Description,
        DefaultInstanceName = activation.DefaultInstanceName,
        IamRole = activation.IamRole,
        RegistrationLimit = activation.RegistrationLimit,
        RegistrationsCount = activation.RegistrationsCount,
        ExpirationDate = activation.ExpiresAt,
        Expired = activation.IsExpired(now),
        CreatedDate = activation.CreatedAt,
        Tags = [.. activation.Tags.Select(t => new Dto.Tag { Key = t.Key, Value = t.Value })],
    };

    public static Dto.InstanceInformation ToWire(ManagedInstance instance, DateTimeOffset now, InventoryOptions options) => new()
    {
        InstanceId = instance.Id,
        PingStatus = PingStatusRules.ToWire(instance.PingStatus(now, options)),
        LastPingDateTime = instance.LastPingAt,
        AgentVersion = Empty(instance.Facts.AgentVersion),
        IsLatestVersion = instance.Facts.AgentVersion.Length > 0 ? true : null,
        PlatformType = Empty(instance.Facts.PlatformType),
        PlatformName = Empty(instance.Facts.PlatformName),
        PlatformVersion = Empty(instance.Facts.PlatformVersion),
        ActivationId = instance.ActivationId,
        IamRole = instance.IamRole,
        RegistrationDate = instance.RegisteredAt,
        ResourceType = "ManagedInstance",
        Name = Empty(instance.Name),
        IPAddress = Empty(instance.Facts.IpAddress),
        ComputerName = Empty(instance.Facts.ComputerName),
        SourceId = instance.Id,
        SourceType = "AWS::SSM::ManagedInstance",
    };

    public static InventoryItem FromWire(Dto.InventoryItem item) => new()
    {
        TypeName = item.TypeName!,
        SchemaVersion = item.SchemaVersion!,
        CaptureTime = item.CaptureTime!,
        ContentHash = item.ContentHash ?? string.Empty,
        Content = [.. (item.Content ?? []).Select(e => (IReadOnlyDictionary<string, string>)e)],
        Context = item.Context,
    };

    public static Dto.InventoryResultEntity ToWire(InstanceInventory inventory) => new()
    {
        Id = inventory.Instance.Id,
        Data = inventory.Items.ToDictionary(i => i.TypeName, i => new Dto.InventoryResultItem
        {
            TypeName = i.TypeName,
            SchemaVersion = i.SchemaVersion,
            CaptureTime = i.CaptureTime,
            ContentHash = i.ContentHash,
            Content = [.. i.Content.Select(e => new Dictionary<string, string>(e))],
        }),
    };

    public static WireAggregator FromWire(Dto.InventoryAggregator aggregator) => new(
        aggregator.Expression,
        aggregator.Aggregators?.Select(FromWire).ToList(),
        aggregator.Groups?.Select(g => new WireInventoryGroup(
            g.Name, g.Filters?.Select(f => new WireInventoryFilter(f.Key, f.Type, f.Values)).ToList())).ToList());

    /// <summary>One aggregator's results as one entity, each result under its key (a type name or a group name).</summary>
    public static Dto.InventoryResultEntity ToWire(IReadOnlyList<InventoryAggregate> results) => new()
    {
        Data = results.ToDictionary(r => r.Key, r => new Dto.InventoryResultItem
        {
            TypeName = r.TypeName,
            SchemaVersion = r.SchemaVersion,
            Content = [.. r.Content.Select(e => new Dictionary<string, string>(e))],
        }),
    };

    /// <summary>Inventory filters; for ListInventoryEntries a bare attribute name is taken as an attribute of <paramref name="typeName"/>.</summary>
    public static List<InventoryFilter> Filters(List<Dto.InventoryFilter>? filters, string? typeName = null) =>
        [.. (filters ?? []).Select(f => InventoryFilter.Parse(
            typeName is not null && f.Key is { } key && !key.Contains(':', StringComparison.Ordinal) ? typeName + "." + key : f.Key,
            f.Type, f.Values))];

    private static string? Empty(string text) => text.Length == 0 ? null : text;
}
