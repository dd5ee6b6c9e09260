using System.Data;
using System.Data.Common;
using Licentia.Storage.Db;
using Npgsql;
using NpgsqlTypes;

namespace Licentia.Storage.Postgres;

internal sealed class PostgresDialect : SqlDialect
{
    public override string CreateSchemaMigrationsTableSql =>
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)";

    /// <summary>
    /// READ COMMITTED: every statement sees what committed before it started, so a count taken
    /// after acquiring a scope lock sees everything the previous holder wrote.
    /// </summary>
    public override async ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken ct) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);

    /// <summary>
    /// A transaction-scoped advisory lock: released by commit or rollback, so it cannot leak, and it
    /// serializes exactly the transactions of one scope and kind across every server node.
    /// </summary>
    public override async Task LockAsync(DbConnection connection, DbTransaction transaction, string lockName, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(@key)";
        command.Parameters.Add(new NpgsqlParameter<long>("key", AdvisoryLockKey.For(lockName)));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// A session-level advisory lock held on its own connection for the whole run: nodes starting
    /// together queue here, and the later ones find every migration already recorded.
    /// </summary>
    public override async ValueTask<IAsyncDisposable> LockMigrationsAsync(DbConnection connection, CancellationToken ct)
    {
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", ct);
        return new MigrationLock(connection);
    }

    /// <summary>
    /// A session-level advisory lock tried without waiting: the node that gets it runs the job, the others
    /// skip this round. Held on its own connection until the handle is disposed (or the session ends).
    /// </summary>
    public override async ValueTask<IAsyncDisposable?> TryLockJobAsync(DbConnection connection, string jobName, CancellationToken ct)
    {
        var key = AdvisoryLockKey.For(jobName);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT pg_try_advisory_lock(@key)";
            command.Parameters.Add(new NpgsqlParameter<long>("key", key));
            if (await command.ExecuteScalarAsync(ct) is true)
            {
                return new JobLock(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    public override object ToDbTimestamp(DateTimeOffset utc) => utc;

    public override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override void MarkJson(DbParameter parameter) => ((NpgsqlParameter)parameter).NpgsqlDbType = NpgsqlDbType.Jsonb;

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        // Another node may be running long migrations: wait for its lock as long as they take.
        command.CommandTimeout = 0;
        command.Parameters.Add(new NpgsqlParameter<long>("key", AdvisoryLockKey.Migrations));
        await command.ExecuteNonQueryAsync(ct);
    }

    private sealed class MigrationLock(DbConnection connection) : IAsyncDisposable
    {
        // Not cancellable on purpose: the unlock must run even when the migration was cancelled.
        // Should it fail, closing the connection ends the session and PostgreSQL drops the lock anyway.
        public async ValueTask DisposeAsync() => await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
    }

    private sealed class JobLock(DbConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT pg_advisory_unlock(@key)";
                command.Parameters.Add(new NpgsqlParameter<long>("key", key));
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
            finally
            {
                // Closing ends the session, which drops the lock even if the unlock failed.
                await connection.DisposeAsync();
            }
        }
    }
}
