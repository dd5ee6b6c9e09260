using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Licentia.Server.Tests.Infrastructure;

namespace Licentia.Server.Tests.RealClient;

/// <summary>
/// The resource-inventory issue's "done when", end to end with the real agent on this machine and the aws CLI: an
/// activation, the agent registered and reporting once, the machine found by one of its real packages in
/// list-resource-inventory, a license configuration whose product information names that package, the discovery job
/// associating the machine and counting its vCPUs, and the licenses released once the rule no longer matches.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DiscoveryAgentTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Discovery_associates_this_machine_by_a_real_package_counts_its_vcpus_and_releases_them_when_the_rule_changes()
    {
        // Scheduled discovery once an hour here: only what wakes it (new inventory, a configuration created or
        // changed) can make the association and the release below happen within the deadline.
        await using var server = await LicentiaServerProcess.StartAsync(environment: new Dictionary<string, string>
        {
            ["Licentia__Discovery__IntervalSeconds"] = "3600",
        });
        var stateDir = Path.Combine(server.DataDir, "agent-state");
        var activation = await SsmClientTests.Cli(server, "ssm", "create-activation", "--iam-role", "SSMServiceRole", "--region", "us-east-1");
        var registered = await AgentProcess.RunAsync("register", "--endpoint", server.Endpoint, "--state-dir", stateDir, "--region", "us-east-1",
            "--activation-code", activation.GetProperty("ActivationCode").GetString()!,
            "--activation-id", activation.GetProperty("ActivationId").GetString()!);
        Assert.True(registered.ExitCode == 0, registered.Describe() + "\n--- server ---\n" + server.Output);
        var reported = await AgentProcess.RunAsync("run", "--once", "--state-dir", stateDir);
        Assert.True(reported.ExitCode == 0, reported.Describe() + "\n--- server ---\n" + server.Output);
        var instanceId = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(stateDir, "state.json")))!["InstanceId"]!.GetValue<string>();

        // One of this machine's real packages, as the agent reported it.
        var first = await SsmClientTests.Cli(server, "ssm", "list-inventory-entries", "--instance-id", instanceId, "--type-name", "AWS:Application",
            "--max-results", "1", "--region", "us-east-1");
        var package = first.GetProperty("Entries")[0].GetProperty("Name").GetString()!;

        var found = await Cli(server, "list-resource-inventory", "--filters", $"Name=application_name,Condition=EQUALS,Value={package}");
        var resource = Assert.Single(found.GetProperty("ResourceInventoryList").EnumerateArray());
        Assert.Equal((instanceId, "SYSTEMS_MANAGER_MANAGED_INSTANCE"),
            (resource.GetProperty("ResourceId").GetString(), resource.GetProperty("ResourceType").GetString()));
        var serverArn = resource.GetProperty("ResourceArn").GetString()!;

        var created = await Cli(server, "create-license-configuration", "--name", "discovered", "--license-counting-type", "vCPU",
            "--product-information-list", ProductInformation(package));
        var configurationArn = created.GetProperty("LicenseConfigurationArn").GetString()!;

        var counted = await PollAsync(server, configurationArn, c => c.GetProperty("ConsumedLicenses").GetInt64() > 0);
        Assert.Equal(Environment.ProcessorCount, counted.GetProperty("ConsumedLicenses").GetInt64());
        Assert.True(counted.TryGetProperty("AutomatedDiscoveryInformation", out var discovery) && discovery.TryGetProperty("LastRunTime", out _),
            counted.ToString());
        var associations = await Cli(server, "list-associations-for-license-configuration", "--license-configuration-arn", configurationArn);
        Assert.Equal(serverArn, Assert.Single(associations.GetProperty("LicenseConfigurationAssociations").EnumerateArray())
            .GetProperty("ResourceArn").GetString());
        var usage = await Cli(server, "list-usage-for-license-configuration", "--license-configuration-arn", configurationArn);
        var row = Assert.Single(usage.GetProperty("LicenseConfigurationUsageList").EnumerateArray());
        Assert.Equal((serverArn, "SYSTEMS_MANAGER_MANAGED_INSTANCE", (long)Environment.ProcessorCount),
            (row.GetProperty("ResourceArn").GetString(), row.GetProperty("ResourceType").GetString(), row.GetProperty("ConsumedLicenses").GetInt64()));

        // The rule no longer matches this machine, and discovery may let go of what it found: the licenses are released.
        var updated = await RealClients.RunAwsCliAsync(server, "license-manager", "update-license-configuration", "--region", "us-east-1",
            "--license-configuration-arn", configurationArn, "--disassociate-when-not-found",
            "--product-information-list", ProductInformation("no-such-package-" + Guid.NewGuid().ToString("N")));
        Assert.True(updated.ExitCode == 0, updated.Describe());
        var released = await PollAsync(server, configurationArn, c => c.GetProperty("ConsumedLicenses").GetInt64() == 0);
        Assert.DoesNotContain(released.GetProperty("ManagedResourceSummaryList").EnumerateArray(), s => s.GetProperty("AssociationCount").GetInt64() > 0);
        var none = await Cli(server, "list-associations-for-license-configuration", "--license-configuration-arn", configurationArn);
        Assert.Empty(none.GetProperty("LicenseConfigurationAssociations").EnumerateArray());
    }

    private static string ProductInformation(string applicationName) => JsonSerializer.Serialize(new[]
    {
        new
        {
            ResourceType = "SSM_MANAGED",
            ProductInformationFilterList = new[]
            {
                new { ProductInformationFilterName = "Application Name", ProductInformationFilterValue = new[] { applicationName }, ProductInformationFilterComparator = "EQUALS" },
            },
        },
    });

    /// <summary>get-license-configuration until the condition holds; fails at the deadline.</summary>
    private static async Task<JsonElement> PollAsync(LicentiaServerProcess server, string arn, Func<JsonElement, bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var configuration = await Cli(server, "get-license-configuration", "--license-configuration-arn", arn);
            if (condition(configuration))
            {
                return configuration;
            }

            Assert.True(clock.Elapsed < Deadline,
                $"discovery did not get there within {Deadline.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s: {configuration}\n--- server ---\n{server.Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    private static Task<JsonElement> Cli(LicentiaServerProcess server, params string[] args) =>
        SsmClientTests.Cli(server, ["license-manager", .. args, "--region", "us-east-1"]);
}
