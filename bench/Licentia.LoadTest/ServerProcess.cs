using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Licentia.LoadTest;

/// <summary>
/// The real server, started as its own process the way a user starts it (the built Licentia.Server.dll with
/// --urls and --data-dir), on a free loopback port it picks itself, with a fresh temporary data directory.
/// Disposing kills it (and anything it started) and removes the directory.
/// </summary>
internal sealed partial class ServerProcess : IDisposable
{
    private const int KeptLines = 200;

    private readonly Process _process;
    private readonly Queue<string> _lastLines;

    private readonly bool _keepDataDir;

    private ServerProcess(Process process, Queue<string> lastLines, string dataDir, Uri endpoint, bool keepDataDir)
    {
        _keepDataDir = keepDataDir;
        _process = process;
        _lastLines = lastLines;
        DataDir = dataDir;
        Endpoint = endpoint;
    }

    public string DataDir { get; }

    public Uri Endpoint { get; }

    public string CredentialsFile => Path.Combine(DataDir, "credentials");

    /// <summary>CPU time the server has used so far, both cores together.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The server's last lines of output, for error messages.</summary>
    public string RecentOutput
    {
        get
        {
            return Tail(_lastLines);
        }
    }

    /// <param name="dataDir">A data directory to use and keep (the inventory benchmark's seeded store); by default a fresh temporary one, removed on dispose.</param>
    public static async Task<ServerProcess> StartAsync(string serverDll, string? postgres, bool quiet, CancellationToken ct, string? dataDir = null)
    {
        if (!File.Exists(serverDll))
        {
            throw new FileNotFoundException(
                $"The server is not built at {serverDll}. Build it with: dotnet build -c Release src/Licentia.Server (or pass --server-dll).");
        }

        var keepDataDir = dataDir is not null;
        dataDir ??= Path.Combine(Path.GetTempPath(), "licentia-load-" + Guid.NewGuid().ToString("N"));
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { serverDll, "--urls", "http://127.0.0.1:0", "--data-dir", dataDir })
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment.Remove("LICENTIA_POSTGRES");
        // The create scenario makes thousands of configurations in one account and region; the default quota would refuse them.
        psi.Environment["Licentia__Quotas__LicenseConfigurationsPerScope"] = "100000000";
        if (postgres is not null)
        {
            psi.Environment["LICENTIA_POSTGRES"] = postgres;
        }

        if (quiet)
        {
            // Only the one line per request; the start-up lines (with the port) are still needed.
            psi.Environment["Logging__LogLevel__Licentia.Server.Wire.AwsEndpoint"] = "Warning";
        }

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lines = new Queue<string>();
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            // Always drained: a full pipe would stall the server's logger and with it every request.
            lock (lines)
            {
                lines.Enqueue(line);
                if (lines.Count > KeptLines)
                {
                    lines.Dequeue();
                }
            }

            if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException(
            "The server exited during start-up:" + Environment.NewLine + Tail(lines)));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var endpoint = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
            return new ServerProcess(process, lines, dataDir, endpoint, keepDataDir);
        }
        catch (TimeoutException)
        {
            Kill(process);
            process.Dispose();
            DeleteDirectory(keepDataDir ? null : dataDir);
            throw new TimeoutException(
                "The server did not print \"Now listening on: http://127.0.0.1:PORT\" within 60 s. Its output:" + Environment.NewLine + Tail(lines));
        }
        catch
        {
            Kill(process);
            process.Dispose();
            DeleteDirectory(keepDataDir ? null : dataDir);
            throw;
        }
    }

    public void Dispose()
    {
        Kill(_process);
        _process.Dispose();
        DeleteDirectory(_keepDataDir ? null : DataDir);
    }

    private static string Tail(Queue<string> lines)
    {
        lock (lines)
        {
            return string.Join(Environment.NewLine, lines);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It was never started, or is already gone.
        }
    }

    private static void DeleteDirectory(string? path)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
