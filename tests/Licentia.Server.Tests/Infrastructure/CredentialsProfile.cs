using System.Text.RegularExpressions;

namespace Licentia.Server.Tests.Infrastructure;

/// <summary>One profile of an AWS shared-credentials file, as the server prints or writes it.</summary>
public sealed partial record CredentialsProfile(string Name, string AccessKeyId, string SecretAccessKey)
{
    public static CredentialsProfile Parse(string text)
    {
        var name = ProfileHeader().Match(text);
        var key = Setting("aws_access_key_id").Match(text);
        var secret = Setting("aws_secret_access_key").Match(text);
        if (!name.Success || !key.Success || !secret.Success)
        {
            throw new FormatException("not a credentials profile:\n" + text);
        }

        return new CredentialsProfile(name.Groups[1].Value, key.Groups[1].Value.Trim(), secret.Groups[1].Value.Trim());
    }

    public Dictionary<string, string> AsEnvironment(string prefix) => new()
    {
        [prefix + "_ACCESS_KEY_ID"] = AccessKeyId,
        [prefix + "_SECRET_ACCESS_KEY"] = SecretAccessKey,
    };

    private static Regex Setting(string name) => new($@"(?m)^\s*{name}\s*=\s*(\S+)\s*$");

    [GeneratedRegex(@"(?m)^\[([^\]]+)\]")]
    private static partial Regex ProfileHeader();
}
