using System.Globalization;

namespace Licentia.Agent.Host;

/// <summary>Total memory from /proc/meminfo ("MemTotal: N kB").</summary>
internal static class MemInfo
{
    public static long ReadTotalBytes() => File.Exists("/proc/meminfo") ? ParseTotalBytes(File.ReadAllText("/proc/meminfo")) : 0;

    public static long ParseTotalBytes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line["MemTotal:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return parts.Length > 1 && parts[1].Equals("kB", StringComparison.OrdinalIgnoreCase) ? value * 1024 : value;
            }
        }

        return 0;
    }
}
