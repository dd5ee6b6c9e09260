using Licentia.Storage.Sqlite;

namespace Licentia.Storage.Tests;

/// <summary>The contract on SQLite: a temporary data directory per test class.</summary>
public sealed class SqliteStorageContractTests(TempDirectory directory) : StorageContractTests, IClassFixture<TempDirectory>
{
    protected override Task<string> ClassDatabaseAsync() => Task.FromResult(directory.Path);

    protected override Task<string> EmptyDatabaseAsync() => Task.FromResult(directory.NewSubdirectory());

    protected override ILicentiaStorage Open(string location) => SqliteStorage.Open(location);
}
