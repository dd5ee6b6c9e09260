using System.Text.Json;

namespace Licentia.Agent;

/// <summary>What registration gave the agent: where the server is and the node's own credentials.</summary>
internal sealed record AgentCredentials(
    string Endpoint, string Region, string InstanceId, string AccountId, string AccessKeyId, string SecretAccessKey, string? CaFile)
{
    public override string ToString() => $"AgentCredentials {{ Endpoint = {Endpoint}, InstanceId = {InstanceId}, AccessKeyId = {AccessKeyId}, SecretAccessKey = *** }}";
}

/// <summary>
/// The agent's state directory (default /var/lib/licentia-agent, mode 0700), every file mode 0600 and written
/// atomically (temporary file, then rename):
/// <list type="bullet">
/// <item><c>state.json</c>: <see cref="AgentCredentials"/>, written once by <c>register</c>.</item>
/// <item><c>pending-report.json</c>: a PutInventory request not yet acknowledged; sent first on the next attempt.</item>
/// <item><c>reported.json</c>: the content hash of each inventory type the server has acknowledged.</item>
/// </list>
/// </summary>
internal sealed class AgentState(string directory)
{
    public const string DefaultDirectory = "/var/lib/licentia-agent";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Directory => directory;

    public string CredentialsPath => Path.Combine(directory, "state.json");

    public string PendingPath => Path.Combine(directory, "pending-report.json");

    public string ReportedPath => Path.Combine(directory, "reported.json");

    public bool IsRegistered => File.Exists(CredentialsPath);

    public AgentCredentials LoadCredentials() =>
        JsonSerializer.Deserialize<AgentCredentials>(File.ReadAllText(CredentialsPath), Json)
        ?? throw new InvalidDataException($"{CredentialsPath} is empty.");

    public void SaveCredentials(AgentCredentials credentials) => Write(CredentialsPath, JsonSerializer.Serialize(credentials, Json));

    public string? LoadPending() => File.Exists(PendingPath) ? File.ReadAllText(PendingPath) : null;

    public void SavePending(string requestJson) => Write(PendingPath, requestJson);

    public void ClearPending() => File.Delete(PendingPath);

    public Dictionary<string, string> LoadReported() =>
        File.Exists(ReportedPath)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(ReportedPath), Json) ?? []
            : [];

    public void SaveReported(Dictionary<string, string> hashes) => Write(ReportedPath, JsonSerializer.Serialize(hashes, Json));

    private void Write(string path, string contents)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                System.IO.Directory.CreateDirectory(directory);
            }
            else
            {
                System.IO.Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(contents);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temp, path, overwrite: true);
    }
}
