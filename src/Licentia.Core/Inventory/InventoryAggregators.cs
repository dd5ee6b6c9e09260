using Licentia.Core.Inventory.Errors;

namespace Licentia.Core.Inventory;

/// <summary>A GetInventory aggregator as it comes off the wire.</summary>
public sealed record WireAggregator(string? Expression, IReadOnlyList<WireAggregator>? Aggregators, IReadOnlyList<WireInventoryGroup>? Groups);

/// <summary>A GetInventory group as it comes off the wire.</summary>
public sealed record WireInventoryGroup(string? Name, IReadOnlyList<WireInventoryFilter>? Filters);

/// <summary>An inventory filter as it comes off the wire: key, operator and values.</summary>
public sealed record WireInventoryFilter(string? Key, string? Type, IReadOnlyList<string>? Values);

/// <summary>One attribute an expression aggregator counts by: <c>TypeName.Attribute</c>.</summary>
public sealed record AggregationStep(string TypeName, string Attribute);

/// <summary>A parsed top-level aggregator: counts by attribute values, or counts of nodes in and out of groups.</summary>
public abstract record InventoryAggregator;

/// <summary>
/// An expression with its nested aggregators, flattened into paths from the root to each leaf: Name with nested Version
/// counts nodes per (Name, Version). Results are reported under <see cref="TypeName"/>, the root's type.
/// </summary>
public sealed record ExpressionAggregator(string TypeName, IReadOnlyList<IReadOnlyList<AggregationStep>> Paths) : InventoryAggregator;

/// <summary>Groups: for each, how many nodes match all its filters and how many do not.</summary>
public sealed record GroupAggregator(IReadOnlyList<InventoryGroup> Groups) : InventoryAggregator;

/// <summary>A named group; a node is in it when every filter holds.</summary>
public sealed record InventoryGroup(string Name, IReadOnlyList<InventoryGroupFilter> Filters)
{
    public bool Contains(IReadOnlyList<InventoryItem> items) => Filters.All(f => f.Matches(items));
}

/// <summary>
/// A group filter: either on an attribute (<c>TypeName.Attribute</c>, as GetInventory's filters), or on the
/// pseudo-key <c>TypeName</c>, which asks whether the node reports any of the named inventory types
/// (Exists and Equal: reports one of them; NotEqual: reports none).
/// </summary>
public sealed record InventoryGroupFilter(InventoryFilter? Attribute, IReadOnlyList<string> TypeNames, bool Negated)
{
    public bool Matches(IReadOnlyList<InventoryItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (Attribute is not null)
        {
            return Attribute.Matches(items);
        }

        var reports = items.Any(i => TypeNames.Contains(i.TypeName, StringComparer.Ordinal));
        return Negated ? !reports : reports;
    }
}

/// <summary>Parses GetInventory's Aggregators with SSM's errors.</summary>
public static class InventoryAggregators
{
    private const string TypeNameKey = "TypeName";

    /// <exception cref="InvalidAggregatorException">An aggregator with neither or both of Expression and Groups, an expression that is not
    /// TypeName.Attribute of a known type, or groups nested under an expression.</exception>
    /// <exception cref="InvalidInventoryGroupException">A group without a name or filters, a repeated name, or a filter that is not valid.</exception>
    public static IReadOnlyList<InventoryAggregator> Parse(IReadOnlyList<WireAggregator> aggregators)
    {
        ArgumentNullException.ThrowIfNull(aggregators);
        return [.. aggregators.Select(ParseTopLevel)];
    }

    private static InventoryAggregator ParseTopLevel(WireAggregator aggregator)
    {
        var hasGroups = aggregator.Groups is { Count: > 0 };
        if (aggregator.Expression is null && !hasGroups)
        {
            throw new InvalidAggregatorException("An aggregator needs an Expression (TypeName.Attribute, e.g. AWS:Application.Name) or Groups.");
        }

        if (aggregator.Expression is not null && hasGroups)
        {
            throw new InvalidAggregatorException(
                $"The aggregator '{aggregator.Expression}' has both an Expression and Groups; give them as two aggregators.");
        }

        if (hasGroups)
        {
            if (aggregator.Aggregators is { Count: > 0 })
            {
                throw new InvalidAggregatorException("An aggregator with Groups takes no nested Aggregators: groups count nodes, not attribute values.");
            }

            return new GroupAggregator(ParseGroups(aggregator.Groups!));
        }

        var paths = Paths(aggregator);
        return new ExpressionAggregator(paths[0][0].TypeName, paths);
    }

