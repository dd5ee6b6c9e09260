using System.Text.RegularExpressions;
using Licentia.Server.Tests.Infrastructure;

namespace Licentia.Server.Tests;

/// <summary>What a newcomer sees on the first start, and the command line's account creation.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FirstStartTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task First_start_creates_an_account_and_a_private_credentials_file()
    {
        await using var server = await LicentiaServerProcess.StartAsync();

        var profile = CredentialsProfile.Parse(await File.ReadAllTextAsync(server.CredentialsFile));
        Assert.Equal("default", profile.Name);
        Assert.Matches("^AKIA[A-Z0-9]{16}$", profile.AccessKeyId);
        Assert.Equal(40, profile.SecretAccessKey.Length);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(server.CredentialsFile));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(server.DataDir, "master.key")));
        Assert.Matches(@"created account \d{12}", server.Output);
        Assert.Contains("AWS_SHARED_CREDENTIALS_FILE", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(profile.SecretAccessKey, server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restart_keeps_the_account_and_its_keys()
    {
        await using var server = await LicentiaServerProcess.StartAsync();
        var before = await File.ReadAllTextAsync(server.CredentialsFile);

        await server.CrashAndRestartAsync();

        Assert.Equal(before, await File.ReadAllTextAsync(server.CredentialsFile));
        var run = await RealClients.RunAwsCliAsync(server, "license-manager", "list-license-configurations");
        Assert.True(run.ExitCode == 0, run.Describe());
    }

    [Fact]
    public async Task Account_create_prints_a_profile_and_refuses_a_taken_name()
    {
        await using var server = await LicentiaServerProcess.StartAsync();

        var created = await server.RunCommandAsync("account", "create", "--name", "team-b");
        Assert.True(created.ExitCode == 0, created.StdErr);
        var profile = CredentialsProfile.Parse(created.StdOut);
        Assert.Equal("team-b", profile.Name);
        Assert.Matches(new Regex("^region = us-east-1$", RegexOptions.Multiline), created.StdOut);

        var again = await server.RunCommandAsync("account", "create", "--name", "team-b");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("team-b", again.StdErr, StringComparison.Ordinal);

        var nameless = await server.RunCommandAsync("account", "create");
        Assert.Equal(2, nameless.ExitCode);
        Assert.Contains("--name", nameless.StdErr, StringComparison.Ordinal);
    }
}
