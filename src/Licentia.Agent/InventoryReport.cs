using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Licentia.Agent.Host;
using Licentia.Aws.Ssm;

namespace Licentia.Agent;

/// <summary>
/// Turns a <see cref="HostSnapshot"/> into SSM inventory items: AWS:InstanceInformation, AWS:Application,
/// AWS:InstanceDetailedInformation, AWS:Network and Custom:HostMemory. Each item carries a content hash
/// (SHA-256 of its entries), so the agent and the server can both tell an unchanged item without comparing it.
/// </summary>
internal static class InventoryReport
{
    public const string AgentVersion = "1.0.0";
    public const string AgentType = "licentia-agent";

    public static List<InventoryItem> Build(HostSnapshot host, string instanceId, DateTimeOffset capturedAt)
    {
        ArgumentNullException.ThrowIfNull(host);
        var time = capturedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        return
        [
            Item("AWS:InstanceInformation", "1.0", time, [Information(host, instanceId)]),
            Item("AWS:Application", "1.1", time, [.. host.Packages.OrderBy(p => p.Name, StringComparer.Ordinal).Select(Application)]),
            Item("AWS:InstanceDetailedInformation", "1.0", time, [new()
            {
                ["CPUModel"] = host.Cpu.Model,
                ["CPUCores"] = Text(host.Cpu.Cores),
                ["CPUs"] = Text(host.Cpu.Threads),
                ["CPUSockets"] = Text(host.Cpu.Sockets),
                ["CPUSpeedMHz"] = host.Cpu.SpeedMHz,
                ["CPUHyperThreadEnabled"] = host.Cpu.HyperThreading ? "true" : "false",
            }]),
            Item("AWS:Network", "1.0", time, [.. host.Interfaces.Select(i => new Dictionary<string, string>
            {
                ["Name"] = i.Name,
                ["MacAddress"] = i.MacAddress,
                ["IPV4"] = string.Join(',', i.IPv4),
                ["IPV6"] = string.Join(',', i.IPv6),
            })]),
            Item("Custom:HostMemory", "1.0", time, [new()
            {
                ["TotalMemoryBytes"] = Text(host.MemoryBytes),
                ["TotalMemoryMB"] = Text(host.MemoryBytes / (1024 * 1024)),
            }]),
        ];
    }

    /// <summary>The AWS:InstanceInformation entry, also what registration sends as host facts.</summary>
    public static Dictionary<string, string> Information(HostSnapshot host, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new Dictionary<string, string>
        {
            ["AgentType"] = AgentType,
            ["AgentVersion"] = AgentVersion,
            ["ComputerName"] = host.ComputerName,
            ["InstanceId"] = instanceId,
            ["IpAddress"] = host.PrimaryIpAddress,
            ["PlatformName"] = host.Os.Name,
            ["PlatformType"] = "Linux",
            ["PlatformVersion"] = host.Os.VersionId,
            ["ResourceType"] = "ManagedInstance",
            ["InstanceStatus"] = "Active",
        };
    }

    /// <summary>SHA-256 (lowercase hex) over the entries in order, attributes sorted by name, strings length-prefixed.</summary>
    public static string Hash(IEnumerable<Dictionary<string, string>> content)
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
            Append(Text(entry.Count));
            foreach (var (name, value) in entry.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Append(name);
                Append(value);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static Dictionary<string, string> Application(InstalledPackage p)
    {
        var entry = new Dictionary<string, string>
        {
            ["Name"] = p.Name,
            ["Version"] = p.Version,
            ["Publisher"] = p.Publisher,
            ["Architecture"] = p.Architecture,
        };
        void Optional(string name, string value)
        {
            if (value.Length > 0)
            {
                entry[name] = value.Length > 4096 ? value[..4096] : value;
            }
        }

        Optional("Summary", p.Summary);
        Optional("URL", p.Url);
        Optional("ApplicationType", p.Section);
        Optional("Epoch", p.Epoch);
        Optional("Release", p.Release);
        Optional("InstalledTime", p.InstalledTime);
        return entry;
    }

    private static InventoryItem Item(string type, string schema, string time, List<Dictionary<string, string>> content) => new()
    {
        TypeName = type,
        SchemaVersion = schema,
        CaptureTime = time,
        Content = content,
        ContentHash = Hash(content),
    };

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
