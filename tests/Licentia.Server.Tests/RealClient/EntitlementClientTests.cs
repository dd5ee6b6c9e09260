using System.Text.Json;
using Licentia.Server.Tests.Infrastructure;

namespace Licentia.Server.Tests.RealClient;

/// <summary>Seller-issued licenses and grants through boto3 (breadth, three accounts) and the aws CLI (smoke).</summary>
public sealed class EntitlementClientTests
{
    [Fact]
    public async Task Boto3_issues_versions_lists_and_deletes_licenses()
    {
        await using var server = await LicentiaServerProcess.StartAsync(
            environment: new Dictionary<string, string> { ["Licentia__TestClock__Enabled"] = "true" });
        var run = await RealClients.RunScenarioAsync(server, "licenses");
        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- server ---\n" + server.Output);
    }

    [Fact]
    public async Task Boto3_grants_a_license_to_a_second_account_which_accepts_and_activates_it_while_a_third_sees_nothing()
    {
        await using var server = await LicentiaServerProcess.StartAsync();
        var environment = new Dictionary<string, string>();
        foreach (var name in new[] { "second", "third" })
        {
            var created = await server.RunCommandAsync("account", "create", "--name", name);
            Assert.True(created.ExitCode == 0, created.StdErr);
            foreach (var (key, value) in CredentialsProfile.Parse(created.StdOut).AsEnvironment(name.ToUpperInvariant()))
            {
                environment[key] = value;
            }
        }

        var run = await RealClients.RunScenarioAsync(server, "grants", environment);
        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- server ---\n" + server.Output);
    }

    [Fact]
    public async Task Boto3_renews_weekly_honours_AllowCheckIn_and_node_locking_tags_licenses_and_grants_and_deletes_grants_with_their_license()
    {
        await using var server = await LicentiaServerProcess.StartAsync(
            environment: new Dictionary<string, string> { ["Licentia__TestClock__Enabled"] = "true" });
        var created = await server.RunCommandAsync("account", "create", "--name", "second");
        Assert.True(created.ExitCode == 0, created.StdErr);
        var run = await RealClients.RunScenarioAsync(server, "entitlement_rules", CredentialsProfile.Parse(created.StdOut).AsEnvironment("SECOND"));
        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- server ---\n" + server.Output);
    }

    [Fact]
    public async Task The_aws_cli_creates_a_license_grants_it_and_the_grantee_accepts_it()
    {
        await using var server = await LicentiaServerProcess.StartAsync();
        var second = await server.RunCommandAsync("account", "create", "--name", "second");
        Assert.True(second.ExitCode == 0, second.StdErr);
        await File.AppendAllTextAsync(server.CredentialsFile, "\n" + second.StdOut);

        var key = await Cli(server, "kms", "create-key", "--key-spec", "ECC_NIST_P256", "--key-usage", "SIGN_VERIFY");
        var keyArn = key.GetProperty("KeyMetadata").GetProperty("Arn").GetString()!;
        var secondKey = await Cli(server, "--profile", "second", "kms", "create-key", "--key-spec", "ECC_NIST_P256", "--key-usage", "SIGN_VERIFY");
        var secondAccount = secondKey.GetProperty("KeyMetadata").GetProperty("Arn").GetString()!.Split(':')[4];

        var license = await Cli(server, "license-manager", "create-license",
            "--license-name", "Analytics Pro", "--product-name", "Analytics", "--product-sku", "AP-1",
            "--issuer", $"Name=Example Software,SignKey={keyArn}", "--home-region", "us-east-1",
            "--validity", "Begin=2024-01-01T00:00:00Z,End=2099-01-01T00:00:00Z",
            "--entitlements", "Name=DataTransfer,MaxCount=40,Unit=Gigabytes,Overage=false", "Name=Platinum Tier,Unit=None",
            "--beneficiary", "buyer@example.com",
            "--consumption-configuration", "RenewType=None,ProvisionalConfiguration={MaxTimeToLiveInMinutes=60}",
            "--client-token", Guid.NewGuid().ToString());
        var licenseArn = license.GetProperty("LicenseArn").GetString()!;
        Assert.Matches("^arn:aws:license-manager::[0-9]{12}:license:l-[0-9a-f]{32}$", licenseArn);
        Assert.Equal("AVAILABLE", license.GetProperty("Status").GetString());

        var got = (await Cli(server, "license-manager", "get-license", "--license-arn", licenseArn)).GetProperty("License");
        Assert.Equal(40, got.GetProperty("Entitlements")[0].GetProperty("MaxCount").GetInt64());
        Assert.Equal("None", got.GetProperty("Entitlements")[1].GetProperty("Unit").GetString());

        var grant = await Cli(server, "license-manager", "create-grant", "--client-token", Guid.NewGuid().ToString(),
            "--grant-name", "to second", "--license-arn", licenseArn, "--principals", $"arn:aws:iam::{secondAccount}:root",
            "--home-region", "us-east-1", "--allowed-operations", "CheckoutLicense", "CheckInLicense");
        var grantArn = grant.GetProperty("GrantArn").GetString()!;
        Assert.Equal("PENDING_ACCEPT", grant.GetProperty("Status").GetString());

        var accepted = await Cli(server, "--profile", "second", "license-manager", "accept-grant", "--grant-arn", grantArn);
        Assert.Equal("DISABLED", accepted.GetProperty("Status").GetString());

        var received = await Cli(server, "--profile", "second", "license-manager", "list-received-licenses");
        var only = Assert.Single(received.GetProperty("Licenses").EnumerateArray());
        Assert.Equal(licenseArn, only.GetProperty("LicenseArn").GetString());
        Assert.Equal("DISABLED", only.GetProperty("ReceivedMetadata").GetProperty("ReceivedStatus").GetString());
    }

    private static async Task<JsonElement> Cli(LicentiaServerProcess server, params string[] args)
    {
        var run = await RealClients.RunAwsCliAsync(server, [.. args, "--region", "us-east-1", "--output", "json"]);
        Assert.True(run.ExitCode == 0, $"aws {string.Join(' ', args)}\n{run.Describe()}\n--- server ---\n{server.Output}");
        return JsonDocument.Parse(run.StdOut).RootElement.Clone();
    }
}
