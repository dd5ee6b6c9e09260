using System.Data;
using System.Data.Common;
using System.Globalization;
using Licentia.Storage.Db;
using Microsoft.Data.Sqlite;

namespace Licentia.Storage.Sqlite;

internal sealed class SqliteDialect : SqlDialect
{
    // Fixed width and UTC: text comparison in SQL orders instants correctly.
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    private readonly WriterGate _writers = new();

    public override string CreateSchemaMigrationsTableSql =>
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT";

    public override ValueTask<IAsyncDisposable?> EnterWriterAsync(CancellationToken ct) => _writers.EnterAsync(ct);

    /// <summary>
    /// BEGIN IMMEDIATE takes the write lock up front. A deferred transaction would read first and
    /// then fail with SQLITE_BUSY when upgrading to write, which busy_timeout cannot retry.
    /// </summary>
    public override ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken ct) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false));

    /// <summary>Nothing to do: the immediate transaction already holds the database's only write lock.</summary>
    public override Task LockAsync(DbConnection connection, DbTransaction transaction, string lockName, CancellationToken ct) =>
        Task.CompletedTask;

    /// <summary>Each migration runs in an immediate transaction and re-checks schema_migrations, which is exclusion enough.</summary>
    public override ValueTask<IAsyncDisposable> LockMigrationsAsync(DbConnection connection, CancellationToken ct) =>
        ValueTask.FromResult<IAsyncDisposable>(NoLock.Instance);

    public override object ToDbTimestamp(DateTimeOffset utc) => utc.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(
            reader.GetString(ordinal),
            TimestampFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
