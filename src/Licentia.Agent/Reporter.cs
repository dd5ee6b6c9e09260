using System.Text.Json;
using Licentia.Agent.Host;
using Licentia.Aws.Json;
using Licentia.Aws.Ssm;

namespace Licentia.Agent;

/// <summary>
/// <c>run</c>: heartbeats and inventory. Each cycle first sends a pending report left by an earlier failure, then
/// looks at the host; when an item's content hash differs from the last acknowledged one it writes the whole report
/// to pending-report.json, sends it (retrying with backoff) and deletes it only once the server has accepted it, so
/// no change is lost to a crash or an outage. When nothing changed it sends a heartbeat: a PutInventory of
/// AWS:InstanceInformation alone, whose unchanged hash the server does not rewrite but counts as a ping.
/// </summary>
internal sealed class Reporter(AgentCommandLine options, AgentState state, AgentCredentials credentials, ServerConnection connection, TimeProvider? time = null)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        while (true)
        {
            var ok = await CycleAsync(ct);
            if (options.Once)
            {
                return ok ? 0 : 1;
            }

            try
            {
                await Task.Delay(options.Interval, ct);
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
        }
    }

    private async Task<bool> CycleAsync(CancellationToken ct)
    {
        if (state.LoadPending() is { } pending && !await SendAsync(pending, ct))
        {
            return false;
        }

        var host = await HostSnapshot.CollectAsync(options.DpkgStatusPath, ct);
        var items = InventoryReport.Build(host, credentials.InstanceId, (time ?? TimeProvider.System).GetUtcNow());
        var reported = state.LoadReported();
        var changed = items.Where(i => !reported.TryGetValue(i.TypeName!, out var hash) || hash != i.ContentHash).ToList();
        if (changed.Count == 0)
        {
            // Heartbeat: AWS:InstanceInformation only; unchanged, so the server just records the ping.
            var heartbeat = Serialize([items[0]]);
            return await SendAsync(heartbeat, ct, keepPending: false);
        }

        var report = Serialize(changed.Any(i => i.TypeName == items[0].TypeName) ? changed : [items[0], .. changed]);
        state.SavePending(report);
        var sent = await SendAsync(report, ct);
        if (sent)
        {
            await Console.Out.WriteLineAsync($"Reported {string.Join(", ", changed.Select(i => i.TypeName))} ({host.Packages.Count} packages from {host.PackageSource}).");
        }

        return sent;
    }

    private string Serialize(List<InventoryItem> items) =>
        JsonSerializer.Serialize(new PutInventoryRequest { InstanceId = credentials.InstanceId, Items = items }, AwsJson.SerializerOptions);

    private async Task<bool> SendAsync(string requestJson, CancellationToken ct, bool keepPending = true)
    {
        var answer = await Retry.SendAsync(() => connection.CallSsmAsync(credentials, "PutInventory", requestJson, ct), options.MaxAttempts, ct);
        if (!answer.Succeeded)
        {
            await Console.Error.WriteLineAsync($"PutInventory failed: {answer}" + (keepPending ? $"; the report stays in {state.PendingPath}" : ""));
            return false;
        }

        var request = JsonSerializer.Deserialize<PutInventoryRequest>(requestJson, AwsJson.SerializerOptions);
        var reported = state.LoadReported();
        foreach (var item in request?.Items ?? [])
        {
            reported[item.TypeName!] = item.ContentHash!;
        }

        state.SaveReported(reported);
        if (keepPending)
        {
            state.ClearPending();
        }

        return true;
    }
}
