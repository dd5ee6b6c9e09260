using System.Data.Common;

namespace Licentia.Storage.Db;

/// <summary>
/// What differs between the engines, and nothing else. Parameter style (<c>@name</c>), upserts
/// (<c>INSERT ... ON CONFLICT</c>) and paging (<c>ORDER BY seq LIMIT @n</c>) are spelled the same on
/// SQLite and PostgreSQL, so the stores write them once; the dialect covers transactions, locks,
/// timestamps and JSON parameters, where the engines really do differ.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>DDL of the table that records applied migrations; runs before any migration.</summary>
    public abstract string CreateSchemaMigrationsTableSql { get; }

    /// <summary>
    /// Waits for permission to write before a write transaction opens. Engines with a single writer
    /// use it to queue writers asynchronously instead of blocking threads inside the engine.
    /// </summary>
    public virtual ValueTask<IAsyncDisposable?> EnterWriterAsync(CancellationToken ct) => ValueTask.FromResult<IAsyncDisposable?>(null);

    /// <summary>Starts a transaction that will write, so it must not fail later on a lock upgrade.</summary>
    public abstract ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken ct);

    /// <summary>
    /// Serializes, until the transaction ends, every transaction that takes the same lock name.
    /// Used where a check and a write must not interleave (quota count then insert).
    /// </summary>
    public abstract Task LockAsync(DbConnection connection, DbTransaction transaction, string lockName, CancellationToken ct);

    /// <summary>Holds off other processes' migration runs until the returned handle is disposed.</summary>
    public abstract ValueTask<IAsyncDisposable> LockMigrationsAsync(DbConnection connection, CancellationToken ct);

    /// <summary>
    /// Tries to take the lock that lets one node run a periodic job, on <paramref name="connection"/>, which the
    /// returned handle owns (disposing it releases the lock and the connection). Null when another node holds
    /// it. The default, for engines with a single node per database, always grants it.
    /// </summary>
    public virtual async ValueTask<IAsyncDisposable?> TryLockJobAsync(DbConnection connection, string jobName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await connection.DisposeAsync();
        return NoJobLock.Instance;
    }

    /// <summary>The parameter value that stores an instant (already normalized to UTC microseconds).</summary>
    public abstract object ToDbTimestamp(DateTimeOffset utc);

    public abstract DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);

    /// <summary>Marks a parameter as carrying a JSON document (PostgreSQL: jsonb).</summary>
    public virtual void MarkJson(DbParameter parameter)
    {
    }

    private sealed class NoJobLock : IAsyncDisposable
    {
        public static readonly NoJobLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
