using Licentia.Core.Inventory.Errors;

namespace Licentia.Core.Inventory;

/// <summary>A filter as it comes off the wire: a key and its values.</summary>
public sealed record WireFilter(string? Key, IReadOnlyList<string>? Values);

/// <summary>Turns the filters of DescribeActivations and DescribeInstanceInformation into store queries, with SSM's errors.</summary>
public static class InventoryQueries
{
    private const string TagPrefix = "tag:";
    private const string TagKeyFilter = "tag-key";

    private static readonly string[] InstanceKeys =
        ["InstanceIds", "AgentVersion", "PingStatus", "PlatformTypes", "ActivationIds", "IamRole", "ResourceType", "AssociationStatus"];

    /// <summary>DescribeActivations: ActivationIds, DefaultInstanceName, IamRole; filters on one key add up.</summary>
    /// <exception cref="InvalidFilter">A filter without a key, or with an unknown one.</exception>
    public static ActivationQuery Activations(IReadOnlyList<WireFilter>? filters)
    {
        var query = new ActivationQuery();
        foreach (var filter in filters ?? [])
        {
            var values = filter.Values ?? [];
            query = filter.Key switch
            {
                "ActivationIds" => query with { ActivationIds = [.. query.ActivationIds ?? [], .. values] },
                "DefaultInstanceName" => query with { DefaultInstanceNames = [.. query.DefaultInstanceNames ?? [], .. values] },
                "IamRole" => query with { IamRoles = [.. query.IamRoles ?? [], .. values] },
                _ => throw new InvalidFilter($"The filter key '{filter.Key}' is not valid: use ActivationIds, DefaultInstanceName or IamRole."),
            };
        }

        return query;
    }

    /// <summary>
    /// DescribeInstanceInformation: the InstanceInformationFilterList and the Filters list take the same keys and all
    /// must match. Licentia's nodes are all of ResourceType ManagedInstance and have no associations.
    /// </summary>
    /// <exception cref="InvalidFilterKey">A key of Filters that is not one of the filter keys, tag:&lt;key&gt; or tag-key.</exception>
    /// <exception cref="InvalidInstanceInformationFilterValue">A PingStatus, PlatformTypes or ResourceType value that is not one of the model's.</exception>
    /// <exception cref="InvalidInstanceId">An instance id that is not well-formed.</exception>
    public static InstanceQuery Instances(IReadOnlyList<WireFilter>? filterList, IReadOnlyList<WireFilter>? filters)
    {
        var query = new InstanceQuery();
        foreach (var filter in (filterList ?? []).Concat(filters ?? []))
        {
            if (TagCondition(filter) is { } tag)
            {
                query = query with { Tags = [.. query.Tags, tag] };
                continue;
            }

            if (filter.Key is null || !InstanceKeys.Contains(filter.Key, StringComparer.Ordinal))
            {
                throw new InvalidFilterKey($"The filter key '{filter.Key}' is not valid: use one of {string.Join(", ", InstanceKeys)}.");
            }

            var values = filter.Values ?? [];
            if (values.Count == 0)
            {
                throw new InvalidInstanceInformationFilterValue($"The filter '{filter.Key}' needs at least one value.");
            }

            query = filter.Key switch
            {
                "InstanceIds" => query with { InstanceIds = Intersect(query.InstanceIds, InstanceIds(values)) },
                "AgentVersion" => query with { AgentVersions = Intersect(query.AgentVersions, values) },
                "PingStatus" => query with { PingStatuses = IntersectStatuses(query.PingStatuses, PingStatuses(values)) },
                "PlatformTypes" => query with { PlatformTypes = Intersect(query.PlatformTypes, PlatformTypes(values)) },
                "ActivationIds" => query with { ActivationIds = Intersect(query.ActivationIds, values) },
                "IamRole" => query with { IamRoles = Intersect(query.IamRoles, values) },
                "ResourceType" => ResourceTypes(values).Contains("ManagedInstance") ? query : query with { InstanceIds = [] },
                _ => query with { InstanceIds = [] },
            };
        }

        return query;
    }

    // tag:<key> takes the tag's values; tag-key takes tag keys. Both only in Filters, whose keys are free text.
    private static TagCondition? TagCondition(WireFilter filter)
    {
        var isTagKey = filter.Key == TagKeyFilter;
        if (!isTagKey && filter.Key?.StartsWith(TagPrefix, StringComparison.Ordinal) != true)
        {
            return null;
        }

        if (!isTagKey && filter.Key!.Length == TagPrefix.Length)
        {
            throw new InvalidFilterKey($"The filter key '{filter.Key}' names no tag: write tag:<key>, e.g. tag:Environment.");
        }

        var values = filter.Values ?? [];
        return values.Count == 0
            ? throw new InvalidInstanceInformationFilterValue($"The filter '{filter.Key}' needs at least one value.")
            : new TagCondition(isTagKey ? null : filter.Key![TagPrefix.Length..], [.. values]);
    }

    private static string[] InstanceIds(IReadOnlyList<string> values) =>
        values.FirstOrDefault(v => !ManagedInstanceIds.IsInstanceId(v) && !IsEc2InstanceId(v)) is { } bad
            ? throw new InvalidInstanceId($"Instance id '{bad}' is not valid.")
            : [.. values];

    private static PingStatus[] PingStatuses(IReadOnlyList<string> values) =>
        [.. values.Select(v => PingStatusRules.TryParse(v, out var status)
            ? status
            : throw new InvalidInstanceInformationFilterValue($"PingStatus '{v}' is not valid: use Online, ConnectionLost or Inactive."))];

    private static string[] PlatformTypes(IReadOnlyList<string> values) =>
        values.FirstOrDefault(v => v is not ("Linux" or "Windows" or "MacOS")) is { } bad
            ? throw new InvalidInstanceInformationFilterValue($"PlatformTypes value '{bad}' is not valid: use Linux, Windows or MacOS.")
            : [.. values];

    private static string[] ResourceTypes(IReadOnlyList<string> values) =>
        values.FirstOrDefault(v => v is not ("ManagedInstance" or "EC2Instance")) is { } bad
            ? throw new InvalidInstanceInformationFilterValue($"ResourceType value '{bad}' is not valid: use ManagedInstance or EC2Instance.")
            : [.. values];

    // EC2 instance ids are well-formed here too; Licentia's inventory has none of them, so they match nothing.
    private static bool IsEc2InstanceId(string text) =>
        text.StartsWith("i-", StringComparison.Ordinal) && text.Length is 10 or 19 && text.AsSpan(2).IndexOfAnyExcept(WordCharacters) < 0;

    private static readonly System.Buffers.SearchValues<char> WordCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    private static string[] Intersect(IReadOnlyList<string>? current, IReadOnlyList<string> values) =>
        current is null ? [.. values] : [.. current.Where(values.Contains)];

    private static PingStatus[] IntersectStatuses(IReadOnlyList<PingStatus>? current, PingStatus[] values) =>
        current is null ? values : [.. current.Where(values.Contains)];
}
