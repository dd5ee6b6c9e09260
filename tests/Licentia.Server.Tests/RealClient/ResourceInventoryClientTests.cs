using Licentia.Server.Tests.Infrastructure;

namespace Licentia.Server.Tests.RealClient;

/// <summary>ListResourceInventory through boto3 (every filter, condition, refusal and paging) and the aws CLI (a smoke run).</summary>
public sealed class ResourceInventoryClientTests
{
    [Fact]
    public async Task Boto3_lists_instances_and_managed_servers_with_every_filter_and_keyset_pages()
    {
        await using var server = await LicentiaServerProcess.StartAsync();
        var created = await server.RunCommandAsync("account", "create", "--name", "second");
        Assert.True(created.ExitCode == 0, created.StdErr);
        var second = CredentialsProfile.Parse(created.StdOut);

        var run = await RealClients.RunScenarioAsync(server, "inventory", second.AsEnvironment("SECOND"));
        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- server ---\n" + server.Output);
    }

    [Fact]
    public async Task The_aws_cli_lists_resource_inventory_and_refuses_a_bad_filter()
    {
        await using var server = await LicentiaServerProcess.StartAsync();
        var listed = await SsmClientTests.Cli(server, "license-manager", "list-resource-inventory", "--region", "us-east-1",
            "--filters", "Name=platform,Condition=BEGINS_WITH,Value=Linux");
        Assert.Empty(listed.GetProperty("ResourceInventoryList").EnumerateArray());

        var refused = await RealClients.RunAwsCliAsync(server, "license-manager", "list-resource-inventory", "--region", "us-east-1",
            "--filters", "Name=colour,Condition=EQUALS,Value=red");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("(InvalidParameterValueException)", refused.StdErr, StringComparison.Ordinal);
    }
}
