using System.Text;
using Licentia.Core.Tagging;

namespace Licentia.Core.Inventory.Resources;

/// <summary>One indexed fact of a resource: an attribute name (platform, application_name, tag:env, ...) and a value.</summary>
public readonly record struct IndexedValue(string Name, string Value);

/// <summary>
/// The facts of a resource that ListResourceInventory filters look up, as (name, value) rows a store can index.
/// A filter on an indexed attribute holds exactly when: EQUALS / BEGINS_WITH / CONTAINS, some row of that name
/// passes; NOT_EQUALS, no row of that name equals the value. That is <see cref="ResourceInventoryFilter.Matches"/>
/// restated over rows (a unit test proves both agree). resource_id and account_id are not indexed here: stores
/// keep them as columns of the resource itself.
/// </summary>
public static class InventoryIndex
{
    public const string Platform = "platform";
    public const string ApplicationName = "application_name";
    public const string LicenseIncluded = "license_included";
    public const string TagPrefix = "tag:";

    /// <summary>The attribute name a filter looks up, or null for resource_id and account_id.</summary>
    public static string? NameOf(ResourceInventoryFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return filter.Attribute switch
        {
            InventoryFilterField.Platform => Platform,
            InventoryFilterField.ApplicationName => ApplicationName,
            InventoryFilterField.LicenseIncluded => LicenseIncluded,
            InventoryFilterField.Tag => TagPrefix + filter.TagKey,
            _ => null,
        };
    }

    /// <summary>
    /// Whether a store may walk the filter's index entries to find candidates: a positive condition the index
    /// can seek (EQUALS, or BEGINS_WITH as a range) on an indexed attribute. NOT_EQUALS and CONTAINS can only be
    /// tested per resource.
    /// </summary>
    public static bool CanDrive(ResourceInventoryFilter filter) =>
        NameOf(filter) is not null && filter.Condition is InventoryCondition.EqualsValue or InventoryCondition.BeginsWith;

    /// <summary>The platform a managed server reports: its OS name when it sent one, else its platform type (Linux, Windows).</summary>
    public static string ManagedPlatform(string platformName, string platformType) => platformName.Length > 0 ? platformName : platformType;

    /// <summary>The indexed facts of an EC2 instance: its platform details and the license-included software of its billing code.</summary>
    public static IReadOnlyList<IndexedValue> OfInstance(string platformDetails, string? usageOperation) =>
        [new(Platform, platformDetails), .. LicenseIncludedSoftware.FromUsageOperation(usageOperation).Select(s => new IndexedValue(LicenseIncluded, s))];

    /// <summary>The indexed facts of a managed server that registration and AWS:InstanceInformation set: platform and tags.</summary>
    public static IReadOnlyList<IndexedValue> OfManagedServer(string platform, IReadOnlyList<Tag> tags) =>
        [new(Platform, platform), .. tags.Select(t => new IndexedValue(TagPrefix + t.Key, t.Value)).Distinct()];

    /// <summary>The application names of an AWS:Application inventory, once each.</summary>
    public static IReadOnlyList<IndexedValue> OfApplications(IEnumerable<string> names) =>
        [.. names.Distinct(StringComparer.Ordinal).Select(n => new IndexedValue(ApplicationName, n))];

    /// <summary>The application names in the entries of an AWS:Application item (each entry's Name).</summary>
    public static IEnumerable<string> ApplicationNames(IEnumerable<IReadOnlyDictionary<string, string>> entries) =>
        entries.Select(e => e.TryGetValue("Name", out var name) ? name : null).OfType<string>();

    /// <summary>
    /// The least string greater than every string that begins with <paramref name="prefix"/>, in code point order
    /// (the order of SQLite's BINARY and PostgreSQL's "C" collation), so that BEGINS_WITH p is exactly the index range
    /// p &lt;= value &lt; bound. Null when no such string exists (the prefix is empty or all U+10FFFF): then the range
    /// has no upper end.
    /// </summary>
    public static string? PrefixUpperBound(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var runes = prefix.EnumerateRunes().ToList();
        while (runes.Count > 0)
        {
            var last = runes[^1].Value;
            runes.RemoveAt(runes.Count - 1);
            if (last == 0x10FFFF)
            {
                continue;
            }

            // The next scalar value: surrogates are not scalar values, so U+D7FF is followed by U+E000.
            runes.Add(new Rune(last == 0xD7FF ? 0xE000 : last + 1));
            var bound = new StringBuilder();
            foreach (var rune in runes)
            {
                bound.Append(rune.ToString());
            }

            return bound.ToString();
        }

        return null;
    }
}
