using System.Security.Cryptography;
using Licentia.Server.Tests.Infrastructure;
using Licentia.Testing;

namespace Licentia.Server.Tests.RealClient;

/// <summary>Launch-time enforcement on PostgreSQL: parallel launches against one node, then across two nodes on one database.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class LaunchEnforcementPostgresTests(PostgresTestServer postgres)
{
    [Fact]
    public async Task Parallel_launches_on_one_node_and_on_two_nodes_of_one_database_never_pass_a_hard_limit()
    {
        var database = await postgres.CreateDatabaseAsync("server_enforcement");
        var shared = new Dictionary<string, string> { ["LICENTIA_MASTER_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        await using var first = await LicentiaServerProcess.StartAsync(database, shared);
        await using var second = await LicentiaServerProcess.StartAsync(database, shared, first.DataDir);

        var oneNode = await RealClients.RunScenarioAsync(first, "enforcement_concurrency");
        Assert.True(oneNode.ExitCode == 0, "one node: " + oneNode.Describe() + "\n--- first ---\n" + first.Output);

        var twoNodes = await RealClients.RunScenarioAsync(first, "enforcement_concurrency",
            new Dictionary<string, string> { ["LICENTIA_ENDPOINT_2"] = second.Endpoint });
        Assert.True(twoNodes.ExitCode == 0, "two nodes: " + twoNodes.Describe() + "\n--- first ---\n" + first.Output + "\n--- second ---\n" + second.Output);
    }
}
