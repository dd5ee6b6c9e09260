using System.Data.Common;
using Licentia.Storage.Db;
using Microsoft.Data.Sqlite;

namespace Licentia.Storage.Sqlite;

/// <summary>Opens pooled connections to one database file with Licentia's durability settings.</summary>
internal sealed class SqliteConnectionFactory : IConnectionFactory
{
    public const string FileName = "licentia.db";

    // synchronous=FULL: a write is acknowledged only after it is on disk, so a crash loses nothing
    // that a client was told succeeded. busy_timeout: another process holding the write lock is
    // waited for (5 s) instead of failing at once. Both are per connection, hence on every open.
    private const string PerConnectionPragmas = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;";

    private readonly string _connectionString;
    private int _walEnabled;

    public SqliteConnectionFactory(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Path.GetFullPath(dataDirectory), FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
        }.ToString();
    }

    public async ValueTask<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (Volatile.Read(ref _walEnabled) == 0)
            {
                await EnableWalAsync(connection, ct);
                Volatile.Write(ref _walEnabled, 1);
            }

            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = PerConnectionPragmas;
            await pragmas.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        // Closes the pooled handles so the files are released (and the WAL checkpointed) now, not at process exit.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// WAL lets readers run while one writer commits. The mode is stored in the database file, so
    /// it is set once per process; the answer is checked because SQLite silently keeps the old mode
    /// where WAL is impossible (e.g. some network file systems).
    /// </summary>
    private static async Task EnableWalAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        var mode = await command.ExecuteScalarAsync(ct) as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"SQLite refused write-ahead logging (journal mode is '{mode}'); put the data directory on a local file system.");
        }
    }
}
