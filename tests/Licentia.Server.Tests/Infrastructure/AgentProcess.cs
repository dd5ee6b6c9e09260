using System.Diagnostics;

namespace Licentia.Server.Tests.Infrastructure;

/// <summary>Runs the built agent (Licentia.Agent.dll, copied next to the tests) as its own process, the way a user runs it.</summary>
public static class AgentProcess
{
    private static readonly string AgentDll = Path.Combine(AppContext.BaseDirectory, "Licentia.Agent.dll");

    public static async Task<ClientRun> RunAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(AgentDll);
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the agent");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new ClientRun(process.ExitCode, await stdout, await stderr);
    }
}
