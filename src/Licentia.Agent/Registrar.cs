using System.Text.Json;
using Licentia.Agent.Host;

namespace Licentia.Agent;

/// <summary><c>register</c>: exchanges an activation code for the node's id and credentials, once (docs/agent-protocol.md).</summary>
internal static class Registrar
{
    public static async Task<int> RunAsync(AgentCommandLine options, CancellationToken ct)
    {
        var state = new AgentState(options.StateDirectory);
        if (state.IsRegistered)
        {
            var existing = state.LoadCredentials();
            await Console.Error.WriteLineAsync($"Already registered as {existing.InstanceId} ({state.CredentialsPath}); delete that file to register again.");
            return 1;
        }

        var host = await HostSnapshot.CollectAsync(options.DpkgStatusPath, ct);
        var facts = InventoryReport.Information(host, "");
        var body = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["ActivationId"] = options.ActivationId!,
            ["ActivationCode"] = options.ActivationCode!,
            ["Region"] = options.Region,
            ["ComputerName"] = facts["ComputerName"],
            ["PlatformType"] = facts["PlatformType"],
            ["PlatformName"] = facts["PlatformName"],
            ["PlatformVersion"] = facts["PlatformVersion"],
            ["AgentVersion"] = facts["AgentVersion"],
            ["IpAddress"] = facts["IpAddress"],
        });

        using var connection = new ServerConnection(options.Endpoint!, options.CaFile, options.Timeout);
        var answer = await Retry.SendAsync(() => connection.PostJsonAsync("agent/register", body, ct), options.MaxAttempts, ct);
        if (!answer.Succeeded)
        {
            await Console.Error.WriteLineAsync($"Registration refused: {answer}");
            return 1;
        }

        using var doc = JsonDocument.Parse(answer.Body);
        var root = doc.RootElement;
        string Get(string name) => root.GetProperty(name).GetString() ?? throw new InvalidDataException($"The server's answer has no {name}.");
        var credentials = new AgentCredentials(options.Endpoint!, Get("Region"), Get("InstanceId"), Get("AccountId"), Get("AccessKeyId"),
            Get("SecretAccessKey"), options.CaFile is null ? null : Path.GetFullPath(options.CaFile));
        state.SaveCredentials(credentials);
        await Console.Out.WriteLineAsync($"Registered as {credentials.InstanceId} in {credentials.Region}; credentials in {state.CredentialsPath}.");
        return 0;
    }
}

/// <summary>Retries what may succeed later (unreachable server, throttling, server faults) with <see cref="Backoff"/>.</summary>
internal static class Retry
{
    public static async Task<ServerAnswer> SendAsync(Func<Task<ServerAnswer>> send, int maxAttempts, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var answer = await send();
            if (!answer.Retryable || attempt + 1 >= maxAttempts)
            {
                return answer;
            }

            var delay = Backoff.Default.Delay(attempt);
            await Console.Error.WriteLineAsync($"{answer}; retrying in {delay.TotalSeconds:F1} s");
            await Task.Delay(delay, ct);
        }
    }
}
