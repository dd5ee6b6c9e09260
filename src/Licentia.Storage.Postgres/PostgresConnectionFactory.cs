using System.Data.Common;
using Licentia.Storage.Db;
using Npgsql;

namespace Licentia.Storage.Postgres;

/// <summary>Connections from one pooled Npgsql data source over the operator's connection string.</summary>
internal sealed class PostgresConnectionFactory(string connectionString) : IConnectionFactory
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public async ValueTask<DbConnection> OpenAsync(CancellationToken ct) => await _dataSource.OpenConnectionAsync(ct);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
