using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Licentia.Server.Tests.Infrastructure;

namespace Licentia.Server.Tests.RealClient;

/// <summary>
/// The real agent on this machine: the built Licentia.Agent.dll registers with an activation made by the aws CLI,
/// reports this machine's real packages from dpkg, and the aws CLI then finds them and the host Online.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AgentTests
{
    [Fact]
    public async Task The_agent_registers_reports_this_machines_packages_and_is_Online()
    {
        await using var server = await LicentiaServerProcess.StartAsync();
        var stateDir = Path.Combine(server.DataDir, "agent-state");
        var activation = await SsmClientTests.Cli(server, "ssm", "create-activation", "--iam-role", "SSMServiceRole",
            "--default-instance-name", "this-machine", "--region", "us-east-1");
        var activationId = activation.GetProperty("ActivationId").GetString()!;
        var code = activation.GetProperty("ActivationCode").GetString()!;

        var registered = await RunAgentAsync("register", "--endpoint", server.Endpoint, "--activation-code", code,
            "--activation-id", activationId, "--region", "us-east-1", "--state-dir", stateDir);
        Assert.True(registered.ExitCode == 0, registered.Describe() + "\n--- server ---\n" + server.Output);
        var statePath = Path.Combine(stateDir, "state.json");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(statePath));
        var state = JsonNode.Parse(await File.ReadAllTextAsync(statePath))!;
        var instanceId = state["InstanceId"]!.GetValue<string>();
        Assert.Matches("^mi-[0-9a-f]{17}$", instanceId);
        Assert.StartsWith("AKMI", state["AccessKeyId"]!.GetValue<string>(), StringComparison.Ordinal);

        // Registering twice with the same state is refused locally; the activation (limit 1) is used up anyway.
        var again = await RunAgentAsync("register", "--endpoint", server.Endpoint, "--activation-code", code,
            "--activation-id", activationId, "--state-dir", stateDir);
        Assert.NotEqual(0, again.ExitCode);

        var reported = await RunAgentAsync("run", "--once", "--state-dir", stateDir);
        Assert.True(reported.ExitCode == 0, reported.Describe() + "\n--- server ---\n" + server.Output);
        Assert.False(File.Exists(Path.Combine(stateDir, "pending-report.json")));

        var (package, version) = InstalledDpkgPackage();
        var entries = await SsmClientTests.Cli(server, "ssm", "list-inventory-entries", "--instance-id", instanceId,
            "--type-name", "AWS:Application", "--filters", $"Key=Name,Values={package},Type=Equal", "--region", "us-east-1");
        var entry = Assert.Single(entries.GetProperty("Entries").EnumerateArray());
        Assert.Equal(version, entry.GetProperty("Version").GetString());

        var found = await SsmClientTests.Cli(server, "ssm", "get-inventory", "--filters",
            $"Key=AWS:Application.Name,Values={package},Type=Equal", "--region", "us-east-1");
        Assert.Equal(instanceId, Assert.Single(found.GetProperty("Entities").EnumerateArray()).GetProperty("Id").GetString());

        var info = await SsmClientTests.Cli(server, "ssm", "describe-instance-information", "--region", "us-east-1");
        var node = Assert.Single(info.GetProperty("InstanceInformationList").EnumerateArray());
        Assert.Equal(instanceId, node.GetProperty("InstanceId").GetString());
        Assert.Equal(Dns.GetHostName(), node.GetProperty("ComputerName").GetString());
        Assert.Equal("Online", node.GetProperty("PingStatus").GetString());
        Assert.Equal("Linux", node.GetProperty("PlatformType").GetString());
        Assert.Equal("this-machine", node.GetProperty("Name").GetString());
        Assert.Equal("ManagedInstance", node.GetProperty("ResourceType").GetString());

        var hardware = await SsmClientTests.Cli(server, "ssm", "list-inventory-entries", "--instance-id", instanceId,
            "--type-name", "AWS:InstanceDetailedInformation", "--region", "us-east-1");
        var cpu = Assert.Single(hardware.GetProperty("Entries").EnumerateArray());
        Assert.Equal(Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture), cpu.GetProperty("CPUs").GetString());
    }

    [Fact]
    public async Task A_report_that_cannot_be_delivered_is_kept_and_sent_on_the_next_run()
    {
        await using var server = await LicentiaServerProcess.StartAsync();
        var stateDir = Path.Combine(server.DataDir, "agent-state");
        var activation = await SsmClientTests.Cli(server, "ssm", "create-activation", "--iam-role", "r", "--region", "us-east-1");
        var registered = await RunAgentAsync("register", "--endpoint", server.Endpoint, "--state-dir", stateDir,
            "--activation-code", activation.GetProperty("ActivationCode").GetString()!,
            "--activation-id", activation.GetProperty("ActivationId").GetString()!);
        Assert.True(registered.ExitCode == 0, registered.Describe());

        // The server becomes unreachable: point the state at a closed port.
        var statePath = Path.Combine(stateDir, "state.json");
        var state = JsonNode.Parse(await File.ReadAllTextAsync(statePath))!;
        state["Endpoint"] = "http://127.0.0.1:9";
        await File.WriteAllTextAsync(statePath, state.ToJsonString());
        var offline = await RunAgentAsync("run", "--once", "--max-attempts", "2", "--state-dir", stateDir);
        Assert.NotEqual(0, offline.ExitCode);
        var pendingPath = Path.Combine(stateDir, "pending-report.json");
        Assert.True(File.Exists(pendingPath), offline.Describe());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(pendingPath));

        state["Endpoint"] = server.Endpoint;
        await File.WriteAllTextAsync(statePath, state.ToJsonString());
        var online = await RunAgentAsync("run", "--once", "--state-dir", stateDir);
        Assert.True(online.ExitCode == 0, online.Describe() + "\n--- server ---\n" + server.Output);
        Assert.False(File.Exists(pendingPath));
        var instanceId = state["InstanceId"]!.GetValue<string>();
        var entries = await SsmClientTests.Cli(server, "ssm", "list-inventory-entries", "--instance-id", instanceId,
            "--type-name", "AWS:Application", "--max-results", "5", "--region", "us-east-1");
        Assert.NotEmpty(entries.GetProperty("Entries").EnumerateArray());
    }

    /// <summary>bash, or coreutils, as this machine's dpkg database lists it.</summary>
    private static (string Package, string Version) InstalledDpkgPackage()
    {
        var status = File.ReadAllText("/var/lib/dpkg/status");
        foreach (var name in new[] { "bash", "coreutils" })
        {
            foreach (var paragraph in status.Split("\n\n"))
            {
                var lines = paragraph.Split('\n');
                if (lines.Contains("Package: " + name) && lines.Any(l => l.StartsWith("Status: ", StringComparison.Ordinal) && l.EndsWith(" installed", StringComparison.Ordinal)))
                {
                    return (name, lines.First(l => l.StartsWith("Version: ", StringComparison.Ordinal))["Version: ".Length..]);
                }
            }
        }

        throw new InvalidOperationException("this Debian machine has neither bash nor coreutils installed");
    }

    private static Task<ClientRun> RunAgentAsync(params string[] args) => AgentProcess.RunAsync(args);
}
