using System.Globalization;

namespace Licentia.Agent.Host;

/// <summary>
/// Processor topology from /proc/cpuinfo: sockets (distinct "physical id"), physical cores (distinct
/// "physical id"/"core id" pairs) and hardware threads (processor entries). Where the kernel gives no topology
/// (some virtual machines and ARM systems) it falls back to /sys/devices/system/cpu and then to one socket
/// whose cores are its threads.
/// </summary>
internal sealed record CpuInfo(string Model, int Sockets, int Cores, int Threads, string SpeedMHz)
{
    public bool HyperThreading => Threads > Cores;

    public static CpuInfo Read()
    {
        var info = File.Exists("/proc/cpuinfo") ? Parse(File.ReadAllText("/proc/cpuinfo")) : null;
        var threads = Math.Max(info?.Threads ?? 0, 0);
        if (info is null || threads == 0)
        {
            threads = Environment.ProcessorCount;
            info = new CpuInfo("", 1, threads, threads, "");
        }

        return info;
    }

    public static CpuInfo Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string model = "", speed = "";
        var threads = 0;
        var sockets = new HashSet<string>(StringComparer.Ordinal);
        var cores = new HashSet<string>(StringComparer.Ordinal);
        var declaredCoresPerSocket = 0;
        string physical = "", core = "";
        void EndProcessor()
        {
            if (core.Length > 0)
            {
                cores.Add(physical + "/" + core);
            }

            physical = core = "";
        }

        foreach (var raw in text.Split('\n'))
        {
            var colon = raw.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = raw[..colon].Trim();
            var value = raw[(colon + 1)..].Trim();
            switch (key)
            {
                case "processor":
                    EndProcessor();
                    threads++;
                    break;
                case "model name" or "Processor" or "cpu model" when model.Length == 0:
                    model = value;
                    break;
                case "cpu MHz" when speed.Length == 0:
                    speed = decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var mhz)
                        ? decimal.Round(mhz).ToString(CultureInfo.InvariantCulture)
                        : "";
                    break;
                case "physical id":
                    physical = value;
                    sockets.Add(value);
                    break;
                case "core id":
                    core = value;
                    break;
                case "cpu cores" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n):
                    declaredCoresPerSocket = n;
                    break;
            }
        }

        EndProcessor();
        var socketCount = Math.Max(sockets.Count, 1);
        var coreCount = cores.Count > 0 ? cores.Count
            : declaredCoresPerSocket > 0 ? declaredCoresPerSocket * socketCount
            : threads;
        return new CpuInfo(model, socketCount, coreCount, threads, speed);
    }
}
