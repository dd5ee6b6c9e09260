using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Licentia.Server.Tests.Infrastructure;

/// <summary>
/// The real server, started as its own process exactly as a user starts it (the built
/// Licentia.Server.dll with --urls and --data-dir), on a loopback port it picks itself.
/// Real AWS clients talk to it over HTTP; tests can kill and restart it to prove durability.
/// </summary>
public sealed partial class LicentiaServerProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly Dictionary<string, string> _environment;
    private readonly TestCertificates? _tls;
    private Process? _process;

    private LicentiaServerProcess(string dataDir, Dictionary<string, string> environment, TestCertificates? tls)
    {
        DataDir = dataDir;
        _environment = environment;
        _tls = tls;
    }

    public string DataDir { get; }

    public string Endpoint { get; private set; } = "";

    public string CredentialsFile => Path.Combine(DataDir, "credentials");

    /// <summary>What a client needs in its environment to talk to this server (the private CA bundle under HTTPS).</summary>
    public IReadOnlyDictionary<string, string> ClientEnvironment =>
        _tls is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["AWS_CA_BUNDLE"] = _tls.CaFile };

    /// <summary>Everything the server printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="postgresConnectionString">PostgreSQL instead of the embedded SQLite store.</param>
    /// <param name="environment">Extra environment variables for the server process.</param>
    /// <param name="dataDir">A data directory to share with another node; a fresh temporary one by default.</param>
    /// <param name="tls">Serve HTTPS with this certificate (issued by a private CA) instead of plain HTTP.</param>
    public static async Task<LicentiaServerProcess> StartAsync(
        string? postgresConnectionString = null, IDictionary<string, string>? environment = null, string? dataDir = null,
        TestCertificates? tls = null)
    {
        dataDir ??= Path.Combine(Path.GetTempPath(), "licentia-test-" + Guid.NewGuid().ToString("N"));
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        if (postgresConnectionString is not null)
        {
            env["LICENTIA_POSTGRES"] = postgresConnectionString;
        }

        if (tls is not null)
        {
            env["Kestrel__Certificates__Default__Path"] = tls.ServerPfxFile;
            env["Kestrel__Certificates__Default__Password"] = tls.ServerPfxPassword;
        }

        var server = new LicentiaServerProcess(dataDir, env, tls);
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Kills the process without any chance to flush (as a crash would), then starts it again on the same data.</summary>
    public async Task CrashAndRestartAsync()
    {
        Kill();
        await StartProcessAsync();
    }

    /// <summary>Runs a command of the server's command line (e.g. "account create") against this data dir.</summary>
    public async Task<(int ExitCode, string StdOut, string StdErr)> RunCommandAsync(params string[] args)
    {
        var psi = ServerStartInfo();
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        psi.ArgumentList.Add("--data-dir");
        psi.ArgumentList.Add(DataDir);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the server's command line");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.Yield();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    private async Task StartProcessAsync()
    {
        var psi = ServerStartInfo();
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(_tls is null ? "http://127.0.0.1:0" : "https://127.0.0.1:0");
        psi.ArgumentList.Add("--data-dir");
        psi.ArgumentList.Add(DataDir);

        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }

            var match = ListeningLine().Match(line);
            if (match.Success)
            {
                listening.TrySetResult(match.Groups[1].Value);
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("the server exited during start-up:\n" + Output));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var started = await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        if (started != listening.Task)
        {
            Kill();
            throw new TimeoutException("the server did not start listening within 60 s:\n" + Output);
        }

        Endpoint = await listening.Task;
        await WaitForHealthAsync();
    }

    private async Task WaitForHealthAsync()
    {
        using var handler = new SocketsHttpHandler();
        if (_tls is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => _tls.Issued(certificate);
        }

        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint + "/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (SocketException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("/health never answered 200:\n" + Output);
    }

    private ProcessStartInfo ServerStartInfo()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Licentia.Server.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment.Remove("LICENTIA_POSTGRES");
        foreach (var (key, value) in _environment)
        {
            psi.Environment[key] = value;
        }

        return psi;
    }

    private void Kill()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

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
        }

        process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (https?://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
