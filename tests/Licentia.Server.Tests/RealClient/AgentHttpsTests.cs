using System.Text.Json.Nodes;
using Licentia.Server.Tests.Infrastructure;

namespace Licentia.Server.Tests.RealClient;

/// <summary>
/// The agent over HTTPS to a server whose certificate a private CA issued: without --ca-file it refuses the
/// connection (the system store does not know the CA), with it it registers and reports; the aws CLI reaches
/// the same server with AWS_CA_BUNDLE.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AgentHttpsTests
{
    [Fact]
    public async Task The_agent_verifies_the_servers_certificate_against_the_private_CA_it_is_given()
    {
        var certificates = TestCertificates.Create(Path.Combine(Path.GetTempPath(), "licentia-tls-" + Guid.NewGuid().ToString("N")));
        await using var server = await LicentiaServerProcess.StartAsync(tls: certificates);
        Assert.StartsWith("https://127.0.0.1:", server.Endpoint, StringComparison.Ordinal);
        var stateDir = Path.Combine(server.DataDir, "agent-state");
        var activation = await SsmClientTests.Cli(server, "ssm", "create-activation", "--iam-role", "SSMServiceRole",
            "--registration-limit", "2", "--region", "us-east-1");
        string[] register = ["register", "--endpoint", server.Endpoint, "--region", "us-east-1", "--state-dir", stateDir,
            "--activation-code", activation.GetProperty("ActivationCode").GetString()!,
            "--activation-id", activation.GetProperty("ActivationId").GetString()!];

        var untrusted = await AgentProcess.RunAsync(register);
        Assert.NotEqual(0, untrusted.ExitCode);
        Assert.False(File.Exists(Path.Combine(stateDir, "state.json")), untrusted.Describe());
        Assert.Contains("certificate", untrusted.StdErr, StringComparison.OrdinalIgnoreCase);

        var registered = await AgentProcess.RunAsync([.. register, "--ca-file", certificates.CaFile]);
        Assert.True(registered.ExitCode == 0, registered.Describe() + "\n--- server ---\n" + server.Output);
        var state = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(stateDir, "state.json")))!;
        Assert.Equal(server.Endpoint, state["Endpoint"]!.GetValue<string>().TrimEnd('/'));

        // run takes the CA bundle from the state the registration wrote.
        var reported = await AgentProcess.RunAsync("run", "--once", "--state-dir", stateDir);
        Assert.True(reported.ExitCode == 0, reported.Describe() + "\n--- server ---\n" + server.Output);
        var instanceId = state["InstanceId"]!.GetValue<string>();
        var info = await SsmClientTests.Cli(server, "ssm", "describe-instance-information", "--region", "us-east-1");
        var node = Assert.Single(info.GetProperty("InstanceInformationList").EnumerateArray());
        Assert.Equal(instanceId, node.GetProperty("InstanceId").GetString());
        Assert.Equal("Online", node.GetProperty("PingStatus").GetString());
    }
}
