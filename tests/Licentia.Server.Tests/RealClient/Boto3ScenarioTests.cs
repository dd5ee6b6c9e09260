using Licentia.Server.Tests.Infrastructure;

namespace Licentia.Server.Tests.RealClient;

/// <summary>boto3 scenarios against a fresh server on the embedded SQLite store.</summary>
public sealed class Boto3ScenarioTests
{
    [Fact]
    public async Task License_configurations_lifecycle_filters_paging_and_refusals()
    {
        await using var server = await LicentiaServerProcess.StartAsync();
        var run = await RealClients.RunScenarioAsync(server, "license_configurations");
        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- server ---\n" + server.Output);
    }

    [Fact]
    public async Task Wire_errors_and_signatures_as_botocore_sees_them()
    {
        await using var server = await LicentiaServerProcess.StartAsync();
        var run = await RealClients.RunScenarioAsync(server, "wire");
        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- server ---\n" + server.Output);
    }

    [Fact]
    public async Task The_configuration_quota_is_enforced_per_account_and_region()
    {
        await using var server = await LicentiaServerProcess.StartAsync(
            environment: new Dictionary<string, string> { ["Licentia__Quotas__LicenseConfigurationsPerScope"] = "3" });
        var run = await RealClients.RunScenarioAsync(server, "quota");
        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- server ---\n" + server.Output);
    }

    [Fact]
    public async Task A_second_account_created_while_running_sees_nothing_of_the_first()
    {
        await using var server = await LicentiaServerProcess.StartAsync();
        var created = await server.RunCommandAsync("account", "create", "--name", "second");
        Assert.True(created.ExitCode == 0, created.StdErr);
        var second = CredentialsProfile.Parse(created.StdOut);
        Assert.Equal("second", second.Name);

        var run = await RealClients.RunScenarioAsync(server, "accounts", second.AsEnvironment("SECOND"));
        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- server ---\n" + server.Output);
    }
}
