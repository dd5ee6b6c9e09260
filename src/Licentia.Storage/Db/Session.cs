using System.Data.Common;

namespace Licentia.Storage.Db;

/// <summary>One connection, optionally one transaction, and the writer slot it holds.</summary>
internal sealed class Session(DbConnection connection, DbTransaction? transaction, IAsyncDisposable? writerSlot, SqlDialect dialect)
    : IAsyncDisposable
{
    public Statement Prepare(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return new Statement(command, dialect);
    }

    /// <summary>Serializes this transaction against others that take the same lock (see <see cref="LockNames"/>).</summary>
    public Task LockAsync(string lockName, CancellationToken ct) =>
        dialect.LockAsync(connection, transaction ?? throw new InvalidOperationException("Locks need a write session."), lockName, ct);

    public Task CommitAsync(CancellationToken ct) =>
        (transaction ?? throw new InvalidOperationException("Only a write session commits.")).CommitAsync(ct);

    public DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) => dialect.ReadTimestamp(reader, ordinal);

    public async ValueTask DisposeAsync()
    {
        // Disposing an uncommitted transaction rolls it back: every early return means "keep nothing".
        if (transaction is not null)
        {
            await transaction.DisposeAsync();
        }

        await connection.DisposeAsync();
        if (writerSlot is not null)
        {
            await writerSlot.DisposeAsync();
        }
    }
}
