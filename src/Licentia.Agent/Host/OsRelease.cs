namespace Licentia.Agent.Host;

/// <summary>/etc/os-release (or /usr/lib/os-release): NAME, VERSION_ID and PRETTY_NAME of the running system.</summary>
internal sealed record OsRelease(string Name, string VersionId, string PrettyName)
{
    public static readonly string[] Paths = ["/etc/os-release", "/usr/lib/os-release"];

    public static OsRelease Read()
    {
        var path = Paths.FirstOrDefault(File.Exists);
        return path is null ? new OsRelease("Linux", Environment.OSVersion.Version.ToString(), "Linux") : Parse(File.ReadAllText(path));
    }

    /// <summary>KEY=value lines; values may be quoted with " or '; comments and blank lines are skipped.</summary>
    public static OsRelease Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] == '#' || eq <= 0)
            {
                continue;
            }

            var value = line[(eq + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                value = value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal);
            }

            values[line[..eq]] = value;
        }

        var name = values.GetValueOrDefault("NAME", "Linux");
        return new OsRelease(name, values.GetValueOrDefault("VERSION_ID", ""), values.GetValueOrDefault("PRETTY_NAME", name));
    }
}
