using System.Globalization;

namespace Licentia.Core.Compute.InstanceTypes;

/// <summary>
/// The instance types and Dedicated Host families Licentia knows, read from the embedded CSV files
/// (see README.md in this folder for their source). Immutable and shared: <see cref="Default"/>.
/// </summary>
public sealed class InstanceTypeCatalog
{
    private readonly Dictionary<string, InstanceTypeInfo> _types;
    private readonly Dictionary<string, HostFamilyInfo> _hosts;

    public InstanceTypeCatalog(IEnumerable<InstanceTypeInfo> types, IEnumerable<HostFamilyInfo> hosts)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(hosts);
        _types = new Dictionary<string, InstanceTypeInfo>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (type.DefaultCores * type.DefaultThreadsPerCore != type.DefaultVCpus)
            {
                throw new InvalidOperationException(
                    $"Instance type {type.InstanceType}: {type.DefaultCores} cores x {type.DefaultThreadsPerCore} threads is not {type.DefaultVCpus} vCPUs.");
            }

            if (!_types.TryAdd(type.InstanceType, type))
            {
                throw new InvalidOperationException($"Instance type {type.InstanceType} is listed twice.");
            }
        }

        _hosts = new Dictionary<string, HostFamilyInfo>(StringComparer.Ordinal);
        foreach (var host in hosts)
        {
            if (!_hosts.TryAdd(host.Family, host))
            {
                throw new InvalidOperationException($"Host family {host.Family} is listed twice.");
            }
        }
    }

    public static InstanceTypeCatalog Default { get; } = LoadEmbedded();

    public IReadOnlyCollection<InstanceTypeInfo> InstanceTypes => _types.Values;

    public IReadOnlyCollection<HostFamilyInfo> HostFamilies => _hosts.Values;

    public InstanceTypeInfo? FindInstanceType(string? instanceType) =>
        instanceType is not null && _types.TryGetValue(instanceType, out var info) ? info : null;

    public HostFamilyInfo? FindHostFamily(string? family) =>
        family is not null && _hosts.TryGetValue(family, out var info) ? info : null;

    /// <summary>The family of an instance type name ("m5" of "m5.large"), whether or not the type is known.</summary>
    public static string FamilyOf(string instanceType)
    {
        ArgumentNullException.ThrowIfNull(instanceType);
        var dot = instanceType.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? instanceType : instanceType[..dot];
    }

    public static InstanceTypeCatalog LoadEmbedded()
    {
        var types = ReadCsv("instance-types.csv", 5)
            .Select(f => new InstanceTypeInfo(f[0], f[1], Int(f[2]), Int(f[3]), Int(f[4])));
        var hosts = ReadCsv("dedicated-hosts.csv", 4)
            .Select(f => new HostFamilyInfo(f[0], Int(f[1]), Int(f[2]), Int(f[3])));
        return new InstanceTypeCatalog(types.ToList(), hosts.ToList());
    }

    private static int Int(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private static List<string[]> ReadCsv(string fileName, int columns)
    {
        var name = $"Licentia.Core.Compute.InstanceTypes.{fileName}";
        using var stream = typeof(InstanceTypeCatalog).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded catalog file {name} is missing.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != columns)
            {
                throw new InvalidOperationException($"{fileName}: line '{line}' has {fields.Length} fields, not {columns}.");
            }

            rows.Add(fields);
        }

        return rows;
    }
}
