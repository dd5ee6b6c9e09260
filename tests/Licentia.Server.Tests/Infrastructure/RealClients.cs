using System.Diagnostics;

namespace Licentia.Server.Tests.Infrastructure;

/// <summary>What a client process did: its exit code and everything it printed.</summary>
public sealed record ClientRun(int ExitCode, string StdOut, string StdErr)
{
    public string Describe() => $"exit {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}

/// <summary>
/// Runs AWS clients nobody here wrote (the aws CLI, boto3) against a running server, configured
/// only through the credentials file the server wrote and the endpoint URL, as a user would.
/// </summary>
public static class RealClients
{
    private static readonly string ScenarioDir = Path.Combine(AppContext.BaseDirectory, "Clients", "scenarios");

    /// <summary>Runs a boto3 scenario script (Clients/scenarios/NAME.py); it exits non-zero on the first failed expectation.</summary>
    public static Task<ClientRun> RunScenarioAsync(LicentiaServerProcess server, string name, IDictionary<string, string>? environment = null) =>
        RunAsync("python3", [Path.Combine(ScenarioDir, name + ".py")], server, environment, TimeSpan.FromMinutes(5));

    /// <summary>Runs `aws --endpoint-url ENDPOINT ARGS...` with the server's credentials file.</summary>
    public static Task<ClientRun> RunAwsCliAsync(LicentiaServerProcess server, params string[] args) =>
        RunAsync("aws", ["--endpoint-url", server.Endpoint, .. args], server, null, TimeSpan.FromMinutes(2));

    private static async Task<ClientRun> RunAsync(string program, string[] args, LicentiaServerProcess server, IDictionary<string, string>? environment, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        // Only what the server gave us: no ambient credentials, config or region from the machine.
        foreach (var name in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_ENDPOINT_URL" })
        {
            psi.Environment.Remove(name);
        }

        psi.Environment["AWS_SHARED_CREDENTIALS_FILE"] = server.CredentialsFile;
        psi.Environment["AWS_CONFIG_FILE"] = Path.Combine(server.DataDir, "no-such-config");
        psi.Environment["AWS_MAX_ATTEMPTS"] = "1";
        psi.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        psi.Environment["AWS_PAGER"] = "";
        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        psi.Environment["PYTHONPATH"] = ScenarioDir;
        psi.Environment["LICENTIA_ENDPOINT"] = server.Endpoint;
        psi.Environment["LICENTIA_DATA_DIR"] = server.DataDir;
        foreach (var (name, value) in server.ClientEnvironment)
        {
            psi.Environment[name] = value;
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {timeout}");
        }

        return new ClientRun(process.ExitCode, await stdout, await stderr);
    }
}
