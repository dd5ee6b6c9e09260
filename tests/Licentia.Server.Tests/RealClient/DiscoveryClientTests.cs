using Licentia.Server.Tests.Infrastructure;

namespace Licentia.Server.Tests.RealClient;

/// <summary>
/// Automated discovery and managed servers as licensed resources through boto3, against a server that runs discovery
/// every second with the test clock on (so 31 silent days can pass).
/// </summary>
public sealed class DiscoveryClientTests
{
    [Fact]
    public async Task Boto3_sees_discovery_associate_count_refuse_release_and_follow_freshness_and_deregistration()
    {
        await using var server = await LicentiaServerProcess.StartAsync(environment: new Dictionary<string, string>
        {
            ["Licentia__TestClock__Enabled"] = "true",
            ["Licentia__Discovery__IntervalSeconds"] = "1",
        });

        var run = await RealClients.RunScenarioAsync(server, "discovery");

        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- server ---\n" + server.Output);
    }
}
