namespace Licentia.Storage.Postgres;

/// <summary>The multi-node engine: several server processes share one PostgreSQL database.</summary>
public static class PostgresStorage
{
    /// <summary>
    /// Opens a pooled data source over the operator's connection string; no connection is made
    /// until the first call. Run <see cref="ILicentiaStorage.MigrateAsync"/> before serving (every
    /// node may do so: runs are serialized by an advisory lock).
    /// </summary>
    public static ILicentiaStorage Open(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new RelationalStorage(new PostgresConnectionFactory(connectionString), new PostgresDialect(), typeof(PostgresStorage).Assembly);
    }
}
