using System.Text.Json;
using Licentia.Server.Tests.Infrastructure;

namespace Licentia.Server.Tests.RealClient;

/// <summary>The Systems Manager operations through boto3 (every operation and its errors) and the aws CLI (a smoke run).</summary>
public sealed class SsmClientTests
{
    [Fact]
    public async Task Boto3_runs_activations_registration_nodes_and_inventory_with_SSM_errors()
    {
        await using var server = await LicentiaServerProcess.StartAsync();
        var created = await server.RunCommandAsync("account", "create", "--name", "second");
        Assert.True(created.ExitCode == 0, created.StdErr);
        var second = CredentialsProfile.Parse(created.StdOut);

        var run = await RealClients.RunScenarioAsync(server, "ssm", second.AsEnvironment("SECOND"));
        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- server ---\n" + server.Output);
    }

    [Fact]
    public async Task The_aws_cli_creates_and_describes_activations_instances_and_inventory()
    {
        await using var server = await LicentiaServerProcess.StartAsync();
        var created = await Cli(server, "ssm", "create-activation", "--iam-role", "SSMServiceRole", "--registration-limit", "3",
            "--default-instance-name", "cli", "--description", "from the cli", "--region", "us-east-1");
        var activationId = created.GetProperty("ActivationId").GetString()!;
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", activationId);
        Assert.True(created.GetProperty("ActivationCode").GetString()!.Length >= 20);

        var described = await Cli(server, "ssm", "describe-activations", "--filters", $"FilterKey=ActivationIds,FilterValues={activationId}",
            "--region", "us-east-1");
        var activation = Assert.Single(described.GetProperty("ActivationList").EnumerateArray());
        Assert.Equal(3, activation.GetProperty("RegistrationLimit").GetInt32());
        Assert.Equal(0, activation.GetProperty("RegistrationsCount").GetInt32());
        Assert.False(activation.GetProperty("Expired").GetBoolean());
        Assert.Equal("from the cli", activation.GetProperty("Description").GetString());

        var instances = await Cli(server, "ssm", "describe-instance-information", "--region", "us-east-1");
        Assert.Empty(instances.GetProperty("InstanceInformationList").EnumerateArray());
        var inventory = await Cli(server, "ssm", "get-inventory", "--region", "us-east-1");
        Assert.Empty(inventory.GetProperty("Entities").EnumerateArray());
        var platforms = await Cli(server, "ssm", "get-inventory", "--aggregators", "Expression=AWS:InstanceInformation.PlatformType", "--region", "us-east-1");
        Assert.Empty(platforms.GetProperty("Entities")[0].GetProperty("Data").GetProperty("AWS:InstanceInformation").GetProperty("Content").EnumerateArray());

        var refused = await RealClients.RunAwsCliAsync(server, "ssm", "delete-activation", "--activation-id",
            "00000000-0000-4000-8000-000000000000", "--region", "us-east-1");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("(InvalidActivationId)", refused.StdErr, StringComparison.Ordinal);
    }

    internal static async Task<JsonElement> Cli(LicentiaServerProcess server, params string[] args)
    {
        var run = await RealClients.RunAwsCliAsync(server, [.. args, "--output", "json"]);
        Assert.True(run.ExitCode == 0, $"aws {string.Join(' ', args)}\n{run.Describe()}\n--- server ---\n{server.Output}");
        return JsonDocument.Parse(run.StdOut).RootElement.Clone();
    }
}
