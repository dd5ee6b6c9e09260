using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;
using Xunit;

namespace Licentia.Testing;

/// <summary>
/// A PostgreSQL server for tests, shared by a whole test run through an xunit collection fixture.
/// Uses the server in LICENTIA_TEST_POSTGRES (a connection string of a role allowed to CREATE
/// DATABASE) when set; otherwise starts a private throwaway cluster from the installed binaries and
/// stops it on dispose. Hands out fresh databases so test classes never see each other's rows.
/// Self-contained (Npgsql and xunit only) so other test projects can include this file as a link.
/// </summary>
public sealed class PostgresTestServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "LICENTIA_TEST_POSTGRES";

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _named = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _created = [];
    private PrivatePostgresCluster? _cluster;
    private string? _adminConnectionString;

    private string AdminConnectionString =>
        _adminConnectionString ?? throw new InvalidOperationException("The PostgreSQL test server is not initialized.");

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            _adminConnectionString = external;
            return;
        }

        _cluster = await PrivatePostgresCluster.StartAsync();
        _adminConnectionString = _cluster.ConnectionString;
    }

    /// <summary>The database for <paramref name="key"/> (e.g. a test class name), created on first request.</summary>
    public Task<string> DatabaseAsync(string key) =>
        _named.GetOrAdd(key, k => new Lazy<Task<string>>(() => CreateDatabaseAsync(k))).Value;

    /// <summary>A new empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string hint)
    {
        var name = DatabaseName(hint);
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{name}\"";
            await create.ExecuteNonQueryAsync();
        }

        _created.Add(name);
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        // Idle pooled connections would otherwise hold the databases open.
        NpgsqlConnection.ClearAllPools();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
            return;
        }

        if (_adminConnectionString is null)
        {
            return;
        }

        // On a shared server, leave nothing behind (best effort: a failed drop must not fail the run).
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        foreach (var name in _created)
        {
            try
            {
                await using var drop = connection.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
                await drop.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
            }
        }
    }

    // Lowercase letters, digits and underscores only, within PostgreSQL's 63-byte identifier limit.
    private static string DatabaseName(string hint)
    {
        var clean = new StringBuilder();
        foreach (var c in hint.ToLowerInvariant())
        {
            if (clean.Length == 30)
            {
                break;
            }

            clean.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return $"licentia_{clean}_{Guid.NewGuid():N}"[..Math.Min(63, 9 + clean.Length + 1 + 16)];
    }
}

/// <summary>
/// A PostgreSQL cluster in a temporary directory: initdb, start on 127.0.0.1 at a free port with
/// its unix socket inside the directory, stop with "pg_ctl stop -m fast", delete the directory.
/// Durability is switched off (fsync, synchronous_commit): the data lives only as long as the run.
/// </summary>
internal sealed class PrivatePostgresCluster : IAsyncDisposable
{
    private const string InstallHint =
        $"PostgreSQL tests need a server. Install postgresql (apt-get install postgresql) so initdb and pg_ctl exist under " +
        $"/usr/lib/postgresql/*/bin, or set {PostgresTestServer.EnvironmentVariable} to the connection string of a role allowed to CREATE DATABASE.";

    // initdb refuses to run as root; as root the cluster belongs to the postgres OS user instead.
    private const string ServiceUser = "postgres";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string _binDirectory;
    private readonly string _root;
    private readonly bool _runAsServiceUser;
    private int _stopped;

