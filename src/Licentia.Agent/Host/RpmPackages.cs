using System.Diagnostics;

namespace Licentia.Agent.Host;

/// <summary>Installed rpm packages, through <c>rpm -qa --queryformat</c> (used only where there is no dpkg database).</summary>
internal static class RpmPackages
{
    // Fields separated by tabs, one package per line; (none) marks an absent tag.
    public const string QueryFormat = "%{NAME}\\t%{VERSION}\\t%{RELEASE}\\t%{EPOCH}\\t%{ARCH}\\t%{VENDOR}\\t%{URL}\\t%{SUMMARY}\\t%{INSTALLTIME}\\t%{GROUP}\\n";

    public static async Task<IReadOnlyList<InstalledPackage>?> QueryAsync(CancellationToken ct)
    {
        var psi = new ProcessStartInfo("rpm") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-qa");
        psi.ArgumentList.Add("--queryformat");
        psi.ArgumentList.Add(QueryFormat);
        try
        {
            using var process = Process.Start(psi);
            if (process is null)
            {
                return null;
            }

            var output = await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            return process.ExitCode == 0 ? Parse(output) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no rpm on this system
        }
    }

    public static IReadOnlyList<InstalledPackage> Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        static string Value(string field) => field == "(none)" ? "" : field;
        var packages = new List<InstalledPackage>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.TrimEnd('\r').Split('\t');
            if (f.Length < 10 || f[0].Length == 0 || f[0] == "gpg-pubkey")
            {
                continue;
            }

            var installed = long.TryParse(f[8], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)
                : "";
            packages.Add(new InstalledPackage(f[0], Value(f[1]), Value(f[5]), Value(f[4]), Summary: Value(f[7]), Url: Value(f[6]),
                Section: Value(f[9]), Epoch: Value(f[3]), Release: Value(f[2]), InstalledTime: installed));
        }

        return packages;
    }
}
