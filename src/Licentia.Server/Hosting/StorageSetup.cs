using Licentia.Storage;
using Licentia.Storage.Postgres;
using Licentia.Storage.Sqlite;

namespace Licentia.Server.Hosting;

/// <summary>Opens the storage engine the options choose: PostgreSQL when a connection string is set, else SQLite.</summary>
internal static class StorageSetup
{
    public static ILicentiaStorage Open(LicentiaOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Postgres))
        {
            return PostgresStorage.Open(options.Postgres);
        }

        PrivateFile.EnsureDirectory(options.DataDir);
        return SqliteStorage.Open(options.DataDir);
    }

    public static string Describe(LicentiaOptions options) =>
        string.IsNullOrWhiteSpace(options.Postgres)
            ? $"SQLite in {Path.GetFullPath(options.DataDir)}"
            : "PostgreSQL";
}
