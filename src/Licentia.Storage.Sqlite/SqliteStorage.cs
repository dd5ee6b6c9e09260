using Licentia.Storage.Db;

namespace Licentia.Storage.Sqlite;

/// <summary>The embedded engine: one database file, licentia.db, in a data directory.</summary>
public static class SqliteStorage
{
    /// <summary>
    /// Opens (creating if needed) the database in <paramref name="dataDirectory"/>. Nothing touches
    /// the file until the first call; run <see cref="ILicentiaStorage.MigrateAsync"/> before serving.
    /// </summary>
    public static ILicentiaStorage Open(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        return new RelationalStorage(new SqliteConnectionFactory(dataDirectory), new SqliteDialect(), typeof(SqliteStorage).Assembly);
    }

    /// <summary>Where <see cref="Open"/> keeps the database of a data directory (for backups and diagnostics).</summary>
    public static string DatabasePath(string dataDirectory) =>
        Path.Combine(Path.GetFullPath(dataDirectory), SqliteConnectionFactory.FileName);
}
