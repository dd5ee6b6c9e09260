using System.Security.Cryptography;
using System.Text.Json;
using Licentia.Server.Tests.Infrastructure;
using Licentia.Testing;

namespace Licentia.Server.Tests.RealClient;

/// <summary>The same scenarios on PostgreSQL, and two server nodes sharing one database.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresNodesTests(PostgresTestServer postgres)
{
    [Fact]
    public async Task License_configurations_scenario_passes_on_postgresql()
    {
        var database = await postgres.CreateDatabaseAsync("server_lc");
        await using var server = await LicentiaServerProcess.StartAsync(database);
        var run = await RealClients.RunScenarioAsync(server, "license_configurations");
        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- server ---\n" + server.Output);
    }

    [Fact]
    public async Task Two_nodes_on_one_database_serve_the_same_accounts_and_data()
    {
        var database = await postgres.CreateDatabaseAsync("server_nodes");
        var shared = new Dictionary<string, string> { ["LICENTIA_MASTER_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        await using var first = await LicentiaServerProcess.StartAsync(database, shared);
        await using var second = await LicentiaServerProcess.StartAsync(database, shared, first.DataDir);

        var created = await Cli(first, "license-manager", "create-license-configuration", "--name", "shared", "--license-counting-type", "vCPU");
        var arn = created.GetProperty("LicenseConfigurationArn").GetString()!;
        var seen = await Cli(second, "license-manager", "get-license-configuration", "--license-configuration-arn", arn);
        Assert.Equal("shared", seen.GetProperty("Name").GetString());

        var account = await second.RunCommandAsync("account", "create", "--name", "team-b", "--postgres", database);
        Assert.True(account.ExitCode == 0, account.StdErr);
        var teamB = CredentialsProfile.Parse(account.StdOut);
        var run = await RealClients.RunScenarioAsync(first, "accounts", teamB.AsEnvironment("SECOND"));
        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- first ---\n" + first.Output);
    }

    private static async Task<JsonElement> Cli(LicentiaServerProcess server, params string[] args)
    {
        var run = await RealClients.RunAwsCliAsync(server, [.. args, "--output", "json"]);
        Assert.True(run.ExitCode == 0, $"aws {string.Join(' ', args)}\n{run.Describe()}\n--- server ---\n{server.Output}");
        return JsonDocument.Parse(run.StdOut).RootElement.Clone();
    }
}
