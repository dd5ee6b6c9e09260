namespace Licentia.LoadTest;

/// <summary>One profile of an AWS shared-credentials file (the INI file the server writes on first start).</summary>
internal sealed class SharedCredentials
{
    private SharedCredentials(string accessKeyId, string secretAccessKey, string region)
    {
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        Region = region;
    }

    public string AccessKeyId { get; }

    public string SecretAccessKey { get; }

    public string Region { get; }

    public override string ToString() => $"{AccessKeyId} in {Region}";

    /// <exception cref="InvalidOperationException">The file lacks the profile or one of its keys.</exception>
    public static SharedCredentials Read(string path, string profile)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? section = null;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1].Trim();
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (section == profile && equals > 0)
            {
                values[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        string Required(string key) => values.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new InvalidOperationException($"{path} has no {key} in profile [{profile}].");

        return new SharedCredentials(
            Required("aws_access_key_id"),
            Required("aws_secret_access_key"),
            values.GetValueOrDefault("region") is { Length: > 0 } region ? region : "us-east-1");
    }
}
