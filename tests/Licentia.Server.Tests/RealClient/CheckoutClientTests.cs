using System.Text.Json;
using Licentia.Client;
using Licentia.Server.Tests.Infrastructure;

namespace Licentia.Server.Tests.RealClient;

/// <summary>
/// Check-out, check-in, extension, borrowing and usage through boto3 (breadth, two accounts, parallel threads) and
/// the aws CLI (smoke), with the server's signed tokens verified offline by Licentia.Client.
/// </summary>
public sealed class CheckoutClientTests
{
    [Fact]
    public async Task Boto3_checks_out_counts_exactly_extends_borrows_and_checks_in_across_accounts()
    {
        await using var server = await LicentiaServerProcess.StartAsync(
            environment: new Dictionary<string, string> { ["Licentia__TestClock__Enabled"] = "true" });
        var created = await server.RunCommandAsync("account", "create", "--name", "second");
        Assert.True(created.ExitCode == 0, created.StdErr);
        var environment = new Dictionary<string, string>(CredentialsProfile.Parse(created.StdOut).AsEnvironment("SECOND"));
        var run = await RealClients.RunScenarioAsync(server, "checkout", environment);
        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- server ---\n" + server.Output);
    }

    [Fact]
    public async Task The_issues_done_when_flow_passes_for_a_grantee_and_a_customer_without_an_account_and_Licentia_Client_verifies_their_tokens()
    {
        await using var server = await LicentiaServerProcess.StartAsync();
        var created = await server.RunCommandAsync("account", "create", "--name", "second");
        Assert.True(created.ExitCode == 0, created.StdErr);
        var run = await RealClients.RunScenarioAsync(server, "done_when", CredentialsProfile.Parse(created.StdOut).AsEnvironment("SECOND"));
        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- server ---\n" + server.Output);

        // TOKEN <who> <key ARN> <node> <signed token>, one line per consumer.
        var tokens = run.StdOut.Split('\n').Where(l => l.StartsWith("TOKEN ", StringComparison.Ordinal)).Select(l => l.Trim().Split(' ')).ToList();
        Assert.Equal(["second", "customer"], tokens.Select(t => t[1]));
        using var http = new HttpClient();
        foreach (var (keyArn, node, signed) in tokens.Select(t => (t[2], t[3], t[4])))
        {
            var account = keyArn.Split(':')[4];
            var jwksUrl = $"{server.Endpoint}/.well-known/licentia/jwks/{account}/us-east-1/{keyArn.Split('/')[1]}.json";
            using var keys = LicenseTokenKeys.FromJwks(await http.GetStringAsync(new Uri(jwksUrl)));
            var verifier = new LicenseTokenVerifier(keys);
            var verified = verifier.Verify(signed, new LicenseTokenExpectations { NodeId = node, Entitlements = ["DataTransfer", "Platinum Tier"] });
            Assert.True(verified.IsValid, verified.Detail);
            Assert.Equal(("10", "Enabled"), (verified.Token!.FindEntitlement("DataTransfer")!.Value, verified.Token.FindEntitlement("Platinum Tier")!.Value));
            Assert.Equal(LicenseTokenReasons.WrongNode, verifier.Verify(signed, new LicenseTokenExpectations { NodeId = "elsewhere" }).Reason);
        }
    }

