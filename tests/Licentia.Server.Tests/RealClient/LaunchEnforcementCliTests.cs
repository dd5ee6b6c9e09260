using System.Net;
using System.Text.Json;
using Licentia.Server.Tests.Infrastructure;

namespace Licentia.Server.Tests.RealClient;

/// <summary>The License Manager guide's example, with the aws CLI alone, as a user would type it.</summary>
public sealed class LaunchEnforcementCliTests
{
    [Fact]
    public async Task The_guides_core_licensed_example_is_enforced_at_launch_from_the_aws_cli()
    {
        await using var server = await LicentiaServerProcess.StartAsync();

        // An OS license counted by cores: 96 purchased, a hard limit, 8 to 16 cores per instance, Dedicated Hosts only.
        var arn = (await Cli(server, "license-manager", "create-license-configuration", "--name", "os-cores",
            "--license-counting-type", "Core", "--license-count", "96", "--license-count-hard-limit",
            "--license-rules", "#minimumCores=8", "#maximumCores=16", "#allowedTenancy=EC2-DedicatedHost"))
            .GetProperty("LicenseConfigurationArn").GetString()!;
        var hosts = (await Cli(server, "ec2", "allocate-hosts", "--instance-family", "c5", "--availability-zone", "us-east-1a",
            "--quantity", "3", "--auto-placement", "off")).GetProperty("HostIds").EnumerateArray().Select(h => h.GetString()!).ToList();
        var image = (await Cli(server, "ec2", "register-image", "--name", "os-golden")).GetProperty("ImageId").GetString()!;
        await Cli(server, "license-manager", "update-license-specifications-for-resource",
            "--resource-arn", $"arn:aws:ec2:us-east-1::image/{image}", "--add-license-specifications", $"LicenseConfigurationArn={arn}");

        // Compliant launches (8 cores each) on two hosts: each host counts its 48 physical cores, 96 in all.
        var first = await Launch(server, image, "c5.4xlarge", hosts[0]);
        var second = await Launch(server, image, "c5.4xlarge", hosts[1]);

        // The first non-compliant launch (18 cores) is refused, saying why.
        var tooBig = await RealClients.RunAwsCliAsync(server, "ec2", "run-instances", "--image-id", image, "--instance-type", "c5.9xlarge",
            "--placement", $"Tenancy=host,HostId={hosts[0]}");
        Assert.NotEqual(0, tooBig.ExitCode);
        Assert.Contains("(InvalidParameterValue)", tooBig.StdErr, StringComparison.Ordinal);
        Assert.Contains("at most 16 cores and the resource has 18", tooBig.StdErr, StringComparison.Ordinal);

        // A third host would need 48 more cores than the 96 purchased.
        var overLimit = await RealClients.RunAwsCliAsync(server, "ec2", "run-instances", "--image-id", image, "--instance-type", "c5.4xlarge",
            "--placement", $"Tenancy=host,HostId={hosts[2]}");
        Assert.NotEqual(0, overLimit.ExitCode);
        Assert.Contains("(LicenseLimitExceeded)", overLimit.StdErr, StringComparison.Ordinal);

        var usage = (await Cli(server, "license-manager", "list-usage-for-license-configuration", "--license-configuration-arn", arn))
            .GetProperty("LicenseConfigurationUsageList").EnumerateArray().ToList();
        var hostRows = usage.Where(u => u.GetProperty("ResourceType").GetString() == "EC2_HOST").ToList();
        Assert.Equal(2, hostRows.Count);
        Assert.All(hostRows, row => Assert.Equal(48, row.GetProperty("ConsumedLicenses").GetInt64()));
        Assert.Equal(2, usage.Count(u => u.GetProperty("ResourceType").GetString() == "EC2_INSTANCE"));

        // Stopping the only instance of the second host frees its licenses.
        var stopped = await Cli(server, "ec2", "stop-instances", "--instance-ids", second);
        Assert.Equal("stopping", stopped.GetProperty("StoppingInstances")[0].GetProperty("CurrentState").GetProperty("Name").GetString());
        Assert.Equal(48, (await Cli(server, "license-manager", "get-license-configuration", "--license-configuration-arn", arn))
            .GetProperty("ConsumedLicenses").GetInt64());

        var described = await Cli(server, "ec2", "describe-instances", "--instance-ids", first);
        var instance = described.GetProperty("Reservations")[0].GetProperty("Instances")[0];
        Assert.Equal(arn, instance.GetProperty("Licenses")[0].GetProperty("LicenseConfigurationArn").GetString());
        Assert.Equal(hosts[0], instance.GetProperty("Placement").GetProperty("HostId").GetString());
    }

    [Fact]
    public async Task The_test_clock_endpoint_does_not_exist_unless_enabled()
    {
        await using var server = await LicentiaServerProcess.StartAsync();
        using var http = new HttpClient();
        using var content = new StringContent("""{"advanceSeconds": 86400}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(server.Endpoint + "/_licentia/clock"), content);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<string> Launch(LicentiaServerProcess server, string image, string type, string host)
    {
        var launched = await Cli(server, "ec2", "run-instances", "--image-id", image, "--instance-type", type,
            "--placement", $"Tenancy=host,HostId={host}");
        return launched.GetProperty("Instances")[0].GetProperty("InstanceId").GetString()!;
    }

    private static async Task<JsonElement> Cli(LicentiaServerProcess server, params string[] args)
    {
        var run = await RealClients.RunAwsCliAsync(server, [.. args, "--output", "json"]);
        Assert.True(run.ExitCode == 0, $"aws {string.Join(' ', args)}\n{run.Describe()}\n--- server ---\n{server.Output}");
        return string.IsNullOrWhiteSpace(run.StdOut) ? default : JsonDocument.Parse(run.StdOut).RootElement.Clone();
    }
}
