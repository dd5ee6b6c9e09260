using Licentia.Core.Errors;

namespace Licentia.Core.Inventory.Resources;

/// <summary>The logical operators of an inventory filter.</summary>
public enum InventoryCondition
{
    EqualsValue,
    NotEquals,
    BeginsWith,
    Contains,
}

/// <summary>The attributes ListResourceInventory filters on.</summary>
public enum InventoryFilterField
{
    ResourceId,
    AccountId,
    Platform,
    ApplicationName,
    LicenseIncluded,
    Tag,
}

/// <summary>
/// One validated ListResourceInventory filter. <see cref="Parse"/> accepts exactly the names and operators the
/// API documents (account_id, resource_id, license_included: EQUALS | NOT_EQUALS; application_name, platform:
/// EQUALS | BEGINS_WITH; tag:&lt;key&gt;: EQUALS | NOT_EQUALS) and refuses anything else with
/// <see cref="InvalidParameterValueException"/>. Values compare case-sensitively, as AWS's do.
/// </summary>
public sealed record ResourceInventoryFilter(InventoryFilterField Attribute, InventoryCondition Condition, string Value, string? TagKey = null)
{
    private const string TagPrefix = "tag:";

    public static ResourceInventoryFilter Parse(string? name, string? condition, string? value)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new InvalidParameterValueException("Each filter must have a Name.");
        }

        var parsedCondition = condition switch
        {
            "EQUALS" => InventoryCondition.EqualsValue,
            "NOT_EQUALS" => InventoryCondition.NotEquals,
            "BEGINS_WITH" => InventoryCondition.BeginsWith,
            "CONTAINS" => InventoryCondition.Contains,
            _ => throw new InvalidParameterValueException(
                $"Filter {name} has an invalid Condition '{condition}'. Valid conditions are EQUALS, NOT_EQUALS, BEGINS_WITH and CONTAINS."),
        };
        if (value is null)
        {
            throw new InvalidParameterValueException($"Filter {name} must have a Value.");
        }

        var (attribute, tagKey) = name switch
        {
            "resource_id" => (InventoryFilterField.ResourceId, null),
            "account_id" => (InventoryFilterField.AccountId, null),
            "platform" => (InventoryFilterField.Platform, null),
            "application_name" => (InventoryFilterField.ApplicationName, null),
            "license_included" => (InventoryFilterField.LicenseIncluded, null),
            _ when name.StartsWith(TagPrefix, StringComparison.Ordinal) && name.Length > TagPrefix.Length =>
                (InventoryFilterField.Tag, name[TagPrefix.Length..]),
            _ => throw new InvalidParameterValueException(
                $"Invalid filter name '{name}'. Valid filter names are resource_id, account_id, platform, application_name, license_included and tag:<key>."),
        };

        if (!AllowedConditions(attribute).Contains(parsedCondition))
        {
            throw new InvalidParameterValueException(
                $"Condition {condition} is not supported for filter {name}. Supported conditions: {string.Join(", ", AllowedConditions(attribute).Select(WireName))}.");
        }

        if (attribute == InventoryFilterField.LicenseIncluded && !LicenseIncludedSoftware.Values.Contains(value, StringComparer.Ordinal))
        {
            throw new InvalidParameterValueException(
                $"Invalid value '{value}' for filter license_included. Valid values are {string.Join(", ", LicenseIncludedSoftware.Values)}.");
        }

        return new ResourceInventoryFilter(attribute, parsedCondition, value, tagKey);
    }

    /// <summary>The operators the API documents for an attribute.</summary>
    public static IReadOnlyList<InventoryCondition> AllowedConditions(InventoryFilterField attribute) => attribute switch
    {
        InventoryFilterField.Platform or InventoryFilterField.ApplicationName => [InventoryCondition.EqualsValue, InventoryCondition.BeginsWith],
        _ => [InventoryCondition.EqualsValue, InventoryCondition.NotEquals],
    };

    public static string WireName(InventoryCondition condition) => condition switch
    {
        InventoryCondition.EqualsValue => "EQUALS",
        InventoryCondition.NotEquals => "NOT_EQUALS",
        InventoryCondition.BeginsWith => "BEGINS_WITH",
        _ => "CONTAINS",
    };

    /// <summary>
    /// Whether the resource passes the filter. A multi-valued attribute (applications, license-included software,
    /// a tag) passes a positive condition when any value does, and NOT_EQUALS when none equals the value, so a
    /// resource without the attribute at all passes NOT_EQUALS.
    /// </summary>
    public bool Matches(InventoryResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        IEnumerable<string> values = Attribute switch
        {
            InventoryFilterField.ResourceId => [resource.ResourceId],
            InventoryFilterField.AccountId => [resource.OwnerAccountId],
            InventoryFilterField.Platform => [resource.Platform],
            InventoryFilterField.ApplicationName => resource.ApplicationNames,
            InventoryFilterField.LicenseIncluded => resource.LicenseIncluded,
            _ => resource.Tags.Where(t => string.Equals(t.Key, TagKey, StringComparison.Ordinal)).Select(t => t.Value),
        };
        return Condition == InventoryCondition.NotEquals
            ? !values.Any(v => string.Equals(v, Value, StringComparison.Ordinal))
            : values.Any(Test);
    }

    private bool Test(string candidate) => Condition switch
    {
        InventoryCondition.EqualsValue => string.Equals(candidate, Value, StringComparison.Ordinal),
        InventoryCondition.BeginsWith => candidate.StartsWith(Value, StringComparison.Ordinal),
        _ => candidate.Contains(Value, StringComparison.Ordinal),
    };
}

/// <summary>A validated ListResourceInventory request: all filters must pass (they are ANDed).</summary>
public sealed record ResourceInventoryQuery(IReadOnlyList<ResourceInventoryFilter> Filters)
{
    /// <summary>The value of a resource_id EQUALS filter, which a store can answer by its unique index.</summary>
    public string? ResourceIdEquals => Filters.FirstOrDefault(f => f is { Attribute: InventoryFilterField.ResourceId, Condition: InventoryCondition.EqualsValue })?.Value;

    /// <summary>Whether the resource passes every filter: the rule the stores' SQL restates (see <see cref="InventoryIndex"/>).</summary>
    public bool Matches(InventoryResource resource) => Filters.All(f => f.Matches(resource));
}