    private PrivatePostgresCluster(string binDirectory, string root, bool runAsServiceUser, int port)
    {
        _binDirectory = binDirectory;
        _root = root;
        _runAsServiceUser = runAsServiceUser;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = ServiceUser,
            Database = "postgres",
            Timeout = 30,
        }.ConnectionString;
    }

    public string ConnectionString { get; }

    private string DataDirectory => Path.Combine(_root, "data");

    private string LogFile => Path.Combine(_root, "postgres.log");

    public static async Task<PrivatePostgresCluster> StartAsync()
    {
        var bin = FindBinDirectory() ?? throw new InvalidOperationException(InstallHint);
        var asRoot = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

        // /tmp is traversable by every user, which the postgres user needs; root's TMPDIR may not be.
        var tempBase = asRoot && Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath();
        var root = Path.Combine(tempBase, $"licentia-pg-{Guid.NewGuid():N}");
        var sockets = Path.Combine(root, "run");
        Directory.CreateDirectory(sockets);
        if (asRoot)
        {
            await RunAsync(root, "chown", ["-R", $"{ServiceUser}:{ServiceUser}", root]);
        }

        var started = false;
        try
        {
            var data = Path.Combine(root, "data");
            await RunPostgresToolAsync(
                bin,
                root,
                asRoot,
                "initdb",
                ["-D", data, "-U", ServiceUser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"]);
            await File.AppendAllTextAsync(
                Path.Combine(data, "postgresql.conf"),
                string.Join(
                    '\n',
                    "",
                    "# licentia test cluster",
                    "listen_addresses = '127.0.0.1'",
                    $"unix_socket_directories = '{sockets}'",
                    "fsync = off",
                    "synchronous_commit = off",
                    "full_page_writes = off",
                    "max_connections = 300",
                    ""));

            // A free port can be taken between probing and binding: try a few.
            for (var attempt = 1; ; attempt++)
            {
                var cluster = new PrivatePostgresCluster(bin, root, asRoot, FreePort());
                var port = new NpgsqlConnectionStringBuilder(cluster.ConnectionString).Port;
                try
                {
                    await cluster.RunPostgresToolAsync(
                        "pg_ctl",
                        ["-D", cluster.DataDirectory, "-l", cluster.LogFile, "-w", "-t", "60", "-o", $"-p {port.ToString(CultureInfo.InvariantCulture)}", "start"]);
                    started = true;
                    cluster.StopAtProcessExit();
                    return cluster;
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                }
            }
        }
        finally
        {
            if (!started)
            {
                TryDelete(root);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            await RunPostgresToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"]);
        }
        finally
        {
            TryDelete(_root);
        }
    }

    private static string? FindBinDirectory()
    {
        static bool HasTools(string dir) => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));

        // Debian and Ubuntu: /usr/lib/postgresql/<major>/bin, newest major first.
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(dir => (Dir: Path.Combine(dir, "bin"), Major: int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var major) ? major : -1))
                .Where(candidate => HasTools(candidate.Dir))
                .OrderByDescending(candidate => candidate.Major)
                .Select(candidate => candidate.Dir)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        // Other distributions put the tools on PATH.
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasTools);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void StopAtProcessExit() =>
        // Safety net: if the test host exits without disposing fixtures, the server must not outlive it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private Task RunPostgresToolAsync(string tool, IReadOnlyList<string> arguments) =>
        RunPostgresToolAsync(_binDirectory, _root, _runAsServiceUser, tool, arguments);

    private static Task RunPostgresToolAsync(string binDirectory, string root, bool asServiceUser, string tool, IReadOnlyList<string> arguments)
    {
        var executable = Path.Combine(binDirectory, tool);
        if (!asServiceUser)
        {
            return RunAsync(root, executable, arguments);
        }

        if (File.Exists("/usr/sbin/runuser") || File.Exists("/sbin/runuser"))
        {
            return RunAsync(root, "runuser", ["-u", ServiceUser, "--", executable, .. arguments]);
        }

        return RunAsync(root, "setpriv", [$"--reuid={ServiceUser}", $"--regid={ServiceUser}", "--init-groups", "--", executable, .. arguments]);
    }

    private static async Task RunAsync(string workingDirectory, string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            // The postgres user may not be able to enter the test's own directory.
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} did not finish within {CommandTimeout}.");
        }

        if (process.ExitCode != 0)
        {
            var log = Path.Combine(workingDirectory, "postgres.log");
            var serverLog = File.Exists(log) ? await File.ReadAllTextAsync(log) : string.Empty;
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}\n{serverLog}");
        }
    }
}
