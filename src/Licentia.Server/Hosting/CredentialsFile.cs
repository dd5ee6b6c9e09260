using System.Text;

namespace Licentia.Server.Hosting;

/// <summary>Renders and writes AWS shared-credentials profiles, the form the aws CLI and the SDKs read.</summary>
internal static class CredentialsFile
{
    public const string FileName = "credentials";

    public static string Profile(string name, string accessKeyId, string secretAccessKey, string? region)
    {
        var text = new StringBuilder()
            .Append('[').Append(name).Append("]\n")
            .Append("aws_access_key_id = ").Append(accessKeyId).Append('\n')
            .Append("aws_secret_access_key = ").Append(secretAccessKey).Append('\n');
        if (region is not null)
        {
            // botocore reads region from the credentials file too, so one file is all a client needs.
            text.Append("region = ").Append(region).Append('\n');
        }

        return text.ToString();
    }

    public static void Write(string dataDir, string contents)
    {
        PrivateFile.EnsureDirectory(dataDir);
        PrivateFile.WriteAllText(Path.Combine(dataDir, FileName), contents);
    }
}