    private static List<IReadOnlyList<AggregationStep>> Paths(WireAggregator aggregator)
    {
        if (aggregator.Groups is { Count: > 0 })
        {
            throw new InvalidAggregatorException($"Groups cannot be nested under the expression aggregator; give them as a top-level aggregator.");
        }

        var step = Step(aggregator.Expression);
        var nested = aggregator.Aggregators ?? [];
        if (nested.Count == 0)
        {
            return [[step]];
        }

        return [.. nested.SelectMany(Paths).Select(p => (IReadOnlyList<AggregationStep>)[step, .. p])];
    }

    private static AggregationStep Step(string? expression)
    {
        var dot = expression?.LastIndexOf('.') ?? -1;
        if (expression is null || dot <= 0 || dot == expression.Length - 1)
        {
            throw new InvalidAggregatorException(
                $"The aggregator expression '{expression}' is not valid: write it as TypeName.Attribute, e.g. AWS:InstanceInformation.PlatformType.");
        }

        var typeName = expression[..dot];
        var attribute = expression[(dot + 1)..];
        if (!InventoryTypes.IsKnown(typeName))
        {
            throw new InvalidAggregatorException($"The aggregator expression '{expression}' names an unknown inventory type '{typeName}'.");
        }

        if (InventoryTypes.AttributesOf(typeName) is { } attributes && !attributes.Contains(attribute))
        {
            throw new InvalidAggregatorException(
                $"The aggregator expression '{expression}' names no attribute of {typeName}: use one of {string.Join(", ", attributes.Order(StringComparer.Ordinal))}.");
        }

        return new AggregationStep(typeName, attribute);
    }

    private static List<InventoryGroup> ParseGroups(IReadOnlyList<WireInventoryGroup> groups)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var parsed = new List<InventoryGroup>();
        foreach (var group in groups)
        {
            if (string.IsNullOrEmpty(group.Name))
            {
                throw new InvalidInventoryGroupException("Every group needs a Name.");
            }

            if (!names.Add(group.Name))
            {
                throw new InvalidInventoryGroupException($"The group name '{group.Name}' is used twice; group names must differ.");
            }

            if (group.Filters is not { Count: > 0 })
            {
                throw new InvalidInventoryGroupException($"The group '{group.Name}' needs at least one filter.");
            }

            parsed.Add(new InventoryGroup(group.Name, [.. group.Filters.Select(f => ParseGroupFilter(group.Name, f))]));
        }

        return parsed;
    }

    private static InventoryGroupFilter ParseGroupFilter(string group, WireInventoryFilter filter)
    {
        if (filter.Key != TypeNameKey)
        {
            try
            {
                return new InventoryGroupFilter(InventoryFilter.Parse(filter.Key, filter.Type, filter.Values), [], Negated: false);
            }
            catch (InvalidFilter invalid)
            {
                throw new InvalidInventoryGroupException($"Group '{group}': {invalid.Message}", invalid);
            }
        }

        if (filter.Values is not { Count: > 0 } || filter.Values.Any(string.IsNullOrEmpty))
        {
            throw new InvalidInventoryGroupException($"Group '{group}': the TypeName filter needs one or more inventory type names as values.");
        }

        return filter.Type switch
        {
            null or "Exists" or "Equal" => new InventoryGroupFilter(null, filter.Values, Negated: false),
            "NotEqual" => new InventoryGroupFilter(null, filter.Values, Negated: true),
            _ => throw new InvalidInventoryGroupException(
                $"Group '{group}': the TypeName filter takes the operator Exists, Equal or NotEqual, not '{filter.Type}'."),
        };
    }
}
