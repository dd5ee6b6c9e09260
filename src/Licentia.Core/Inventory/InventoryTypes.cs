using System.Security.Cryptography;
using System.Text;
using Licentia.Core.Inventory.Errors;

namespace Licentia.Core.Inventory;

/// <summary>
/// The inventory types Licentia accepts and their schemas: the AWS types the agent reports (AWS:Application,
/// AWS:InstanceInformation, AWS:InstanceDetailedInformation, AWS:Network) with the attributes and schema
/// versions SSM defines, and any Custom: type. Other AWS: types are refused.
/// </summary>
public static class InventoryTypes
{
    public const string Application = "AWS:Application";
    public const string InstanceInformation = "AWS:InstanceInformation";
    public const string InstanceDetailedInformation = "AWS:InstanceDetailedInformation";
    public const string Network = "AWS:Network";
    public const string CustomPrefix = "Custom:";

    private static readonly Dictionary<string, (string[] Versions, HashSet<string> Attributes)> Known = new(StringComparer.Ordinal)
    {
        [Application] = (["1.0", "1.1"], Set("Name", "ApplicationType", "Publisher", "Version", "InstalledTime", "Architecture", "URL",
            "Summary", "PackageId", "Release", "Epoch")),
        [InstanceInformation] = (["1.0"], Set("AgentType", "AgentVersion", "ComputerName", "InstanceId", "IpAddress", "PlatformName",
            "PlatformType", "PlatformVersion", "ResourceType", "InstanceStatus")),
        [InstanceDetailedInformation] = (["1.0"], Set("CPUModel", "CPUCores", "CPUs", "CPUSpeedMHz", "CPUSockets", "CPUHyperThreadEnabled",
            "OSServicePack")),
        [Network] = (["1.0"], Set("Name", "SubnetMask", "Gateway", "DHCPServer", "DNSServer", "MacAddress", "IPV4", "IPV6")),
    };

    public static bool IsCustom(string typeName) => typeName.StartsWith(CustomPrefix, StringComparison.Ordinal);

    public static bool IsKnown(string? typeName) =>
        typeName is not null && (Known.ContainsKey(typeName) || (IsCustom(typeName) && IsValidCustomName(typeName)));

    /// <summary>The attributes of an AWS type, or null for a custom type (whose attributes are whatever was put).</summary>
    public static IReadOnlySet<string>? AttributesOf(string typeName) => Known.TryGetValue(typeName, out var known) ? known.Attributes : null;

    /// <summary>The newest schema version of a known AWS type; "1.0" for a custom type.</summary>
    public static string LatestSchemaVersion(string typeName) => Known.TryGetValue(typeName, out var known) ? known.Versions[^1] : "1.0";

    /// <exception cref="InvalidTypeNameException">Not one of the AWS types above and not a well-formed Custom: name.</exception>
    public static void ValidateTypeName(string? typeName)
    {
        if (!IsKnown(typeName))
        {
            throw new InvalidTypeNameException($"The inventory type name '{typeName}' is not valid: use {string.Join(", ", Known.Keys)} or Custom:<name>.");
        }
    }

    /// <summary>Checks one item to be put; returns its content hash (the given one, or SHA-256 of the content).</summary>
    public static string Validate(InventoryItem item, int maxCharacters)
    {
        ArgumentNullException.ThrowIfNull(item);
        ValidateTypeName(item.TypeName);
        var custom = IsCustom(item.TypeName);
        if (!custom && !Known[item.TypeName].Versions.Contains(item.SchemaVersion, StringComparer.Ordinal))
        {
            throw new UnsupportedInventorySchemaVersionException(
                $"Schema version {item.SchemaVersion} of {item.TypeName} is not supported; use {string.Join(" or ", Known[item.TypeName].Versions)}.");
        }

        if (item.Context is { Count: > 0 } && !custom)
        {
            throw new UnsupportedInventoryItemContextException($"{item.TypeName} takes no Context.");
        }

        var attributes = AttributesOf(item.TypeName);
        long size = 0;
        foreach (var entry in item.Content)
        {
            foreach (var (name, value) in entry)
            {
                if (attributes is not null && !attributes.Contains(name))
                {
                    throw new InvalidItemContentException($"{item.TypeName} has no attribute '{name}'.");
                }

                size += name.Length + (value?.Length ?? 0);
            }
        }

        if (size > maxCharacters)
        {
            throw new ItemSizeLimitExceededException($"The {item.TypeName} item holds {size} characters; at most {maxCharacters} are accepted.");
        }

        return string.IsNullOrEmpty(item.ContentHash) ? HashContent(item.Content) : item.ContentHash;
    }

    /// <summary>SHA-256 (lowercase hex) over the entries in order, each entry's attributes sorted by name, every string length-prefixed.</summary>
    public static string HashContent(IReadOnlyList<IReadOnlyDictionary<string, string>> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var length = new byte[4];
        void Append(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        foreach (var entry in content)
        {
            Append(entry.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (name, value) in entry.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Append(name);
                Append(value ?? string.Empty);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static bool IsValidCustomName(string typeName) =>
        typeName.Length > CustomPrefix.Length && typeName.Length <= 100
        && typeName.AsSpan(CustomPrefix.Length).IndexOfAnyExcept(CustomNameCharacters) < 0;

    private static readonly System.Buffers.SearchValues<char> CustomNameCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.:");

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}
