using Licentia.Agent;
using Licentia.Agent.Host;

namespace Licentia.Server.Tests;

/// <summary>The agent's readers of the host, on sample files: dpkg's status database, /proc, /etc/os-release, rpm output.</summary>
public sealed class AgentHostParsingTests
{
    private const string DpkgSample = """
        Package: bash
        Essential: yes
        Status: install ok installed
        Priority: required
        Section: shells
        Installed-Size: 7164
        Maintainer: Matthias Klose <doko@debian.org>
        Architecture: amd64
        Multi-Arch: foreign
        Version: 5.2.15-2+b8
        Depends: base-files (>= 2.1.12), debianutils (>= 5.6-0.1)
        Conffiles:
         /etc/bash.bashrc 89269e1298235f1b12b4c16e4065ad0d
         /etc/skel/.bashrc 37b3ad2b0d6e5b1c9b5ef6e8a15a9d41
        Description: GNU Bourne Again SHell
         Bash is an sh-compatible command language interpreter.
         .
         Package: not-a-package-this-is-a-description-line
        Homepage: http://tiswww.case.edu/php/chet/bash/bashtop.html

        Package: removed-one
        Status: deinstall ok config-files
        Architecture: amd64
        Version: 1.0

        Package: libc6
        Status: install ok installed
        Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>
        Architecture: amd64
        Version: 2.36-9+deb12u3
        Description: GNU C Library: Shared libraries

        Package: perl-epoch
        Status: install ok installed
        Architecture: all
        Version: 1:5.36.0-7
        """;

    [Fact]
    public void Dpkg_status_lists_installed_packages_only_with_their_fields()
    {
        var packages = DpkgStatus.Parse(DpkgSample.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(["bash", "libc6", "perl-epoch"], packages.Select(p => p.Name));
        var bash = packages[0];
        Assert.Equal(("5.2.15-2+b8", "Matthias Klose <doko@debian.org>", "amd64", "GNU Bourne Again SHell", "shells",
                "http://tiswww.case.edu/php/chet/bash/bashtop.html"),
            (bash.Version, bash.Publisher, bash.Architecture, bash.Summary, bash.Section, bash.Url));
        Assert.Equal("1", packages[2].Epoch);
        Assert.Equal("", packages[1].Epoch);
    }

    [Fact]
    public void This_machines_dpkg_database_parses_and_holds_bash_or_coreutils()
    {
        var packages = DpkgStatus.Parse(File.ReadAllText(DpkgStatus.DefaultPath));
        Assert.Contains(packages, p => p.Name is "bash" or "coreutils");
        Assert.All(packages, p => Assert.False(string.IsNullOrEmpty(p.Version)));
    }

    [Fact]
    public void Cpuinfo_counts_sockets_physical_cores_and_threads()
    {
        // Two sockets, two cores each, hyper-threading: 8 threads.
        var text = string.Join("\n\n", Enumerable.Range(0, 8).Select(i => $"""
            processor	: {i}
            vendor_id	: GenuineIntel
            model name	: Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz
            cpu MHz		: 2494.140
            physical id	: {i / 4}
            siblings	: 4
            core id		: {i % 2}
            cpu cores	: 2
            """));
        var cpu = CpuInfo.Parse(text);
        Assert.Equal(("Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz", 2, 4, 8, "2494", true),
            (cpu.Model, cpu.Sockets, cpu.Cores, cpu.Threads, cpu.SpeedMHz, cpu.HyperThreading));
    }

    [Fact]
    public void Cpuinfo_without_topology_counts_one_socket_of_its_threads()
    {
        var cpu = CpuInfo.Parse("processor\t: 0\nProcessor\t: ARMv8\n\nprocessor\t: 1\n");
        Assert.Equal((1, 2, 2, "ARMv8"), (cpu.Sockets, cpu.Cores, cpu.Threads, cpu.Model));
        Assert.Equal(Environment.ProcessorCount, CpuInfo.Read().Threads);
    }

    [Fact]
    public void Meminfo_gives_total_bytes()
    {
        Assert.Equal(16_314_152L * 1024, MemInfo.ParseTotalBytes("MemTotal:       16314152 kB\nMemFree:         1234 kB\n"));
        Assert.Equal(0, MemInfo.ParseTotalBytes("nothing here"));
        Assert.True(MemInfo.ReadTotalBytes() > 0);
    }

    [Fact]
    public void Os_release_reads_quoted_and_bare_values()
    {
        var os = OsRelease.Parse("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\n# comment\nID=debian\n");
        Assert.Equal(("Debian GNU/Linux", "12", "Debian GNU/Linux 12 (bookworm)"), (os.Name, os.VersionId, os.PrettyName));
        Assert.Equal("rhel", OsRelease.Parse("NAME='rhel'").Name);
    }

    [Fact]
    public void Rpm_query_output_parses_into_packages()
    {
        var packages = RpmPackages.Parse("bash\t5.1.8\t6.el9\t(none)\tx86_64\tRed Hat, Inc.\thttps://www.gnu.org/software/bash\tThe GNU Bourne Again shell\t1700000000\tUnspecified\n" +
            "gpg-pubkey\tfd431d51\t4ae0493b\t(none)\t(none)\t(none)\t(none)\tgpg(Red Hat)\t1700000000\tPublic Keys\n");
        var bash = Assert.Single(packages);
        Assert.Equal(("bash", "5.1.8", "6.el9", "", "x86_64", "Red Hat, Inc.", "2023-11-14T22:13:20Z"),
            (bash.Name, bash.Version, bash.Release, bash.Epoch, bash.Architecture, bash.Publisher, bash.InstalledTime));
    }

    [Fact]
    public void The_report_hash_matches_the_servers_and_ignores_attribute_order()
    {
        var a = new Dictionary<string, string> { ["Name"] = "bash", ["Version"] = "5" };
        var b = new Dictionary<string, string> { ["Version"] = "5", ["Name"] = "bash" };
        Assert.Equal(InventoryReport.Hash([a]), InventoryReport.Hash([b]));
        Assert.Equal(Core.Inventory.InventoryTypes.HashContent([a]), InventoryReport.Hash([a]));
    }

    [Theory]
    [InlineData("https://licentia.example.com", null)]
    [InlineData("http://127.0.0.1:4650", null)]
    [InlineData("http://licentia.example.com", "https")]
    [InlineData("ftp://x", "http(s)")]
    public void The_endpoint_must_be_https_except_on_loopback(string endpoint, string? error)
    {
        var actual = AgentCommandLine.EndpointError(endpoint);
        if (error is null)
        {
            Assert.Null(actual);
        }
        else
        {
            Assert.Contains(error, actual, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Backoff_grows_exponentially_within_its_cap_with_jitter()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        for (var attempt = 0; attempt < 12; attempt++)
        {
            var delay = backoff.Delay(attempt);
            Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempt))));
        }
    }
}
