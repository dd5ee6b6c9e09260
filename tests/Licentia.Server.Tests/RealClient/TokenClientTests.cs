using System.Text.Json;
using Licentia.Server.Tests.Infrastructure;

namespace Licentia.Server.Tests.RealClient;

/// <summary>
/// Customers without an account through real clients: License Manager tokens, STS AssumeRoleWithWebIdentity and
/// GetCallerIdentity with boto3 (breadth, with the test clock) and the aws CLI (smoke).
/// </summary>
public sealed class TokenClientTests
{
    [Fact]
    public async Task Boto3_creates_exchanges_assumes_consumes_lists_deletes_and_expires_tokens()
    {
        await using var server = await LicentiaServerProcess.StartAsync(environment: new Dictionary<string, string>
        {
            ["Licentia__TestClock__Enabled"] = "true",
        });
        var run = await RealClients.RunScenarioAsync(server, "tokens");
        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- server ---\n" + server.Output);
    }

    [Fact]
    public async Task The_aws_cli_creates_a_token_gets_an_access_token_and_tells_the_caller_who_it_is()
    {
        await using var server = await LicentiaServerProcess.StartAsync();
        var identity = await Cli(server, "sts", "get-caller-identity");
        var account = identity.GetProperty("Account").GetString()!;
        Assert.Equal($"arn:aws:iam::{account}:root", identity.GetProperty("Arn").GetString());

        // CreateToken needs a license the caller issued (or accepted a grant of).
        var key = await Cli(server, "kms", "create-key", "--key-spec", "ECC_NIST_P256", "--key-usage", "SIGN_VERIFY", "--region", "us-east-1");
        var license = await Cli(server, "license-manager", "create-license", "--license-name", "Analytics Pro", "--product-name", "Analytics",
            "--product-sku", "AP-1", "--issuer", $"Name=Example,SignKey={key.GetProperty("KeyMetadata").GetProperty("Arn").GetString()}",
            "--home-region", "us-east-1", "--validity", "Begin=2024-01-01T00:00:00Z", "--entitlements", "Name=Seats,MaxCount=5,Unit=Count",
            "--beneficiary", "customer", "--consumption-configuration", "RenewType=None", "--client-token", Guid.NewGuid().ToString(),
            "--region", "us-east-1");
        var licenseArn = license.GetProperty("LicenseArn").GetString()!;
        var created = await Cli(server, "license-manager", "create-token", "--license-arn", licenseArn, "--region", "us-east-1",
            "--role-arns", $"arn:aws:iam::{account}:role/Consumer", "--client-token", Guid.NewGuid().ToString());
        Assert.Equal("REFRESH_TOKEN", created.GetProperty("TokenType").GetString());
        var token = created.GetProperty("Token").GetString()!;

        var access = await Cli(server, "license-manager", "get-access-token", "--token", token);
        Assert.Equal(3, access.GetProperty("AccessToken").GetString()!.Split('.').Length);
    }

    private static async Task<JsonElement> Cli(LicentiaServerProcess server, params string[] args)
    {
        var run = await RealClients.RunAwsCliAsync(server, [.. args, "--output", "json"]);
        Assert.True(run.ExitCode == 0, $"aws {string.Join(' ', args)}\n{run.Describe()}\n--- server ---\n{server.Output}");
        return JsonDocument.Parse(run.StdOut).RootElement.Clone();
    }
}
