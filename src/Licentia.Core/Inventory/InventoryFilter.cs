using System.Globalization;
using Licentia.Core.Inventory.Errors;

namespace Licentia.Core.Inventory;

/// <summary>The operators of SSM inventory filters.</summary>
public enum InventoryFilterType
{
    Equal,
    NotEqual,
    BeginWith,
    LessThan,
    GreaterThan,
    Exists,
}

/// <summary>
/// One inventory filter: <c>TypeName.Attribute</c>, an operator and values. An entry matches when its attribute
/// satisfies the operator for any of the values (NotEqual: the attribute is present and equals none of them;
/// Exists: the attribute is present). LessThan and GreaterThan compare numerically when both sides are numbers,
/// otherwise ordinally, and take exactly one value.
/// </summary>
public sealed record InventoryFilter(string TypeName, string Attribute, InventoryFilterType Type, IReadOnlyList<string> Values)
{
    /// <summary>Parses a wire filter.</summary>
    /// <exception cref="InvalidFilter">The key is not TypeName.Attribute of a known type, or the values do not suit the operator.</exception>
    public static InventoryFilter Parse(string? key, string? type, IReadOnlyList<string>? values)
    {
        var dot = key?.LastIndexOf('.') ?? -1;
        if (key is null || dot <= 0 || dot == key.Length - 1)
        {
            throw new InvalidFilter($"The filter key '{key}' is not valid: write it as TypeName.Attribute, e.g. AWS:Application.Name.");
        }

        var typeName = key[..dot];
        var attribute = key[(dot + 1)..];
        if (!InventoryTypes.IsKnown(typeName))
        {
            throw new InvalidFilter($"The filter key '{key}' names an unknown inventory type '{typeName}'.");
        }

        if (InventoryTypes.AttributesOf(typeName) is { } attributes && !attributes.Contains(attribute))
        {
            throw new InvalidFilter($"The filter key '{key}' names no attribute of {typeName}.");
        }

        var parsed = InventoryFilterType.Equal;
        if (type is not null && !Enum.TryParse(type, ignoreCase: false, out parsed))
        {
            throw new InvalidFilter($"The filter type '{type}' is not valid.");
        }

        if (values is null || values.Count == 0)
        {
            throw new InvalidFilter($"The filter on '{key}' needs at least one value.");
        }

        if (parsed is InventoryFilterType.LessThan or InventoryFilterType.GreaterThan && values.Count != 1)
        {
            throw new InvalidFilter($"A {parsed} filter takes exactly one value; '{key}' has {values.Count}.");
        }

        return new InventoryFilter(typeName, attribute, parsed, values);
    }

    public bool Matches(IReadOnlyDictionary<string, string> entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.TryGetValue(Attribute, out var actual) || actual is null)
        {
            return false;
        }

        return Type switch
        {
            InventoryFilterType.Equal => Values.Contains(actual, StringComparer.Ordinal),
            InventoryFilterType.NotEqual => !Values.Contains(actual, StringComparer.Ordinal),
            InventoryFilterType.BeginWith => Values.Any(v => actual.StartsWith(v, StringComparison.Ordinal)),
            InventoryFilterType.LessThan => Compare(actual, Values[0]) < 0,
            InventoryFilterType.GreaterThan => Compare(actual, Values[0]) > 0,
            InventoryFilterType.Exists => true,
            _ => false,
        };
    }

    /// <summary>Whether some entry of the item of this filter's type matches.</summary>
    public bool Matches(IReadOnlyList<InventoryItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Any(i => string.Equals(i.TypeName, TypeName, StringComparison.Ordinal) && i.Content.Any(Matches));
    }

    private static int Compare(string left, string right) =>
        decimal.TryParse(left, NumberStyles.Number, CultureInfo.InvariantCulture, out var l)
        && decimal.TryParse(right, NumberStyles.Number, CultureInfo.InvariantCulture, out var r)
            ? l.CompareTo(r)
            : string.CompareOrdinal(left, right);
}
