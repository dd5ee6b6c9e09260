using Licentia.Core.LicenseConfigurations;
using Licentia.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using static Licentia.Storage.Tests.TestData;

namespace Licentia.Storage.Tests;

/// <summary>What only the embedded engine promises: the file in the data directory, its modes, surviving a reopen.</summary>
public sealed class SqliteDurabilityTests(TempDirectory directory) : IClassFixture<TempDirectory>
{
    [Fact]
    public async Task Data_written_is_still_there_after_the_storage_is_reopened()
    {
        var dataDirectory = directory.NewSubdirectory();
        var scope = NewScope();
        var configuration = FullConfiguration(scope);
        await using (var storage = SqliteStorage.Open(dataDirectory))
        {
            await storage.MigrateAsync(CancellationToken.None);
            Assert.True(await storage.LicenseConfigurations.TryInsertAsync(configuration, [new("k", "v")], 10, CancellationToken.None));
        }

        await using var reopened = SqliteStorage.Open(dataDirectory);
        await reopened.MigrateAsync(CancellationToken.None);

        Assert.Equivalent(configuration, await reopened.LicenseConfigurations.FindAsync(scope, configuration.Id, CancellationToken.None), strict: true);
        Assert.Equal([new("k", "v")], await reopened.Tags.ListAsync(scope, configuration.Arn, CancellationToken.None));
    }

    [Fact]
    public async Task The_database_is_one_file_in_the_data_directory_in_wal_mode_with_each_migration_recorded_once()
    {
        var dataDirectory = Path.Combine(directory.NewSubdirectory(), "not-yet-created");
        await using (var storage = SqliteStorage.Open(dataDirectory))
        {
            await storage.MigrateAsync(CancellationToken.None);
            await storage.MigrateAsync(CancellationToken.None);
            Assert.Empty((await storage.LicenseConfigurations.ListAsync(NewScope(), new LicenseConfigurationQuery(), CancellationToken.None)).Items);
        }

        var file = SqliteStorage.DatabasePath(dataDirectory);
        Assert.Equal(Path.Combine(Path.GetFullPath(dataDirectory), "licentia.db"), file);
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM schema_migrations WHERE version = 1"));
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
