using System.Text.Json;
using Licentia.Server.Tests.Infrastructure;

namespace Licentia.Server.Tests.RealClient;

/// <summary>The KMS signing-key operations through boto3 (breadth) and the aws CLI (each operation once).</summary>
public sealed class KmsClientTests
{
    [Fact]
    public async Task Boto3_signs_and_verifies_with_every_key_spec_and_gets_KMS_errors()
    {
        await using var server = await LicentiaServerProcess.StartAsync();
        var created = await server.RunCommandAsync("account", "create", "--name", "second");
        Assert.True(created.ExitCode == 0, created.StdErr);
        var second = CredentialsProfile.Parse(created.StdOut);

        var run = await RealClients.RunScenarioAsync(server, "kms", second.AsEnvironment("SECOND"));
        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- server ---\n" + server.Output);
    }

    [Fact]
    public async Task The_aws_cli_creates_describes_signs_and_verifies()
    {
        await using var server = await LicentiaServerProcess.StartAsync();
        var messageFile = Path.Combine(server.DataDir, "message.bin");
        await File.WriteAllBytesAsync(messageFile, "license token"u8.ToArray());

        var create = await Cli(server, "kms", "create-key", "--key-spec", "ECC_NIST_P256", "--key-usage", "SIGN_VERIFY",
            "--description", "cli key");
        var metadata = create.GetProperty("KeyMetadata");
        var keyId = metadata.GetProperty("KeyId").GetString()!;
        var arn = metadata.GetProperty("Arn").GetString()!;
        Assert.Matches("^arn:aws:kms:us-east-1:[0-9]{12}:key/[0-9a-f-]{36}$", arn);
        Assert.Equal("ECDSA_SHA_256", Assert.Single(metadata.GetProperty("SigningAlgorithms").EnumerateArray()).GetString());

        var described = await Cli(server, "kms", "describe-key", "--key-id", arn);
        Assert.Equal(keyId, described.GetProperty("KeyMetadata").GetProperty("KeyId").GetString());
        Assert.Equal("Enabled", described.GetProperty("KeyMetadata").GetProperty("KeyState").GetString());

        var publicKey = await Cli(server, "kms", "get-public-key", "--key-id", keyId);
        var der = Convert.FromBase64String(publicKey.GetProperty("PublicKey").GetString()!);
        using var ecdsa = System.Security.Cryptography.ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(der, out _);
        Assert.Equal(256, ecdsa.KeySize);

        var signed = await Cli(server, "kms", "sign", "--key-id", keyId, "--message", "fileb://" + messageFile,
            "--signing-algorithm", "ECDSA_SHA_256");
        var signature = Convert.FromBase64String(signed.GetProperty("Signature").GetString()!);
        Assert.True(ecdsa.VerifyData("license token"u8, signature, System.Security.Cryptography.HashAlgorithmName.SHA256,
            System.Security.Cryptography.DSASignatureFormat.Rfc3279DerSequence));
        var signatureFile = Path.Combine(server.DataDir, "signature.bin");
        await File.WriteAllBytesAsync(signatureFile, signature);

        var verified = await Cli(server, "kms", "verify", "--key-id", arn, "--message", "fileb://" + messageFile,
            "--signature", "fileb://" + signatureFile, "--signing-algorithm", "ECDSA_SHA_256");
        Assert.True(verified.GetProperty("SignatureValid").GetBoolean());

        var wrong = await RealClients.RunAwsCliAsync(server, "kms", "sign", "--key-id", keyId, "--message", "fileb://" + messageFile,
            "--signing-algorithm", "ECDSA_SHA_512");
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("(InvalidKeyUsageException)", wrong.StdErr, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> Cli(LicentiaServerProcess server, params string[] args)
    {
        var run = await RealClients.RunAwsCliAsync(server, [.. args, "--output", "json"]);
        Assert.True(run.ExitCode == 0, $"aws {string.Join(' ', args)}\n{run.Describe()}\n--- server ---\n{server.Output}");
        return JsonDocument.Parse(run.StdOut).RootElement.Clone();
    }
}