    [Fact]
    public async Task The_aws_cli_checks_out_reads_usage_and_checks_in_and_Licentia_Client_verifies_the_token()
    {
        await using var server = await LicentiaServerProcess.StartAsync();
        var key = await Cli(server, "kms", "create-key", "--key-spec", "RSA_2048", "--key-usage", "SIGN_VERIFY");
        var keyArn = key.GetProperty("KeyMetadata").GetProperty("Arn").GetString()!;
        var account = keyArn.Split(':')[4];
        var license = await Cli(server, "license-manager", "create-license",
            "--license-name", "Analytics Pro", "--product-name", "Analytics", "--product-sku", "AP-1",
            "--issuer", $"Name=Example Software,SignKey={keyArn}", "--home-region", "us-east-1",
            "--validity", "Begin=2024-01-01T00:00:00Z",
            "--entitlements", "Name=DataTransfer,MaxCount=40,Unit=Gigabytes,Overage=false,AllowCheckIn=true", "Name=Platinum Tier,Unit=None",
            "--beneficiary", "buyer", "--consumption-configuration", "RenewType=None,ProvisionalConfiguration={MaxTimeToLiveInMinutes=60}",
            "--client-token", Guid.NewGuid().ToString());
        var licenseArn = license.GetProperty("LicenseArn").GetString()!;

        var checkout = await Cli(server, "license-manager", "checkout-license", "--product-sku", "AP-1", "--checkout-type", "PROVISIONAL",
            "--key-fingerprint", $"aws:{account}:Example Software:issuer-fingerprint", "--beneficiary", "buyer", "--node-id", "node-1",
            "--entitlements", "Name=DataTransfer,Value=10,Unit=Gigabytes", "Name=Platinum Tier,Unit=None",
            "--client-token", Guid.NewGuid().ToString());
        Assert.Equal(licenseArn, checkout.GetProperty("LicenseArn").GetString());
        var signedToken = checkout.GetProperty("SignedToken").GetString()!;

        var usage = await Cli(server, "license-manager", "get-license-usage", "--license-arn", licenseArn);
        var dataTransfer = usage.GetProperty("LicenseUsage").GetProperty("EntitlementUsages")[0];
        Assert.Equal(("DataTransfer", "10", "40"), (dataTransfer.GetProperty("Name").GetString(),
            dataTransfer.GetProperty("ConsumedValue").GetString(), dataTransfer.GetProperty("MaxCount").GetString()));

        // Offline verification: through the JWKS document, and through the DER public key of KMS GetPublicKey.
        var expectations = new LicenseTokenExpectations { NodeId = "node-1", LicenseArn = licenseArn, Entitlements = ["DataTransfer", "Platinum Tier"] };
        using var http = new HttpClient();
        var jwksUrl = $"{server.Endpoint}/.well-known/licentia/jwks/{account}/us-east-1/{keyArn.Split('/')[1]}.json";
        using var fromJwks = LicenseTokenKeys.FromJwks(await http.GetStringAsync(new Uri(jwksUrl)));
        var verified = new LicenseTokenVerifier(fromJwks).Verify(signedToken, expectations);
        Assert.True(verified.IsValid, verified.Detail);
        Assert.Equal(("PS256", keyArn), (verified.Token!.Algorithm, verified.Token.KeyId));
        Assert.Equal("10", verified.Token.FindEntitlement("DataTransfer")!.Value);
        var publicKey = await Cli(server, "kms", "get-public-key", "--key-id", keyArn);
        using var fromDer = LicenseTokenKeys.FromSubjectPublicKeyInfo(Convert.FromBase64String(publicKey.GetProperty("PublicKey").GetString()!));
        Assert.True(new LicenseTokenVerifier(fromDer).Verify(signedToken, expectations).IsValid);
        Assert.Equal(LicenseTokenReasons.WrongNode, new LicenseTokenVerifier(fromDer).Verify(signedToken, expectations with { NodeId = "node-2" }).Reason);

        var checkIn = await RealClients.RunAwsCliAsync(server, "license-manager", "check-in-license", "--license-consumption-token",
            checkout.GetProperty("LicenseConsumptionToken").GetString()!, "--region", "us-east-1", "--output", "json");
        Assert.True(checkIn.ExitCode == 0, checkIn.Describe());
        usage = await Cli(server, "license-manager", "get-license-usage", "--license-arn", licenseArn);
        Assert.Equal("0", usage.GetProperty("LicenseUsage").GetProperty("EntitlementUsages")[0].GetProperty("ConsumedValue").GetString());
    }

    private static async Task<JsonElement> Cli(LicentiaServerProcess server, params string[] args)
    {
        var run = await RealClients.RunAwsCliAsync(server, [.. args, "--region", "us-east-1", "--output", "json"]);
        Assert.True(run.ExitCode == 0, $"aws {string.Join(' ', args)}\n{run.Describe()}\n--- server ---\n{server.Output}");
        return JsonDocument.Parse(run.StdOut).RootElement.Clone();
    }
}
