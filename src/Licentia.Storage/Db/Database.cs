using System.Data.Common;

namespace Licentia.Storage.Db;

/// <summary>Opens read and write sessions the same way for every store.</summary>
internal sealed class Database(IConnectionFactory connections, SqlDialect dialect) : IAsyncDisposable
{
    public SqlDialect Dialect => dialect;

    public ValueTask<DbConnection> OpenConnectionAsync(CancellationToken ct) => connections.OpenAsync(ct);

    /// <summary>
    /// The lock that lets one node run the named periodic job, held on a connection of its own until the handle is
    /// disposed; null when another node holds it.
    /// </summary>
    public async Task<IAsyncDisposable?> TryAcquireJobLockAsync(string jobName, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobName);
        var connection = await connections.OpenAsync(ct);
        return await dialect.TryLockJobAsync(connection, "job\0" + jobName, ct);
    }

    /// <summary>A session without a transaction: each statement is atomic on its own.</summary>
    public async ValueTask<Session> ReadAsync(CancellationToken ct)
    {
        var connection = await connections.OpenAsync(ct);
        return new Session(connection, transaction: null, writerSlot: null, dialect);
    }

    /// <summary>A session inside a write transaction; nothing is kept unless <see cref="Session.CommitAsync"/> is called.</summary>
    public async ValueTask<Session> WriteAsync(CancellationToken ct)
    {
        var slot = await dialect.EnterWriterAsync(ct);
        DbConnection? connection = null;
        try
        {
            connection = await connections.OpenAsync(ct);
            var transaction = await dialect.BeginWriteTransactionAsync(connection, ct);
            return new Session(connection, transaction, slot, dialect);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            if (slot is not null)
            {
                await slot.DisposeAsync();
            }

            throw;
        }
    }

    public ValueTask DisposeAsync() => connections.DisposeAsync();
}
