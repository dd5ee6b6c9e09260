using System.Globalization;
using Licentia.Core.Inventory;

namespace Licentia.Core.Licensing;

/// <summary>
/// What licensing knows of a managed server (mi-…): whose it is, when its agent last reported, and its processors
/// as its AWS:InstanceDetailedInformation said (null until it has reported them).
/// </summary>
public sealed record LicensedServer(string Id, string AccountId, string Region, DateTimeOffset LastReportAt, ServerProcessors? Processors)
{
    public Scope Scope => new(AccountId, Region);

    public string Arn => ManagedInstanceIds.Arn(Scope, Id);
}

/// <summary>
/// A server's processors from AWS:InstanceDetailedInformation: CPUSockets, CPUCores (physical cores) and CPUs (logical
/// processors). A figure the agent did not report, or reported as something other than a positive whole number, is null.
/// </summary>
public sealed record ServerProcessors(int? Sockets, int? Cores, int? LogicalProcessors)
{
    public static ServerProcessors? FromInventory(IReadOnlyDictionary<string, string>? entry)
    {
        if (entry is null)
        {
            return null;
        }

        static int? Read(IReadOnlyDictionary<string, string> e, string name) =>
            e.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : null;
        return new ServerProcessors(Read(entry, "CPUSockets"), Read(entry, "CPUCores"), Read(entry, "CPUs"));
    }

    /// <summary>The first entry of an AWS:InstanceDetailedInformation item (the type holds one entry per server).</summary>
    public static ServerProcessors? FromItem(InventoryItem? item) =>
        item is { TypeName: InventoryTypes.InstanceDetailedInformation, Content.Count: > 0 } ? FromInventory(item.Content[0]) : null;
}
