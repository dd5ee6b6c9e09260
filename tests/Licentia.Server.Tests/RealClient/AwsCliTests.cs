using System.Text.Json;
using Licentia.Server.Tests.Infrastructure;

namespace Licentia.Server.Tests.RealClient;

/// <summary>
/// The aws CLI, exactly as the README tells a user to run it. Each call costs about a second of
/// CLI start-up, so these cover the operations once each; boto3 scenarios cover the breadth.
/// </summary>
public sealed class AwsCliTests
{
    [Fact]
    public async Task Every_license_configuration_operation_works_from_the_cli()
    {
        await using var server = await LicentiaServerProcess.StartAsync();

        var create = await Cli(server, "license-manager", "create-license-configuration",
            "--name", "sql-ent", "--license-counting-type", "Core", "--license-count", "96", "--license-count-hard-limit",
            "--license-rules", "#minimumCores=8", "#maximumCores=16", "#allowedTenancy=EC2-DedicatedHost",
            "--tags", "Key=team,Value=data");
        var arn = create.GetProperty("LicenseConfigurationArn").GetString()!;
        Assert.Matches("^arn:aws:license-manager:us-east-1:[0-9]{12}:license-configuration:lic-[0-9a-f]{32}$", arn);

        var list = await Cli(server, "license-manager", "list-license-configurations");
        var only = Assert.Single(list.GetProperty("LicenseConfigurations").EnumerateArray());
        Assert.Equal("sql-ent", only.GetProperty("Name").GetString());
        Assert.Equal(3, only.GetProperty("LicenseRules").GetArrayLength());

        await Cli(server, "license-manager", "update-license-configuration", "--license-configuration-arn", arn,
            "--license-configuration-status", "DISABLED", "--license-count", "100");
        var got = await Cli(server, "license-manager", "get-license-configuration", "--license-configuration-arn", arn);
        Assert.Equal("DISABLED", got.GetProperty("Status").GetString());
        Assert.Equal(100, got.GetProperty("LicenseCount").GetInt64());

        await Cli(server, "license-manager", "tag-resource", "--resource-arn", arn, "--tags", "Key=env,Value=prod");
        await Cli(server, "license-manager", "untag-resource", "--resource-arn", arn, "--tag-keys", "team");
        var tags = await Cli(server, "license-manager", "list-tags-for-resource", "--resource-arn", arn);
        var tag = Assert.Single(tags.GetProperty("Tags").EnumerateArray());
        Assert.Equal("env", tag.GetProperty("Key").GetString());

        await Cli(server, "license-manager", "delete-license-configuration", "--license-configuration-arn", arn);
        var empty = await Cli(server, "license-manager", "list-license-configurations");
        Assert.Empty(empty.GetProperty("LicenseConfigurations").EnumerateArray());
    }

    [Fact]
    public async Task Errors_reach_the_cli_with_their_code_and_message()
    {
        await using var server = await LicentiaServerProcess.StartAsync();
        var run = await RealClients.RunAwsCliAsync(server, "license-manager", "create-license-configuration",
            "--name", "bad", "--license-counting-type", "vCPU", "--license-rules", "#licenseAffinityToHost=30");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("(InvalidParameterValueException)", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("licenseAffinityToHost", run.StdErr, StringComparison.Ordinal);

        var missing = await RealClients.RunAwsCliAsync(server, "license-manager", "get-license-configuration",
            "--license-configuration-arn", "arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-00000000000000000000000000000000");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("(InvalidParameterValueException)", missing.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledged_writes_survive_a_crash_of_the_process()
    {
        await using var server = await LicentiaServerProcess.StartAsync();
        var create = await Cli(server, "license-manager", "create-license-configuration",
            "--name", "durable", "--license-counting-type", "Socket");
        var arn = create.GetProperty("LicenseConfigurationArn").GetString()!;

        await server.CrashAndRestartAsync();

        var got = await Cli(server, "license-manager", "get-license-configuration", "--license-configuration-arn", arn);
        Assert.Equal("durable", got.GetProperty("Name").GetString());
    }

    private static async Task<JsonElement> Cli(LicentiaServerProcess server, params string[] args)
    {
        var run = await RealClients.RunAwsCliAsync(server, [.. args, "--output", "json"]);
        Assert.True(run.ExitCode == 0, $"aws {string.Join(' ', args)}\n{run.Describe()}\n--- server ---\n{server.Output}");
        return string.IsNullOrWhiteSpace(run.StdOut) ? default : JsonDocument.Parse(run.StdOut).RootElement.Clone();
    }
}
