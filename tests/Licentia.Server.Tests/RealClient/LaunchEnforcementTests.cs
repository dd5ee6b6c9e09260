using Licentia.Server.Tests.Infrastructure;

namespace Licentia.Server.Tests.RealClient;

/// <summary>
/// One server for the launch-enforcement scenarios: the test clock on (so affinity can expire), licensing
/// housekeeping every second (so a deregistered AMI loses its associations at once), and a second account.
/// </summary>
public sealed class LaunchEnforcementServer : IAsyncLifetime
{
    public LicentiaServerProcess Server { get; private set; } = null!;

    public Dictionary<string, string> SecondAccount { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Server = await LicentiaServerProcess.StartAsync(environment: new Dictionary<string, string>
        {
            ["Licentia__TestClock__Enabled"] = "true",
            ["Licentia__LicensingHousekeepingSeconds"] = "1",
        });
        var created = await Server.RunCommandAsync("account", "create", "--name", "second");
        Assert.True(created.ExitCode == 0, created.StdErr);
        SecondAccount = CredentialsProfile.Parse(created.StdOut).AsEnvironment("SECOND");
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>EC2 and launch-time enforcement through boto3, on the embedded SQLite store.</summary>
public sealed class LaunchEnforcementTests(LaunchEnforcementServer fixture) : IClassFixture<LaunchEnforcementServer>
{
    [Fact]
    public Task Ec2_images_hosts_templates_instances_dry_run_paging_and_refusals() => Scenario("ec2_basics");

    [Fact]
    public Task Hard_and_soft_limits_start_stop_templates_associations_usage_failures_and_a_second_account() => Scenario("enforcement");

    [Fact]
    public Task Housekeeping_drops_associations_of_deregistered_images_and_affinity_expires_with_a_moved_clock() => Scenario("enforcement_time");

    [Fact]
    public Task Parallel_launches_never_pass_a_hard_limit() => Scenario("enforcement_concurrency");

    [Fact]
    public Task A_retried_launch_with_the_same_client_token_launches_once() => Scenario("ec2_idempotency");

    private async Task Scenario(string name)
    {
        var run = await RealClients.RunScenarioAsync(fixture.Server, name, fixture.SecondAccount);
        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- server ---\n" + fixture.Server.Output);
    }
}
