using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Licentia.Agent.Host;

/// <summary>One look at the host: names, OS, processors, memory, addresses and installed packages.</summary>
internal sealed record HostSnapshot(
    string ComputerName,
    OsRelease Os,
    CpuInfo Cpu,
    long MemoryBytes,
    string PrimaryIpAddress,
    IReadOnlyList<NetworkInterfaceFacts> Interfaces,
    IReadOnlyList<InstalledPackage> Packages,
    string PackageSource)
{
    public static async Task<HostSnapshot> CollectAsync(string dpkgStatusPath, CancellationToken ct)
    {
        var interfaces = NetworkInterfaceFacts.Read();
        var (packages, source) = await ReadPackagesAsync(dpkgStatusPath, ct);
        return new HostSnapshot(
            Dns.GetHostName(),
            OsRelease.Read(),
            CpuInfo.Read(),
            MemInfo.ReadTotalBytes(),
            interfaces.SelectMany(i => i.IPv4).FirstOrDefault() ?? "",
            interfaces,
            packages,
            source);
    }

    /// <summary>dpkg's database when it exists, else rpm; neither gives an empty list.</summary>
    private static async Task<(IReadOnlyList<InstalledPackage>, string)> ReadPackagesAsync(string dpkgStatusPath, CancellationToken ct)
    {
        if (File.Exists(dpkgStatusPath))
        {
            return (DpkgStatus.Parse(await File.ReadAllTextAsync(dpkgStatusPath, ct)), "dpkg");
        }

        return await RpmPackages.QueryAsync(ct) is { } rpm ? (rpm, "rpm") : ([], "none");
    }
}

/// <summary>An up, non-loopback network interface and its addresses.</summary>
internal sealed record NetworkInterfaceFacts(string Name, string MacAddress, IReadOnlyList<string> IPv4, IReadOnlyList<string> IPv6)
{
    public static IReadOnlyList<NetworkInterfaceFacts> Read()
    {
        var result = new List<NetworkInterfaceFacts>();
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (nic.NetworkInterfaceType == NetworkInterfaceType.Loopback || nic.OperationalStatus != OperationalStatus.Up)
            {
                continue;
            }

            var addresses = nic.GetIPProperties().UnicastAddresses.Select(a => a.Address).ToList();
            var mac = string.Join(':', nic.GetPhysicalAddress().GetAddressBytes().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
            result.Add(new NetworkInterfaceFacts(
                nic.Name,
                mac,
                [.. addresses.Where(a => a.AddressFamily == AddressFamily.InterNetwork).Select(a => a.ToString())],
                [.. addresses.Where(a => a.AddressFamily == AddressFamily.InterNetworkV6).Select(a => a.ToString())]));
        }

        return result;
    }
}
